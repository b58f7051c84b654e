import { describeReadinessCheck } from '../../../../../testdata/generator/fault-support/readiness-check.js';
import { upgradeGateMachineEmptyNoderef } from './fault.js';

describeReadinessCheck({
  id: 'upgrade-gate-machine-empty-noderef', nodes: 3, version: 'v1.4.2', serverVersion: 'v1.5.1',
  fault: upgradeGateMachineEmptyNoderef, nearMiss: (b) => upgradeGateMachineEmptyNoderef(b, { keepNodeRef: true }),
  message: (_b, named) => `machine ${named} has empty NodeRef, check the cluster provision`,
  path: 'yamls/namespaced/fleet-local/cluster.x-k8s.io/v1beta1/machines.yaml', proof: '- apiVersion: cluster.x-k8s.io/v1beta1',
});
