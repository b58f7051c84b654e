import { describeReadinessCheck } from '../../../../../testdata/generator/fault-support/readiness-check.js';
import { upgradeGateNonLiveMigratableVms } from './fault.js';

describeReadinessCheck({
  id: 'upgrade-gate-non-live-migratable-vms', nodes: 3,
  fault: upgradeGateNonLiveMigratableVms, nearMiss: (b) => upgradeGateNonLiveMigratableVms(b, { cdrom: false }),
  message: (_b, named) => `There are non-live migratable VMs that need to be shut off before initiating the upgrade: default/${named}`,
  path: 'yamls/namespaced/default/kubevirt.io/v1/virtualmachineinstances.yaml', proof: '- bootOrder: 2',
});
