import { describe, expect, it } from 'vitest';
import { catalogRule, runRule } from '@bundle-triage/rules/testing';
import { generateHealthyCluster } from '../../../../../testdata/generator/index.js';
import { describeNodeHealthCheck } from '../../../../../testdata/generator/fault-support/node-health-check.js';
import { nodeKernelHardwareError } from './fault.js';

describeNodeHealthCheck({
  id: 'node-kernel-hardware-error',
  source: 'kernel-log',
  fault: (cluster) => nodeKernelHardwareError(cluster),
  // The same memory error ten days before the bundle: information.
  nearMiss: (cluster) => nodeKernelHardwareError(cluster, { minutesBefore: 10 * 24 * 60 }),
  nearMissOutcome: 'info',
  status: 'fail',
  message: (node) =>
    new RegExp(`^Uncorrected hardware errors on ${node as string} in the 7 days up to the bundle, the last one 5h before it: memory read error on CPU_SrcID#0_MC#0_Chan#1_DIMM#0 \\(channel:1 slot:0 `),
  file: 'logs/kernel.log',
  proof: 'EDAC MC0: 1 UE memory read error',
});

describe('node-kernel-hardware-error', () => {
  it('warns for corrected errors', async () => {
    const cluster = generateHealthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 81 });
    nodeKernelHardwareError(cluster, { uncorrected: false });
    const run = await runRule(await catalogRule('node-kernel-hardware-error'), cluster.builder);
    expect(run.outcome).toBe('warn');
    expect(run.finding!.message).toMatch(/^Corrected hardware errors on harvester-node-1 in the 7 days up to the bundle \(2 lines, the last one 5h before it\): memory read error on CPU_SrcID#0.*; Machine check events logged$/);
  });
});
