import { describeReadinessCheck, volumeName } from '../../../../../testdata/generator/fault-support/readiness-check.js';
import { precheckLonghornVolumeHealth } from './fault.js';

describeReadinessCheck({
  id: 'precheck-longhorn-volume-health', nodes: 3,
  fault: precheckLonghornVolumeHealth, nearMiss: (b) => precheckLonghornVolumeHealth(b, { robustness: 'healthy' }),
  message: (_b, named) => `Longhorn-Volume-Health-Status Test: Failed — Volume ${volumeName(named)} is degraded.`,
  path: 'yamls/namespaced/longhorn-system/longhorn.io/v1beta2/volumes.yaml', proof: 'robustness: degraded',
});
