import { describeReadinessCheck } from '../../../../../testdata/generator/fault-support/readiness-check.js';
import { precheckHarvesterBundles } from './fault.js';

describeReadinessCheck({
  id: 'precheck-harvester-bundles',
  fault: precheckHarvesterBundles, nearMiss: (b) => precheckHarvesterBundles(b, { summary: { ready: 1, desiredReady: 1 } }),
  message: () => 'Harvester-Bundles Test: Failed — Harvester bundle is not ready! (fleet-local/mcc-harvester is 0/1: desiredReady 1, ready 0, state NotReady; the script expects status.summary to be exactly {desiredReady: 1, ready: 1})',
  path: 'yamls/namespaced/fleet-local/fleet.cattle.io/v1alpha1/bundles.yaml', proof: 'summary:',
});
