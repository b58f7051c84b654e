import { describeReadinessCheck } from '../../../../../testdata/generator/fault-support/readiness-check.js';
import { precheckHelmBundles } from './fault.js';

describeReadinessCheck({
  id: 'precheck-helm-bundles',
  fault: precheckHelmBundles, nearMiss: (b) => precheckHelmBundles(b, { bundle: 'mcc-harvester' }),
  message: () => 'Helm-Bundles Test: Failed — There are non-ready Helm bundles: fleet-local/mcc-rancher-monitoring',
  path: 'yamls/namespaced/fleet-local/fleet.cattle.io/v1alpha1/bundles.yaml', proof: 'ready: 0',
});
