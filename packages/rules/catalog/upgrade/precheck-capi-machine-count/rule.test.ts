import { describeReadinessCheck } from '../../../../../testdata/generator/fault-support/readiness-check.js';
import { precheckCapiMachineCount } from './fault.js';
import { upgradeGateMachineNotRunning } from '../upgrade-gate-machine-not-running/fault.js';

describeReadinessCheck({
  id: 'precheck-capi-machine-count', nodes: 3,
  fault: precheckCapiMachineCount, nearMiss: (b) => upgradeGateMachineNotRunning(b, { phase: 'Running' }),
  message: () => 'CAPI-Machine-Count Test: Failed — CAPI machine count is not equal to node count. There are orphan machines. (2 machines, 3 nodes)',
  path: 'yamls/cluster/v1/nodes.yaml', proof: '- apiVersion: v1',
});
