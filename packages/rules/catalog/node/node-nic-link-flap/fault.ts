/** A node's NIC (eno1, the management uplink) losing its link `flaps` times in the last hours before the bundle. */
import type { GeneratedCluster } from '../../../../../testdata/generator/healthy-cluster.js';
import { faultNode, kernelMessages } from '../../../../../testdata/generator/fault-support/node-health.js';

export function nodeNicLinkFlap(cluster: GeneratedCluster, options: { node?: string; flaps?: number } = {}): string {
  const node = options.node ?? faultNode(cluster);
  const messages: [number, string][] = [];
  for (let flap = options.flaps ?? 3; flap >= 1; flap -= 1) {
    const minutes = flap * 47;
    messages.push(
      [minutes, 'ixgbe 0000:3b:00.0 eno1: NIC Link is Down'],
      [minutes, 'mgmt-br: port 1(mgmt-bo) entered disabled state'],
      [minutes - 1, 'ixgbe 0000:3b:00.0 eno1: NIC Link is Up 10 Gbps, Flow Control: RX/TX'],
      [minutes - 1, 'mgmt-br: port 1(mgmt-bo) entered forwarding state'],
    );
  }
  kernelMessages(cluster, node, messages);
  return node;
}
