// The failure, in the real bundle layout: a cluster that collected acme-storage, whose CSI node
// plugin logged the given lines.
import { BundleBuilder } from '@bundle-triage/rules/testing';

export const CREATED_AT = '2025-03-12T09:14:07Z';

export function loginFailure(time: string): { time: string; text: string } {
  return {
    time,
    text: 'E0312 iscsi.go:212] iscsiadm: Could not login to [iface: default, target: iqn.2001-05.com.acme:vm-data, portal: 10.20.0.5,3260]',
  };
}

/** A cluster that collected our namespace, with the CSI node plugin's log lines given. */
export function clusterWithCsiLog(lines: { time: string; text: string }[]): BundleBuilder {
  const bundle = new BundleBuilder({ createdAt: CREATED_AT, kubernetesVersion: 'v1.30.7+rke2r1' });
  bundle.collectNamespace('acme-storage');
  bundle.addObject({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'acme-storage' } });
  bundle.addPodLog('acme-storage', 'acme-csi-node-x7k2p', 'csi-node', lines);
  return bundle;
}
