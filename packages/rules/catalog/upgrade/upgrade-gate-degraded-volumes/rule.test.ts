import { describeReadinessCheck } from '../../../../../testdata/generator/fault-support/readiness-check.js';
import { upgradeGateDegradedVolumes } from './fault.js';

describeReadinessCheck({
  id: 'upgrade-gate-degraded-volumes', nodes: 3,
  fault: upgradeGateDegradedVolumes, nearMiss: (b) => upgradeGateDegradedVolumes(b, { robustness: 'unknown' }),
  message: () => 'there are degraded volumes, please check all volumes are healthy',
  path: 'yamls/namespaced/longhorn-system/longhorn.io/v1beta2/volumes.yaml', proof: 'robustness: degraded',
});
