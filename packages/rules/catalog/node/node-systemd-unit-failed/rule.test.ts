import { describe, expect, it } from 'vitest';
import { catalogRule, citedLine, runRule } from '@bundle-triage/rules/testing';
import { generateHealthyCluster } from '../../../../../testdata/generator/index.js';
import { describeNodeHealthCheck } from '../../../../../testdata/generator/fault-support/node-health-check.js';
import { nodeSystemdUnitFailed } from './fault.js';

describeNodeHealthCheck({
  id: 'node-systemd-unit-failed',
  source: 'supportconfig',
  fault: (cluster) => nodeSystemdUnitFailed(cluster),
  // A healthy node lists "0 loaded units listed."; the near miss is the same node, nothing failed.
  nearMiss: () => undefined,
  status: 'fail',
  message: (node) => `rancher-system-agent.service (Rancher System Agent) has failed on ${node as string} (failed/failed): a unit Harvester needs on every node`,
  file: 'systemd.txt',
  proof: /^● rancher-system-agent\.service\s+loaded failed failed Rancher System Agent$/,
});

describe('node-systemd-unit-failed', () => {
  it('warns, low, for a unit Harvester does not depend on', async () => {
    const cluster = generateHealthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 63 });
    const node = nodeSystemdUnitFailed(cluster, { unit: 'logrotate.service', description: 'Rotate log files' });
    const run = await runRule(await catalogRule('node-systemd-unit-failed'), cluster.builder);
    expect([run.outcome, run.finding!.severity, run.finding!.message]).toEqual(['warn', 'low', `logrotate.service (Rotate log files) has failed on ${node} (failed/failed)`]);
    expect(citedLine(cluster.builder, run.finding!.evidence[0]!)).toContain('logrotate.service');
  });
});
