import { describeReadinessCheck } from '../../../../../testdata/generator/fault-support/readiness-check.js';
import { precheckCapiClusterPause } from './fault.js';

describeReadinessCheck({
  id: 'precheck-capi-cluster-pause',
  fault: precheckCapiClusterPause, nearMiss: (b) => precheckCapiClusterPause(b, { paused: false }),
  message: () => "CAPI-Cluster-Pause Test: Failed — CAPI cluster is paused. The upgrade will stall until 'spec.paused' is cleared on clusters.cluster.x-k8s.io/local in namespace fleet-local.",
  path: 'yamls/namespaced/fleet-local/cluster.x-k8s.io/v1beta1/clusters.yaml', proof: 'paused: true',
});
