/**
 * What node-health faults share: a node's supportconfig changed through `updateNodeHealth` (a
 * fuller disk, less free memory, a failed unit, a failing disk), and kernel messages written where
 * a real node has them — the kernel log of this boot (`logs/kernel.log`, `journalctl -k`) and,
 * when the node has a supportconfig, its whole journal (`messages.txt`, `journalctl -o short-iso`).
 */
import type { GeneratedCluster } from '../healthy-cluster.js';
import { updateNodeHealth } from '../node-bundle.js';
import type { NodeFilesystem } from '../supportconfig.js';

export const GIB = 1024 ** 3;

/** The node a fault breaks by default: the second of a multi-node cluster, else the only one. */
export function faultNode(cluster: GeneratedCluster): string {
  return (cluster.nodes[1] ?? cluster.nodes[0]!).name;
}

/** Sets the used bytes of the filesystem mounted at `mount`, and of every bind mount of it (same device). */
export function fillFilesystem(cluster: GeneratedCluster, node: string, mount: string, used: number | ((fs: NodeFilesystem) => number)): void {
  updateNodeHealth(cluster, node, (health) => {
    const target = health.filesystems.find((fs) => fs.mount === mount);
    if (!target) throw new Error(`node ${node} has no filesystem mounted at ${mount}`);
    const usedBytes = Math.round(typeof used === 'number' ? used : used(target));
    for (const fs of health.filesystems) if (fs.source === target.source && fs.sizeBytes === target.sizeBytes) fs.usedBytes = usedBytes;
  });
}

/**
 * Kernel messages logged `minutesBefore` the bundle was created, at the end of the node's kernel
 * log and, with a supportconfig, in its messages.txt. Returns the journal times written.
 */
export function kernelMessages(cluster: GeneratedCluster, node: string, messages: readonly (readonly [minutesBefore: number, text: string])[]): string[] {
  const created = Date.parse(cluster.builder.createdAt);
  // Whole seconds: short journals (kit < v0.0.39) drop fractions and short-precise ones keep them, so
  // only a whole second reads the same age in both.
  const times = messages.map(([minutes]) => new Date(created - minutes * 60_000).toISOString());
  cluster.builder.appendNodeLog(node, 'kernel.log', messages.map(([, text], index) => ({ time: times[index]!, identifier: 'kernel', text })));
  if (cluster.nodeHealth.has(node)) {
    updateNodeHealth(cluster, node, (health) => {
      health.journal.push(...messages.map(([, text], index): [string, string, string] => [`${times[index]!.slice(0, 19)}+0000`, 'kernel', text]));
      health.journal.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    });
  }
  return times;
}
