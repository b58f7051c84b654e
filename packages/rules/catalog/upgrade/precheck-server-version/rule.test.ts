import { describeReadinessCheck } from '../../../../../testdata/generator/fault-support/readiness-check.js';
import { precheckServerVersion } from './fault.js';

describeReadinessCheck({
  id: 'precheck-server-version',
  fault: precheckServerVersion, nearMiss: (b) => precheckServerVersion(b, { value: 'v1.4.1' }),
  message: () => 'Failed to retrieve server version (setting server-version has no value); the pre-check script stops before any check',
  path: 'yamls/cluster/harvesterhci.io/v1beta1/settings.yaml', proof: '- apiVersion: harvesterhci.io/v1beta1',
});
