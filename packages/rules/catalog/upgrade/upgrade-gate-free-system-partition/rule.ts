import { defineCodeRule } from '../../../src/rule/rule.js';
import { VALIDATOR_V141 } from '../../../src/catalog/support/readiness-references.js';

/** Check 8 of the v1.4.1 validator: the free space is read live from each kubelet, never written to a bundle. */
export default defineCodeRule({
  id: 'upgrade-gate-free-system-partition',
  title: 'Upgrade refused: "Node <name> has insufficient free system partition space"',
  description:
    'Check 8 of the upgrade validator (v1.4.1): each node needs at least the free system partition space the target Version asks for (annotation harvesterhci.io/minFreeDiskSpaceGB). The validator asks each kubelet live; a support bundle records no free-space figure, so this check is always skipped with what to run instead.',
  severity: 'critical',
  component: 'upgrade',
  tags: ['upgrade-gate', 'upgrade', 'node'],
  detectability: 'not-detectable',
  detectabilityNote: 'free disk space of nodes is not recorded in a support bundle',
  references: [VALIDATOR_V141],
  whyCode: 'the check can never be answered from a bundle; a declarative rule cannot end as skipped with its own reason',
  inputs: { versions: { resource: { group: 'harvesterhci.io', resource: 'versions', namespace: 'harvester-system' }, required: false } },
  evaluate: async (context) => {
    const minimums = ((context.inputs.versions ?? []) as { metadata: { name: string; annotations?: Record<string, string> } }[])
      .map((version) => `${version.metadata.name}: ${version.metadata.annotations?.['harvesterhci.io/minFreeDiskSpaceGB'] ?? '30'} GB`);
    return context.skip('not-recorded',
      `free disk space of nodes is not recorded in a support bundle; check it with df -h /usr/local on each node (the upgrade needs at least ${minimums.length > 0 ? minimums.join(', ') : 'the Version annotation harvesterhci.io/minFreeDiskSpaceGB, 30 GB by default'} free)`,
    );
  },
});
