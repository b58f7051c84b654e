import type { KubeObject } from '@bundle-triage/core';
import type { Evidence } from '@bundle-triage/report';
import type { RuleContext } from '../../rule/rule.js';

/** The machines of fleet-local that no node points at, and the nodes that point at no machine. */
export function unmatchedNodesAndMachines(nodes: readonly Objects[number][], machines: Objects): { orphanMachines: Objects; nodesWithoutMachine: Objects } {
  const machineNames = new Set(machines.map((machine) => machine.metadata.name));
  const referenced = new Set(nodes.map((node) => node.metadata.annotations?.['cluster.x-k8s.io/machine']).filter(Boolean));
  return {
    orphanMachines: machines.filter((machine) => !referenced.has(machine.metadata.name)),
    nodesWithoutMachine: nodes.filter((node) => !machineNames.has(node.metadata.annotations?.['cluster.x-k8s.io/machine'] ?? '')),
  };
}

/**
 * The inputs both node/machine count checks read. Machines are required: every Harvester node is
 * provisioned as a CAPI machine, so an absent list is a collection gap, not "0 machines".
 */
export const NODE_MACHINE_INPUTS = {
  nodes: { resource: { group: '', resource: 'nodes', namespace: null }, required: true },
  machines: { resource: { group: 'cluster.x-k8s.io', resource: 'machines', namespace: 'fleet-local' }, required: true },
} as const;

type Objects = readonly Readonly<KubeObject>[];

export interface NodeMachineMismatch {
  nodes: Objects;
  machines: Objects;
  orphanMachines: Objects;
  nodesWithoutMachine: Objects;
  /** What to cite: the unmatched objects, or every node and machine when none is singled out. */
  evidence: Evidence[];
}

/**
 * When the node and machine counts differ (the validator's and the pre-check's test), the
 * unmatched objects and their evidence; undefined when the counts agree.
 */
export async function nodeMachineCountMismatch(context: RuleContext<typeof NODE_MACHINE_INPUTS>): Promise<NodeMachineMismatch | undefined> {
  const nodes = context.inputs.nodes;
  const machines = context.inputs.machines;
  if (nodes.length === machines.length) return undefined;
  const { orphanMachines, nodesWithoutMachine } = unmatchedNodesAndMachines(nodes, machines);
  const cited = [...orphanMachines, ...nodesWithoutMachine];
  const evidence = await Promise.all((cited.length > 0 ? cited : [...nodes, ...machines]).map((object) => context.evidence(object)));
  return { nodes, machines, orphanMachines, nodesWithoutMachine, evidence };
}

export const NODE_MACHINE_COMMANDS = ['kubectl get nodes', 'kubectl get machines.cluster.x-k8s.io -n fleet-local -o wide'];
