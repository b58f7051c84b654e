import { describeReadinessCheck } from '../../../../../testdata/generator/fault-support/readiness-check.js';
import { precheckPodStatus } from './fault.js';

describeReadinessCheck({
  id: 'precheck-pod-status',
  fault: precheckPodStatus, nearMiss: (b) => precheckPodStatus(b, { reason: 'PodCompleted' }),
  message: (_b, named) => `Pod-Status Test: Failed — There are non-ready pods: ${named}`,
  path: 'yamls/namespaced/harvester-system/v1/pods.yaml', proof: 'status: "False"',
});
