import { openBundle } from '@bundle-triage/core';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/engine/analyze.js';
import { flagshipS01 } from '../mcc-harvester-modified-snapshot-validation-webhook/fault.js';
import { mccHarvesterModifiedUserEditedDownstreamObject } from './fault.js';
import { catalogRule, expectCited, runRule } from '@bundle-triage/rules/testing';
import { healthyCluster } from '../../../../../testdata/generator/index.js';

const MANAGED_CHARTS = 'yamls/namespaced/fleet-local/management.cattle.io/v3/managedcharts.yaml';

const ID = 'mcc-harvester-modified-user-edited-downstream-object';

describe(`${ID} (S13)`, () => {
  it('fails when the harvester bundle is Modified on a Deployment edited by hand', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 2 });
    mccHarvesterModifiedUserEditedDownstreamObject(builder);
    const run = await runRule(await catalogRule(ID), builder);
    expect(run.outcome).toBe('fail');
    expect(run.finding?.message).toBe(
      'ManagedChart harvester is not Ready because Fleet found chart-owned objects edited outside Fleet: Deployment harvester-system/harvester-network-controller-manager (Fleet state Modified, 0/1); upgrades are refused until they match the chart again.',
    );
    const evidence = expectCited(builder, run.finding, MANAGED_CHARTS, /modifiedStatus\/0\/patch$/, 'patch:');
    expect(evidence.object?.name).toBe('harvester');
  });

  it('does not say upgrades are refused on a release whose validator does not check managed charts (v1.1.0)', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.1.0', nodes: 3, seed: 2 });
    mccHarvesterModifiedUserEditedDownstreamObject(builder);
    const run = await runRule(await catalogRule(ID), builder);
    expect(run.outcome).toBe('fail');
    expect(run.finding?.message).toBe(
      'ManagedChart harvester is not Ready because Fleet found chart-owned objects edited outside Fleet: Deployment harvester-system/harvester-network-controller-manager (Fleet state Modified, 0/1); the chart stays not Ready until they match it again.',
    );
    expect(run.finding?.tags).toEqual(['upgrade', 'fleet', 'managedchart']);
    expectCited(builder, run.finding, MANAGED_CHARTS, /modifiedStatus\/0\/patch$/, 'patch:');
  });

  it('is refined by S01 on the flagship bundle, whose modified objects Harvester regenerates itself: info, covered by S01', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 1, seed: 1 });
    flagshipS01(builder);
    const bundle = await openBundle(builder.toZip());
    try {
      const report = await analyze(bundle, { rules: [await catalogRule(ID), await catalogRule('mcc-harvester-modified-snapshot-validation-webhook')] });
      const s13 = report.findings.find((finding) => finding.ruleId === ID);
      expect(s13?.status).toBe('info');
      expect(s13?.coveredBy).toBe('mcc-harvester-modified-snapshot-validation-webhook');
      expect(report.summary.headline).toBe('mcc-harvester-modified-snapshot-validation-webhook');
    } finally {
      await bundle.close();
    }
  });
});
