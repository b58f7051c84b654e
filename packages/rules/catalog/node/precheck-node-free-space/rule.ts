import { defineCodeRule } from '../../../src/rule/rule.js';
import { PRECHECK_SCRIPT } from '../../../src/catalog/support/readiness-references.js';

/** Pre-check step 3 reads kubelet /stats/summary live; a bundle has no file system usage. */
export default defineCodeRule({
  id: 'precheck-node-free-space',
  title: 'Pre-check Node-Free-Space: nodes need room for the new images',
  description:
    'Check 3 of the upgrade-helpers pre-check script: for each node, kubelet /stats/summary node.fs (usedBytes + 13958643712) / capacityBytes must stay at or below 0.85. A support bundle records no file system usage, so this check is skipped with the command to run.',
  severity: 'high',
  component: 'node',
  tags: ['precheck', 'upgrade', 'node'],
  detectability: 'not-detectable',
  detectabilityNote: 'free disk space of nodes is not recorded in a support bundle',
  references: [PRECHECK_SCRIPT],
  whyCode: 'the check can never be answered from a bundle; a declarative rule cannot end as skipped with its own reason',
  evaluate: async (context) =>
    context.skip('not-recorded',
      'free disk space of nodes is not recorded in a support bundle; check it on each node with kubectl get --raw /api/v1/nodes/<node>/proxy/stats/summary | jq .node.fs (the script fails when (usedBytes + 13958643712) / capacityBytes > 0.85)',
    ),
});
