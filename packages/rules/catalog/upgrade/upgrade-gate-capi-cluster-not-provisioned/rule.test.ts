import { describeReadinessCheck } from '../../../../../testdata/generator/fault-support/readiness-check.js';
import { upgradeGateCapiClusterNotProvisioned } from './fault.js';

describeReadinessCheck({
  id: 'upgrade-gate-capi-cluster-not-provisioned',
  fault: upgradeGateCapiClusterNotProvisioned, nearMiss: (b) => upgradeGateCapiClusterNotProvisioned(b, { phase: 'Provisioned' }),
  message: () => 'cluster fleet-local/local status is Provisioning, please wait for it to be provisioned',
  path: 'yamls/namespaced/fleet-local/cluster.x-k8s.io/v1beta1/clusters.yaml', proof: 'phase: Provisioning',
});
