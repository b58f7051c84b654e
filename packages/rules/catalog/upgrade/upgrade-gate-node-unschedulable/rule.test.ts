import { describeReadinessCheck } from '../../../../../testdata/generator/fault-support/readiness-check.js';
import { upgradeGateNodeUnschedulable } from './fault.js';

describeReadinessCheck({
  id: 'upgrade-gate-node-unschedulable', nodes: 3,
  fault: upgradeGateNodeUnschedulable, nearMiss: (b) => upgradeGateNodeUnschedulable(b, { unschedulable: false }),
  message: (_b, named) => `node ${named} is unschedulable, please wait for it to be schedulable`,
  path: 'yamls/cluster/v1/nodes.yaml', proof: 'unschedulable: true',
});
