import { describeReadinessCheck } from '../../../../../testdata/generator/fault-support/readiness-check.js';
import { precheckNodeStatus } from './fault.js';

describeReadinessCheck({
  id: 'precheck-node-status', nodes: 3,
  fault: precheckNodeStatus, nearMiss: (b) => precheckNodeStatus(b, { unschedulable: false }),
  message: (_b, named) => `Node-Status Test: Failed — There are unschedulable nodes: ${named}`,
  path: 'yamls/cluster/v1/nodes.yaml', proof: 'unschedulable: true',
});
