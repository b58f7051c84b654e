import { describeReadinessCheck, pvcOf } from '../../../../../testdata/generator/fault-support/readiness-check.js';
import { upgradeGateSingleReplicaVolumes } from './fault.js';

describeReadinessCheck({
  id: 'upgrade-gate-single-replica-volumes', nodes: 3,
  fault: upgradeGateSingleReplicaVolumes, nearMiss: (b) => upgradeGateSingleReplicaVolumes(b, { state: 'detached' }),
  message: (_b, named) => `The backing volumes of the following PVCs have single replica configured, please consider shutdown the corresponding workload before upgrade: ${pvcOf(named)}`,
  path: 'yamls/namespaced/longhorn-system/longhorn.io/v1beta2/volumes.yaml', proof: 'numberOfReplicas: 1',
});
