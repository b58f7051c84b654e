import { describeReadinessCheck } from '../../../../../testdata/generator/fault-support/readiness-check.js';
import { upgradeGateMachineNotRunning } from '../upgrade-gate-machine-not-running/fault.js';
import { upgradeGateNodesMachinesMismatch } from './fault.js';

describeReadinessCheck({
  id: 'upgrade-gate-nodes-machines-mismatch', nodes: 3, version: 'v1.4.2', serverVersion: 'v1.5.1',
  fault: upgradeGateNodesMachinesMismatch, nearMiss: (b) => upgradeGateMachineNotRunning(b, { phase: 'Running' }),
  message: () => 'nodes(3) and machines(2) do not match, check the cluster provision',
  path: 'yamls/cluster/v1/nodes.yaml', proof: '- apiVersion: v1',
});
