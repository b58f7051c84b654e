import { defineCodeRule } from '../../../src/rule/rule.js';
import { PRECHECK_SCRIPT } from '../../../src/catalog/support/readiness-references.js';

/** Pre-check step 22 measures a partition on each host; partition sizes are not in a bundle. */
export default defineCodeRule({
  id: 'precheck-cos-state-size',
  title: 'Pre-check COS_STATE-Size (v1.7.x): the state partition must be at least 15 GB',
  description:
    'Check 22 of the upgrade-helpers pre-check script, run on v1.7.x only: /run/initramfs/cos-state must be at least 15 GB on every node, or the upgrade to v1.8.x corrupts the OS image (#10687). Partition sizes are not recorded in a support bundle, so the check is skipped with the command to run.',
  severity: 'high',
  component: 'node',
  tags: ['precheck', 'upgrade', 'node'],
  appliesTo: { harvester: '>=1.7.0 <1.8.0', unknownVersion: 'evaluate' },
  detectability: 'not-detectable',
  references: [PRECHECK_SCRIPT, { title: 'harvester/harvester#10687: COS_STATE must be at least 15 GB for v1.8', url: 'https://github.com/harvester/harvester/issues/10687' }],
  whyCode: 'the check can never be answered from a bundle; a declarative rule cannot end as skipped with its own reason',
  evaluate: async (context) =>
    context.skip('not-recorded', 'the size of the COS_STATE partition is not recorded in a support bundle; check it on each node with df -h /run/initramfs/cos-state (needs at least 15 GB)'),
});
