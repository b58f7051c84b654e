import { describeReadinessCheck } from '../../../../../testdata/generator/fault-support/readiness-check.js';
import { upgradeGateMachineNotRunning } from './fault.js';

describeReadinessCheck({
  id: 'upgrade-gate-machine-not-running', nodes: 3,
  fault: upgradeGateMachineNotRunning, nearMiss: (b) => upgradeGateMachineNotRunning(b, { phase: 'Running' }),
  message: (_b, named) => `machine fleet-local/${named} is not running`,
  path: 'yamls/namespaced/fleet-local/cluster.x-k8s.io/v1beta1/machines.yaml', proof: 'phase: Provisioning',
});
