import { describeReadinessCheck, volumeName } from '../../../../../testdata/generator/fault-support/readiness-check.js';
import { precheckStaleLonghornVolumes } from './fault.js';

describeReadinessCheck({
  id: 'precheck-stale-longhorn-volumes',
  fault: precheckStaleLonghornVolumes, nearMiss: (b) => precheckStaleLonghornVolumes(b, { podStatus: 'Running' }),
  message: (_b, named) => `Stale-Longhorn-Volumes Test: Failed — Volume longhorn-system/${volumeName(named)} is attached but its workload is not running (${(named as { status: { kubernetesStatus: { workloadsStatus: { podName: string }[] } } }).status.kubernetesStatus.workloadsStatus[0]!.podName}).`,
  path: 'yamls/namespaced/longhorn-system/longhorn.io/v1beta2/volumes.yaml', proof: 'workloadsStatus:',
  noRequiredInput: 'a cluster without VM disks has no Longhorn volumes (longhorn-system is always collected): an empty list is the answer, not a gap',
});
