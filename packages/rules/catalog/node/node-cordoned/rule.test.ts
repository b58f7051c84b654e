import { describe, expect, it } from 'vitest';
import { catalogRule, expectCited, runRule } from '@bundle-triage/rules/testing';
import { catalogReport } from '../../../../../testdata/generator/fault-support/catalog-report.js';
import { healthyCluster } from '../../../../../testdata/generator/index.js';
import { nodeCordoned } from './fault.js';

const ID = 'node-cordoned';

describe(ID, () => {
  it('warns for a node left cordoned with no upgrade in progress, saying since when', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 2 });
    const node = nodeCordoned(builder, { hoursAgo: 26 });
    const run = await runRule(await catalogRule(ID), builder);
    expect(run.outcome).toBe('warn');
    expect(run.finding!.severity).toBe('medium');
    expect(run.finding!.message).toBe(
      `node ${node} is cordoned (spec.unschedulable; the unschedulable taint was added 1d2h before the bundle was taken) and no Harvester upgrade is in progress: no new pod or VM is scheduled on it, and an upgrade would be refused`,
    );
    expectCited(builder, run.finding, 'yamls/cluster/v1/nodes.yaml', /^\/spec\/unschedulable$/, 'unschedulable: true');
    expect(run.finding!.remediation!.commands).toEqual([`kubectl uncordon ${node}`]);
  });

  it('does not say an upgrade would be refused on a release whose validator does not check nodes (v1.1.0)', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.1.0', nodes: 3, seed: 2 });
    const node = nodeCordoned(builder, { hoursAgo: 26 });
    const run = await runRule(await catalogRule(ID), builder);
    expect(run.outcome).toBe('warn');
    expect(run.finding!.message).toBe(
      `node ${node} is cordoned (spec.unschedulable; the unschedulable taint was added 1d2h before the bundle was taken) and no Harvester upgrade is in progress: no new pod or VM is scheduled on it`,
    );
    expectCited(builder, run.finding, 'yamls/cluster/v1/nodes.yaml', /^\/spec\/unschedulable$/, 'unschedulable: true');
  });

  it('warns too when the latest upgrade already Succeeded: it no longer drains the node', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 2 });
    nodeCordoned(builder, { upgrade: 'Succeeded' });
    expect((await runRule(await catalogRule(ID), builder)).outcome).toBe('warn');
  });

  it('passes while an upgrade drains the node (near miss)', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 2 });
    nodeCordoned(builder, { upgrade: 'UpgradingNodes', hoursAgo: 1 });
    expect((await runRule(await catalogRule(ID), builder)).outcome).toBe('pass');
  });

  it('only informs about a node in maintenance mode: it was cordoned on purpose', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 2 });
    const node = nodeCordoned(builder, { maintenance: 'completed' });
    const run = await runRule(await catalogRule(ID), builder);
    expect(run.outcome).toBe('info');
    expect(run.finding!.message).toBe(
      `node ${node} is in maintenance mode (harvesterhci.io/maintain-status: completed): cordoned on purpose, no new pod or VM is scheduled on it until maintenance mode is disabled`,
    );
  });

  it('explains the upgrade validator\'s refusal of the unschedulable node, and heads the report', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 3, seed: 7 });
    nodeCordoned(builder);
    const report = await catalogReport(builder);
    const cause = report.findings.find((finding) => finding.ruleId === ID)!;
    const gate = report.findings.find((finding) => finding.ruleId === 'upgrade-gate-node-unschedulable')!;
    expect(gate.causedBy).toEqual([{ ruleId: ID, fingerprint: cause.fingerprint }]);
    expect(report.summary.headline).toBe(ID);
  });
});
