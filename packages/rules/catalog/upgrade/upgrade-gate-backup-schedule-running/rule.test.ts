import { describeReadinessCheck, volumeName } from '../../../../../testdata/generator/fault-support/readiness-check.js';
import { upgradeGateBackupScheduleRunning } from './fault.js';

describeReadinessCheck({
  id: 'upgrade-gate-backup-schedule-running',
  fault: upgradeGateBackupScheduleRunning, nearMiss: (b) => upgradeGateBackupScheduleRunning(b, { suspended: true }),
  message: (_b, named) => `please suspend all backup/snapshot schedule, for example default/${volumeName(named)} is running`,
  path: 'yamls/namespaced/default/harvesterhci.io/v1beta1/schedulevmbackups.yaml', proof: '- apiVersion: harvesterhci.io/v1beta1',
  noRequiredInput: 'a cluster may have no backup schedules: an empty list is the answer, not a gap',
});
