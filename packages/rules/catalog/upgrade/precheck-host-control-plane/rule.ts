import type { KubeObject } from '@bundle-triage/core';
import { defineCodeRule } from '../../../src/rule/rule.js';
import { PRECHECK_SCRIPT } from '../../../src/catalog/support/readiness-references.js';

/** Pre-check step 1 judges the host the script runs on, not the cluster. */
export default defineCodeRule({
  id: 'precheck-host-control-plane',
  title: 'Pre-check Host: the script must run on a control-plane node',
  description:
    'Step 1 of the upgrade-helpers pre-check script: it checks that the node it runs on carries node-role.kubernetes.io/control-plane=true (else it prompts, or -y skips). That depends on where the script is started, not on the cluster state a bundle records, so this check is skipped and names the nodes it can run on.',
  severity: 'high',
  component: 'upgrade',
  tags: ['precheck', 'upgrade'],
  detectability: 'not-detectable',
  references: [PRECHECK_SCRIPT],
  whyCode: 'the check depends on where the script runs; it always ends as skipped, which a declarative rule cannot say',
  inputs: { nodes: { resource: { group: '', resource: 'nodes', namespace: null }, required: false } },
  evaluate: async (context) => {
    const controlPlanes = ((context.inputs.nodes ?? []) as KubeObject[])
      .filter((node) => (node.metadata.labels as Record<string, string> | undefined)?.['node-role.kubernetes.io/control-plane'] === 'true')
      .map((node) => node.metadata.name);
    return context.skip('not-applicable',
      `the Host check depends on the node the pre-check script is started on, not on the cluster state in the bundle; run it on a control-plane node${controlPlanes.length > 0 ? ` (${controlPlanes.join(', ')})` : ''}`,
    );
  },
});
