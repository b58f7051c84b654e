import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBundle, type Bundle } from './bundle.js';

const SAMPLE = process.env.BUNDLE_TRIAGE_SAMPLE_V10 ?? '';
const hasSample = SAMPLE !== '' && existsSync(join(SAMPLE, 'metadata.yaml'));
const canArchive = (() => {
  try {
    execFileSync('zip', ['-v'], { stdio: 'ignore' });
    execFileSync('tar', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe.skipIf(!hasSample)(`the real Harvester v1.0 sample (${hasSample ? SAMPLE : 'absent: set BUNDLE_TRIAGE_SAMPLE_V10'})`, () => {
  let bundle: Bundle;
  beforeAll(async () => {
    bundle = await openBundle(SAMPLE);
  });
  afterAll(() => bundle?.close());

  it('indexes 1,175 files: 1,139 YAML lists, 33 pod logs, one node whose zip holds 39 entries', () => {
    expect(bundle.index.fileCount).toBe(1175);
    expect(bundle.index.resourceFiles()).toHaveLength(1139);
    expect(bundle.index.podLogs()).toHaveLength(33);
    expect(bundle.index.nodes()).toEqual(['node1']);
    expect(bundle.index.archiveMemberCount('nodes/node1.zip')).toBe(39);
  });

  it('decodes every YAML file or records a diagnostic for it, and counts 969 empty-list stubs', async () => {
    for (const file of bundle.index.resourceFiles()) {
      await bundle.resources({ group: file.group, resource: file.resource, version: file.version, namespace: file.namespace ?? null });
    }
    const facts = await bundle.facts();
    expect(facts.emptyListFiles).toBe(969);
    expect(facts.oldKit).toBe(true);
    expect(bundle.diagnostics().filter((diagnostic) => diagnostic.level === 'error')).toEqual([]);
  });

  it('takes the Harvester version from node1 harvester-release.yaml and says so (a development build)', async () => {
    const { harvesterVersion } = await bundle.facts();
    expect(harvesterVersion).toEqual({
      value: '1a861fc-dirty',
      development: true,
      source: { path: 'nodes/node1.zip!/node1/configs/etc/harvester-release.yaml', line: 1, description: 'node node1 harvester-release.yaml' },
    });
  });

  it('reads Kubernetes version and creation time from metadata.yaml', async () => {
    const facts = await bundle.facts();
    expect(facts.kubernetesVersion).toBe('v1.21.7+rke2r1');
    expect(facts.createdAt).toBe('2022-03-22T23:49:32Z');
    expect(facts.nodes).toEqual(['node1']);
  });

  it('tells the 10 collected namespaces apart from those that exist but were not collected', async () => {
    const facts = await bundle.facts();
    expect(facts.collectedNamespaces).toEqual([
      'cattle-dashboards', 'cattle-fleet-clusters-system', 'cattle-monitoring-system', 'cattle-system', 'default',
      'fleet-local', 'harvester-system', 'kube-system', 'local', 'longhorn-system',
    ]);
    expect(facts.uncollectedNamespaces).toContain('cattle-fleet-system');
    expect(facts.uncollectedNamespaces).not.toContain('default');
    expect(facts.collectedNamespaces.length + facts.uncollectedNamespaces.length).toBe(18);
  });

  it('locates fields of items deep in the 1.5 MB Fleet bundles list on the line that holds them', async () => {
    const path = 'yamls/namespaced/fleet-local/fleet.cattle.io/v1alpha1/bundles.yaml';
    const lines = readFileSync(join(SAMPLE, path), 'utf8').split('\n');
    const bundles = await bundle.resources({ group: 'fleet.cattle.io', resource: 'bundles', namespace: 'fleet-local' });
    expect(bundles).toHaveLength(7);
    const monitoring = bundles.find((item) => item.metadata.name === 'mcc-rancher-monitoring-crd')!;
    expect(bundle.origin(monitoring)).toEqual({ path, line: 3800, index: 6 });
    for (const [pointer, text] of [
      ['/metadata/name', 'name: mcc-rancher-monitoring-crd'],
      ['/status/display/readyClusters', 'readyClusters: 1/1'],
      ['/status/summary/desiredReady', 'desiredReady: 1'],
    ] as const) {
      const line = await bundle.locate(monitoring, pointer);
      expect(lines[line! - 1]!.trim()).toBe(text);
    }
    const harvester = bundles.find((item) => item.metadata.name === 'mcc-harvester')!;
    const line = await bundle.locate(harvester, '/status/display/readyClusters');
    expect(lines[line! - 1]!.trim()).toBe('readyClusters: 0/1');
    expect(await bundle.locate(harvester, '/status/no/such/field')).toBeUndefined();
  });

  it('streams a node journal log from inside the nested zip with line numbers and years', async () => {
    const [kernel] = bundle.logs({ node: 'node1', file: 'logs/kernel.log' });
    expect(kernel?.path).toBe('nodes/node1.zip!/node1/logs/kernel.log');
    let first;
    for await (const line of kernel!.lines()) {
      first = line;
      break;
    }
    expect(first?.line).toBe(1);
    const matches = [];
    for await (const match of kernel!.grep(/Linux version (?<version>\S+)/, { prefilter: 'Linux version', maxMatches: 1 })) matches.push(match);
    expect(matches[0]?.groups.version).toMatch(/^\d+\.\d+/);
    expect(new Date(matches[0]!.time!).getUTCFullYear()).toBe(2022);
  });

  it('splits pod log timestamps off and keeps 1-based line numbers', async () => {
    const [log] = bundle.logs({ namespace: 'harvester-system', container: 'harvester-load-balancer' });
    const lines = [];
    for await (const line of log!.lines()) {
      lines.push(line);
      if (lines.length === 2) break;
    }
    expect(lines[0]).toMatchObject({ line: 1, time: Date.UTC(2022, 2, 6, 22, 51, 40, 561) });
    expect(lines[0]!.text.startsWith('I0306 22:51:40.558178')).toBe(true);
  });
});

describe.skipIf(!hasSample || !canArchive)('the same bundle as a folder, a .zip and a .tar.gz', () => {
  let work: string;
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'bundle-triage-formats-'));
    const top = 'supportbundle_9b6b22de-6e5d-4905-aec8-1f226e413986_2022-03-22T23-49-32Z';
    execFileSync('cp', ['-r', SAMPLE, join(work, top)]);
    execFileSync('zip', ['-qr', join(work, 'bundle.zip'), top], { cwd: work });
    execFileSync('tar', ['czf', join(work, 'bundle.tar.gz'), top], { cwd: work });
  }, 120_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('gives identical indexes, facts and objects', async () => {
    const snapshots = [];
    for (const input of [SAMPLE, join(work, 'bundle.zip'), join(work, 'bundle.tar.gz')]) {
      const bundle = await openBundle(input);
      try {
        const facts = await bundle.facts();
        const charts = await bundle.resources({ group: 'management.cattle.io', resource: 'managedcharts', namespace: 'fleet-local' });
        const chart = charts.find((item) => item.metadata.name === 'harvester')!;
        snapshots.push({
          index: bundle.index.entries,
          facts,
          charts,
          origin: bundle.origin(chart),
          line: await bundle.locate(chart, '/spec/version'),
        });
      } finally {
        await bundle.close();
      }
    }
    expect(snapshots[1]).toEqual(snapshots[0]);
    expect(snapshots[2]).toEqual(snapshots[0]);
  }, 120_000);
});
