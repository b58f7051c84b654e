import { openBundle } from '@bundle-triage/core';
import { load as loadYaml } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { modifiedFleetStatus } from '../../../../../testdata/generator/fleet-status.js';
import { flagshipS01, fixS01, snapshotWebhookModifications } from '../../../../../testdata/generator/index.js';
import { statusBasis } from '../../../../../testdata/generator/fault-support/fleet-objects.js';
import { SeededRandom } from '../../../../../testdata/generator/random.js';
import { renderPatch } from '../../../src/remediation/render-patch.js';
import { type BundleBuilder, catalogRule, runRule } from '@bundle-triage/rules/testing';
import { healthyCluster } from '../../../../../testdata/generator/index.js';

const ID = 'mcc-harvester-modified-snapshot-validation-webhook';
const BUNDLES = 'yamls/namespaced/fleet-local/fleet.cattle.io/v1alpha1/bundles.yaml';
const CHARTS = 'yamls/namespaced/fleet-local/management.cattle.io/v3/managedcharts.yaml';

function flagship(options: Parameters<typeof flagshipS01>[1] = {}): BundleBuilder {
  const bundle = healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 1, seed: 1 });
  flagshipS01(bundle, options);
  return bundle;
}

function lineOf(bundle: BundleBuilder, path: string, line: number): string {
  return new TextDecoder().decode(bundle.toFiles().get(path)!).split('\n')[line - 1]!.trim();
}

