import type { KubeObject } from '@bundle-triage/core';

/** The machines of fleet-local that no node points at, and the nodes that point at no machine. */
export function unmatchedNodesAndMachines(nodes: KubeObject[], machines: KubeObject[]): { orphanMachines: KubeObject[]; nodesWithoutMachine: KubeObject[] } {
  const machineNames = new Set(machines.map((machine) => machine.metadata.name));
  const referenced = new Set(nodes.map((node) => (node.metadata.annotations as Record<string, string> | undefined)?.['cluster.x-k8s.io/machine']).filter(Boolean));
  return {
    orphanMachines: machines.filter((machine) => !referenced.has(machine.metadata.name)),
    nodesWithoutMachine: nodes.filter((node) => !machineNames.has((node.metadata.annotations as Record<string, string> | undefined)?.['cluster.x-k8s.io/machine'] ?? '')),
  };
}
