import { describeReadinessCheck } from '../../../../../testdata/generator/fault-support/readiness-check.js';
import { precheckCapiMachineState } from './fault.js';

describeReadinessCheck({
  id: 'precheck-capi-machine-state', nodes: 3,
  fault: precheckCapiMachineState, nearMiss: (b) => precheckCapiMachineState(b, { phase: 'Running' }),
  message: (_b, named) => `CAPI-Machine-State Test: Failed — CAPI machine ${named} phase is not Running (Provisioning).`,
  path: 'yamls/namespaced/fleet-local/cluster.x-k8s.io/v1beta1/machines.yaml', proof: 'phase: Provisioning',
});