describe(`${ID} (S01, the flagship)`, () => {
  it('fails on a v1.4.1 cluster whose mcc-harvester is 0/1 Modified on the webhook Secret and VWC, naming both', async () => {
    const bundle = flagship();
    const run = await runRule(await catalogRule(ID), bundle);
    expect(run.outcome).toBe('fail');
    expect(run.finding!.severity).toBe('critical');
    expect(run.finding!.message).toBe(
      `An upgrade would be refused with 'admission webhook "validator.harvesterhci.io" denied the request: managed chart harvester is not ready, please wait for it to be ready': ` +
        'Fleet bundle fleet-local/mcc-harvester is 0/1 and Modified on Secret kube-system/snapshot-validation-webhook-tls and ' +
        'ValidatingWebhookConfiguration harvester-snapshot-validation-webhook, and the harvester ManagedChart has no comparePatches entry for them (Harvester v1.4.1).',
    );
  });

  it('cites lines that really hold the proof: readyClusters 0/1, the chart\'s Ready False, the modified kinds, the comparePatches list', async () => {
    const bundle = flagship();
    const { finding } = await runRule(await catalogRule(ID), bundle);
    const cited = finding!.evidence.map((evidence) => [evidence.path, evidence.pointer, lineOf(bundle, evidence.path, evidence.line)]);
    expect(cited).toContainEqual([BUNDLES, '/status/display/readyClusters', 'readyClusters: 0/1']);
    expect(cited).toContainEqual([CHARTS, '/status/conditions/0/status', 'status: "False"']);
    expect(cited).toContainEqual([CHARTS, '/spec/diff/comparePatches', 'comparePatches:']);
    expect(cited.filter(([path, , text]) => path === BUNDLES && (text === 'kind: Secret' || text === 'kind: ValidatingWebhookConfiguration'))).toHaveLength(2);
    for (const evidence of finding!.evidence) expect(evidence.excerpt).toBe(lineOf(bundle, evidence.path, evidence.line));
  });

  it('gives the fix as the ManagedChart diff and the kubectl patch command, keeping the existing comparePatches', async () => {
    const bundle = flagship();
    const { finding } = await runRule(await catalogRule(ID), bundle);
    const patch = finding!.remediation!.patch!;
    expect(patch.target).toMatchObject({ kind: 'ManagedChart', namespace: 'fleet-local', name: 'harvester', path: CHARTS });
    expect(patch.diff).toContain('+      name: snapshot-validation-webhook-tls');
    expect(patch.diff).toContain('+      name: harvester-snapshot-validation-webhook');
    expect(patch.diff.split('\n').filter((line) => line.startsWith('-') && !line.startsWith('---'))).toEqual([]);
    expect(patch.command).toBe(
      `kubectl patch managedcharts.management.cattle.io harvester -n fleet-local --type=json -p '[` +
        '{"op":"add","path":"/spec/diff/comparePatches/-","value":{"apiVersion":"v1","kind":"Secret","name":"snapshot-validation-webhook-tls","jsonPointers":["/data"]}},' +
        '{"op":"add","path":"/spec/diff/comparePatches/-","value":{"apiVersion":"admissionregistration.k8s.io/v1","kind":"ValidatingWebhookConfiguration","name":"harvester-snapshot-validation-webhook","jsonPointers":["/webhooks"]}}]\'',
    );

    // Applied to the chart as it is in the bundle, the two entries are added after the existing ones.
    const opened = await openBundle(bundle.toZip());
    try {
      const [chart] = await opened.resources({ group: 'management.cattle.io', resource: 'managedcharts', namespace: 'fleet-local', name: 'harvester' });
      const before = (chart!.spec as { diff: { comparePatches: { name: string }[] } }).diff.comparePatches.map((entry) => entry.name);
      const after = loadYaml(renderPatch(chart!, patch.operations).after) as { spec: { diff: { comparePatches: { kind: string; name: string; jsonPointers: string[] }[] } } };
      expect(after.spec.diff.comparePatches.map((entry) => entry.name)).toEqual([...before, 'snapshot-validation-webhook-tls', 'harvester-snapshot-validation-webhook']);
      expect(after.spec.diff.comparePatches.slice(-2)).toEqual([
        { apiVersion: 'v1', kind: 'Secret', name: 'snapshot-validation-webhook-tls', jsonPointers: ['/data'] },
        { apiVersion: 'admissionregistration.k8s.io/v1', kind: 'ValidatingWebhookConfiguration', name: 'harvester-snapshot-validation-webhook', jsonPointers: ['/webhooks'] },
      ]);
    } finally {
      await opened.close();
    }
  });

  it('names only the Secret when only the Secret is Modified (the #7996 variant without the VWC)', async () => {
    const bundle = flagship();
    const [secret] = snapshotWebhookModifications(new SeededRandom(0x501));
    for (const [apiVersion, kind, name] of [
      ['management.cattle.io/v3', 'ManagedChart', 'harvester'],
      ['fleet.cattle.io/v1alpha1', 'Bundle', 'mcc-harvester'],
    ] as const) {
      bundle.updateObject(apiVersion, kind, 'fleet-local', name, (object) => {
        object.status = modifiedFleetStatus(statusBasis(object, '2025-03-11T07:00:00Z'), 'fleet-local/local', [secret!]);
      });
    }
    const run = await runRule(await catalogRule(ID), bundle);
    expect(run.outcome).toBe('fail');
    expect(run.finding!.message).toContain('Modified on Secret kube-system/snapshot-validation-webhook-tls, and the harvester ManagedChart');
  });

  it('does not fire when the same bundle is Modified on another object (a near miss: S13/S18 cases)', async () => {
    const bundle = flagship();
    for (const [apiVersion, kind, name] of [
      ['management.cattle.io/v3', 'ManagedChart', 'harvester'],
      ['fleet.cattle.io/v1alpha1', 'Bundle', 'mcc-harvester'],
    ] as const) {
      bundle.updateObject(apiVersion, kind, 'fleet-local', name, (object) => {
        object.status = modifiedFleetStatus(statusBasis(object, '2025-03-11T07:00:00Z'), 'fleet-local/local', [
          { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'harvester-system', name: 'harvester', patch: '{"spec":{"replicas":2}}' },
        ]);
      });
    }
    const run = await runRule(await catalogRule(ID), bundle);
    expect(run.outcome).not.toBe('fail');
    expect(run.findings.every((finding) => finding.status !== 'fail' && finding.status !== 'warn')).toBe(true);
  });

  it('does not fire once the chart has the two comparePatches entries, even before Fleet caught up', async () => {
    const bundle = flagship();
    bundle.updateObject('management.cattle.io/v3', 'ManagedChart', 'fleet-local', 'harvester', (chart) => {
      const diff = (chart.spec as { diff: { comparePatches: unknown[] } }).diff;
      diff.comparePatches.push(
        { apiVersion: 'v1', jsonPointers: ['/data'], kind: 'Secret', name: 'snapshot-validation-webhook-tls' },
        { apiVersion: 'admissionregistration.k8s.io/v1', jsonPointers: ['/webhooks'], kind: 'ValidatingWebhookConfiguration', name: 'harvester-snapshot-validation-webhook' },
      );
    });
    expect((await runRule(await catalogRule(ID), bundle)).outcome).toBe('pass');
  });

  it('passes after the fix (the bundle is 1/1 and the chart ignores the regenerated objects)', async () => {
    const bundle = flagship();
    fixS01(bundle);
    expect((await runRule(await catalogRule(ID), bundle)).outcome).toBe('pass');
  });

  it('reports the latent state of a healthy v1.4.1 cluster as low-severity info, with the preventive patch', async () => {
    const run = await runRule(await catalogRule(ID), healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 1, seed: 1 }));
    expect(run.outcome).toBe('info');
    expect(run.finding!.severity).toBe('low');
    expect(run.finding!.message).toMatch(/^Not blocking now: /);
    expect(run.finding!.remediation!.summary).toMatch(/^Before anything edits the harvester ManagedChart/);
    expect(run.finding!.remediation!.patch!.diff).toContain('+      name: snapshot-validation-webhook-tls');
  });

  it('is skipped as not applicable on v1.4.2, where installs ship the entries', async () => {
    const run = await runRule(await catalogRule(ID), flagship({ serverVersion: 'v1.4.2', targetVersion: 'v1.4.2' }));
    expect(run.outcome).toBe('skipped');
    expect(run.skipReason).toBe('applies to Harvester >=1.4.0 <1.4.2; this bundle is v1.4.2');
  });

  it('is skipped, not passed, when the mcc-harvester Bundle is not in the bundle', async () => {
    const bundle = flagship();
    bundle.removeObject('fleet.cattle.io/v1alpha1', 'Bundle', 'fleet-local', 'mcc-harvester');
    const run = await runRule(await catalogRule(ID), bundle);
    expect(run.outcome).toBe('skipped');
    expect(run.skipReason).toBe('bundles fleet-local/mcc-harvester is not in this bundle');
  });
});
