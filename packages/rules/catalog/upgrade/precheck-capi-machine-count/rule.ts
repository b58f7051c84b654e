import { defineCodeRule } from '../../../src/rule/rule.js';
import { NODE_MACHINE_COMMANDS, NODE_MACHINE_INPUTS, nodeMachineCountMismatch } from '../../../src/catalog/support/node-machine-matching.js';
import { PRECHECK_SCRIPT } from '../../../src/catalog/support/readiness-references.js';

/** Pre-check step 10: as many CAPI machines in fleet-local as nodes. */
export default defineCodeRule({
  id: 'precheck-capi-machine-count',
  title: 'Pre-check CAPI-Machine-Count: "CAPI machine count is not equal to node count"',
  description:
    'Check 10 of the upgrade-helpers pre-check script: the number of machines.cluster.x-k8s.io in fleet-local must equal the number of nodes.',
  severity: 'high',
  component: 'upgrade',
  tags: ['precheck', 'upgrade', 'capi'],
  references: [PRECHECK_SCRIPT],
  whyCode: {
    needs: ['count-comparison'],
    because: 'compares the number of objects of two inputs; count conditions only take literal bounds',
  },
  inputs: NODE_MACHINE_INPUTS,
  evaluate: async (context) => {
    const mismatch = await nodeMachineCountMismatch(context);
    if (!mismatch) return [];
    const { nodes, machines, evidence } = mismatch;
    return [
      {
        status: 'fail',
        message: `CAPI-Machine-Count Test: Failed — CAPI machine count is not equal to node count. There are orphan machines. (${machines.length} machines, ${nodes.length} nodes)`,
        evidence,
        remediation: {
          summary: 'Remove the orphan machines (or re-join the nodes that have none) so every node has exactly one CAPI machine, then run the pre-check again.',
          commands: NODE_MACHINE_COMMANDS,
        },
      },
    ];
  },
});
