import { describe, expect, it } from 'vitest';
import { preV140BackingimageCrdNotUpdated } from './fault.js';
import { catalogRule, citedLine, runRule } from '@bundle-triage/rules/testing';
import { healthyCluster } from '../../../../../testdata/generator/index.js';

const ID = 'pre-v1.4.0-backingimage-crd-not-updated';

describe(ID, () => {
  it('fails on v1.3.2 with v1.4.0 ready while the BackingImage CRD lacks diskFileSpecMap, and patches the ManagedChart', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.0', nodes: 3, seed: 131 });
    preV140BackingimageCrdNotUpdated(builder);
    const run = await runRule(await catalogRule(ID), builder);
    expect(run.outcome).toBe('fail');
    expect(run.finding!.message).toBe(
      'Version v1.4.0 is ready to install, but CRD backingimages.longhorn.io has no spec.diskFileSpecMap in its v1beta2 schema: the Longhorn v1.7.2 BackingImage CRD was not applied, and upgrading now risks corrupting VM images.',
    );
    const version = run.finding!.evidence.find((item) => item.path.endsWith('versions.yaml'))!;
    expect(version.path).toBe('yamls/namespaced/harvester-system/harvesterhci.io/v1beta1/versions.yaml');
    expect(citedLine(builder, version).trim()).toBe('name: v1.4.0');
    const crd = run.finding!.evidence.find((item) => item.path.endsWith('customresourcedefinitions.yaml'))!;
    expect(crd.path).toBe('yamls/cluster/apiextensions.k8s.io/v1/customresourcedefinitions.yaml');
    expect(citedLine(builder, crd).trim()).toBe('name: v1beta2');
    const patch = run.finding!.remediation!.patch!;
    expect(patch.target.name).toBe('harvester');
    expect(patch.diff).toContain('+    - apiVersion: apiextensions.k8s.io/v1');
    expect(run.finding!.remediation!.commands[0]).toContain('"name":"backingimages.longhorn.io"');
  });

  it('fails when the CRD was applied without the diff and mcc-harvester reports it modified', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.0', nodes: 1, seed: 132 });
    preV140BackingimageCrdNotUpdated(builder, { modified: true });
    const run = await runRule(await catalogRule(ID), builder);
    expect(run.outcome).toBe('fail');
    expect(run.finding!.severity).toBe('high');
    expect(run.finding!.message).toContain('reports CRD backingimages.longhorn.io as modified');
  });

  it('passes when the docs\' steps were done: comparePatch added and v1.7.2 CRD applied (near miss)', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.0', nodes: 3, seed: 131 });
    preV140BackingimageCrdNotUpdated(builder, { prepared: true });
    expect((await runRule(await catalogRule(ID), builder)).outcome).toBe('pass');
  });

  it('is skipped on v1.4.x and when the CRD list was not collected', async () => {
    expect((await runRule(await catalogRule(ID), healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 1, seed: 1 }))).skipReason).toBe(
      'applies to Harvester >=1.3.2 <1.4.0; this bundle is v1.4.1',
    );
    const builder = healthyCluster({ harvesterVersion: 'v1.4.0', nodes: 1, seed: 133 });
    builder.updateObject('harvesterhci.io/v1beta1', 'Setting', undefined, 'server-version', (setting) => {
      setting.value = 'v1.3.2';
    });
    expect((await runRule(await catalogRule(ID), builder)).skipReason).toBe('customresourcedefinitions backingimages.longhorn.io is not in this bundle');
  });
});
