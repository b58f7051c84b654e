import { describeReadinessCheck } from '../../../../../testdata/generator/fault-support/readiness-check.js';
import { precheckCapiClusterState } from './fault.js';

describeReadinessCheck({
  id: 'precheck-capi-cluster-state',
  fault: precheckCapiClusterState, nearMiss: (b) => precheckCapiClusterState(b, { phase: 'Provisioned' }),
  message: () => 'CAPI-Cluster-State Test: Failed — Cluster is not provisioned (Provisioning)',
  path: 'yamls/namespaced/fleet-local/cluster.x-k8s.io/v1beta1/clusters.yaml', proof: 'phase: Provisioning',
});
