import { describeReadinessCheck, volumeName } from '../../../../../testdata/generator/fault-support/readiness-check.js';
import { upgradeGateVmbackupInProgress } from './fault.js';

describeReadinessCheck({
  id: 'upgrade-gate-vmbackup-in-progress',
  fault: upgradeGateVmbackupInProgress, nearMiss: (b) => upgradeGateVmbackupInProgress(b, { error: true }),
  message: (_b, named) => `please wait until all vmbackups are stopped, for example default/${volumeName(named)} is under processing`,
  path: 'yamls/namespaced/default/harvesterhci.io/v1beta1/virtualmachinebackups.yaml', proof: 'readyToUse: false',
  noRequiredInput: 'a cluster may have no VM backups: an empty list is the answer, not a gap',
});
