import type { KubeObject } from '@bundle-triage/core';
import { defineCodeRule } from '../../rule/rule.js';
import { unmatchedNodesAndMachines } from './node-machine-matching.js';
import { PRECHECK_SCRIPT } from './readiness-references.js';

/** Pre-check step 10: as many CAPI machines in fleet-local as nodes. */
export const precheckCapiMachineCount = defineCodeRule({
  id: 'precheck-capi-machine-count',
  title: 'Pre-check CAPI-Machine-Count: "CAPI machine count is not equal to node count"',
  description:
    'Check 10 of the upgrade-helpers pre-check script: the number of machines.cluster.x-k8s.io in fleet-local must equal the number of nodes.',
  severity: 'high',
  component: 'upgrade',
  // A more specific rule names the cause and the fix of the same objects; this check then only counts.
  yieldsTo: ['skip-restart-plan-node-machine-mismatch'],
  tags: ['precheck', 'upgrade', 'capi'],
  references: [PRECHECK_SCRIPT],
  whyCode: 'compares the number of objects of two inputs; count conditions only take literal bounds',
  inputs: {
    nodes: { resource: { group: '', resource: 'nodes', namespace: null }, required: true },
    machines: { resource: { group: 'cluster.x-k8s.io', resource: 'machines', namespace: 'fleet-local' } },
  },
  evaluate: async (context) => {
    const nodes = context.inputs.nodes as KubeObject[];
    const machines = context.inputs.machines as KubeObject[];
    if (nodes.length === machines.length) return [];
    const { orphanMachines, nodesWithoutMachine } = unmatchedNodesAndMachines(nodes, machines);
    const cited = [...orphanMachines, ...nodesWithoutMachine];
    return [
      {
        status: 'fail',
        message: `CAPI-Machine-Count Test: Failed — CAPI machine count is not equal to node count. There are orphan machines. (${machines.length} machines, ${nodes.length} nodes)`,
        evidence: await Promise.all((cited.length > 0 ? cited : [...nodes, ...machines]).map((object) => context.evidence(object))),
        remediation: {
          summary: 'Remove the orphan machines (or re-join the nodes that have none) so every node has exactly one CAPI machine, then run the pre-check again.',
          commands: ['kubectl get nodes', 'kubectl get machines.cluster.x-k8s.io -n fleet-local -o wide'],
        },
      },
    ];
  },
});
