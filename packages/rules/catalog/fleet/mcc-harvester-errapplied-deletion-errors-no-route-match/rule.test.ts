import { describe, expect, it } from 'vitest';
import { mccHarvesterErrAppliedDeletionErrorsNoRouteMatch } from './fault.js';
import { catalogRule, citedLine, expectCited, runRule } from '@bundle-triage/rules/testing';
import { healthyCluster } from '../../../../../testdata/generator/index.js';

const MANAGED_CHARTS = 'yamls/namespaced/fleet-local/management.cattle.io/v3/managedcharts.yaml';

const ID = 'mcc-harvester-errapplied-deletion-errors-no-route-match';

describe(`${ID} (S09)`, () => {
  it('fails once for mcc-harvester and mcc-harvester-crd denied deleting Helm release secrets', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 1, seed: 1 });
    mccHarvesterErrAppliedDeletionErrorsNoRouteMatch(builder);
    const run = await runRule(await catalogRule(ID), builder);
    expect(run.outcome).toBe('fail');
    expect(run.findings.filter((finding) => finding.status === 'fail')).toHaveLength(1);
    expect(run.finding?.message).toBe(
      `2 objects: Bundle fleet-local/mcc-harvester is ErrApplied: the harvester webhook denied the Fleet agent's deletion of a Helm release secret ('no route match found for DELETE /v1, Kind=Secret harvester-system/sh.helm.release.v1.…'), so the upgrade waits for it forever.; Bundle fleet-local/mcc-harvester-crd is ErrApplied: the harvester webhook denied the Fleet agent's deletion of a Helm release secret ('no route match found for DELETE /v1, Kind=Secret harvester-system/sh.helm.release.v1.…'), so the upgrade waits for it forever.`,
    );
    const cited = run.finding!.evidence.filter((item) => item.path === MANAGED_CHARTS).map((item) => item.object?.name);
    expect(cited).toEqual(expect.arrayContaining(['harvester', 'harvester-crd']));
    expectCited(builder, run.finding, MANAGED_CHARTS, /^\/status\/conditions\/0\/message$/, 'ErrApplied(1) [Cluster fleet-local/local:');
    const log = run.finding!.evidence.find((item) => item.path.endsWith('/apply.log'))!;
    expect(citedLine(builder, log)).toContain('Current state: ErrApplied');
  });

  it('does not fire when the denied deletion is not of a Helm release Secret', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 1, seed: 1 });
    mccHarvesterErrAppliedDeletionErrorsNoRouteMatch(builder, { kind: 'ConfigMap' });
    const run = await runRule(await catalogRule(ID), builder);
    expect(run.outcome).toBe('pass');
  });
});
