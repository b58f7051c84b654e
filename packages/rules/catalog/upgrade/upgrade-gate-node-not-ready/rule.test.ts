import { describeReadinessCheck } from '../../../../../testdata/generator/fault-support/readiness-check.js';
import { upgradeGateNodeNotReady } from './fault.js';

describeReadinessCheck({
  id: 'upgrade-gate-node-not-ready', nodes: 3,
  fault: upgradeGateNodeNotReady, nearMiss: (b) => upgradeGateNodeNotReady(b, { status: 'True' }),
  message: (_b, named) => `node ${named} is not ready, please wait for it to be ready`,
  path: 'yamls/cluster/v1/nodes.yaml', proof: 'status: Unknown',
});
