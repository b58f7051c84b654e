import { describeReadinessCheck } from '../../../../../testdata/generator/fault-support/readiness-check.js';
import { precheckLonghornEviction } from './fault.js';

describeReadinessCheck({
  id: 'precheck-longhorn-eviction', version: 'v1.4.2',
  fault: precheckLonghornEviction, nearMiss: (b) => precheckLonghornEviction(b, { evictionRequested: false }),
  message: (_b, named) => `Longhorn-Eviction Test: Failed — ERROR: eviction is requested on Longhorn node ${named} (node or disk evictionRequested: true); set it to false before upgrading`,
  path: 'yamls/namespaced/longhorn-system/longhorn.io/v1beta2/nodes.yaml', proof: 'evictionRequested: true',
});
