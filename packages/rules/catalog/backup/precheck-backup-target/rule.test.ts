import { describeReadinessCheck } from '../../../../../testdata/generator/fault-support/readiness-check.js';
import { precheckBackupTarget } from './fault.js';

describeReadinessCheck({
  id: 'precheck-backup-target',
  fault: precheckBackupTarget, nearMiss: (b) => precheckBackupTarget(b, { refreshIntervalInSeconds: 300 }),
  message: () => 'Backup-Target Test: Failed — the backup-target setting has a type but refreshIntervalInSeconds is not set or is 0: {"type":"nfs","endpoint":"nfs://192.168.122.1:/backups"}',
  path: 'yamls/cluster/harvesterhci.io/v1beta1/settings.yaml', proof: 'value:',
});
