import { describeReadinessCheck } from '../../../../../testdata/generator/fault-support/readiness-check.js';
import { precheckVirtualMachines } from './fault.js';

describeReadinessCheck({
  id: 'precheck-virtual-machines',
  fault: precheckVirtualMachines, nearMiss: (b) => precheckVirtualMachines(b, { restoreVM: true }),
  message: (_b, named) => `Virtual-Machines Test: Failed — VM default/${named} is running with CD-ROM disk cdrom-0`,
  path: 'yamls/namespaced/default/kubevirt.io/v1/virtualmachines.yaml', proof: 'cdrom:',
  noRequiredInput: 'a cluster may run no VMs: an empty VM list is the answer, not a gap',
});
