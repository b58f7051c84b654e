import { defineCodeRule } from '../../../src/rule/rule.js';
import { NODE_MACHINE_COMMANDS, NODE_MACHINE_INPUTS, nodeMachineCountMismatch } from '../../../src/catalog/support/node-machine-matching.js';
import { VALIDATOR_MASTER } from '../../../src/catalog/support/readiness-references.js';

/** Node/machine matching of newer validators (isNodeMachineMatching), the count part. */
export default defineCodeRule({
  id: 'upgrade-gate-nodes-machines-mismatch',
  title: 'Upgrade refused: "nodes(<n>) and machines(<m>) do not match, check the cluster provision"',
  description:
    'Newer upgrade validators (isNodeMachineMatching) refuse the upgrade when the number of nodes differs from the number of CAPI Machines in fleet-local; a node without a machine never gets the managed label and stalls the upgrade (#8179, S33). The check entered the validator in v1.5.1 (v1.5.1-rc1; the validator.go of v1.5.0 has no isNodeMachineMatching).',
  severity: 'critical',
  component: 'upgrade',
  tags: ['upgrade-gate', 'upgrade', 'capi'],
  appliesTo: { harvester: '>=1.5.1-rc1', unknownVersion: 'evaluate' },
  references: [VALIDATOR_MASTER, { title: 'harvester/harvester#8179: node without a CAPI machine stalls the upgrade', url: 'https://github.com/harvester/harvester/issues/8179' }],
  whyCode: {
    needs: ['count-comparison'],
    because: 'compares the number of objects of two inputs; count conditions only take literal bounds',
  },
  inputs: NODE_MACHINE_INPUTS,
  evaluate: async (context) => {
    const mismatch = await nodeMachineCountMismatch(context);
    if (!mismatch) return [];
    const { nodes, machines, orphanMachines, nodesWithoutMachine, evidence } = mismatch;
    return [
      {
        status: 'fail',
        message: `nodes(${nodes.length}) and machines(${machines.length}) do not match, check the cluster provision`,
        evidence,
        remediation: {
          summary: `Repair the cluster provision before upgrading: ${[
            orphanMachines.length > 0 ? `machines without a node: ${orphanMachines.map((m) => m.metadata.name).join(', ')}` : '',
            nodesWithoutMachine.length > 0 ? `nodes without a machine: ${nodesWithoutMachine.map((n) => n.metadata.name).join(', ')}` : '',
          ].filter(Boolean).join('; ')}.`,
          commands: NODE_MACHINE_COMMANDS,
        },
      },
    ];
  },
});
