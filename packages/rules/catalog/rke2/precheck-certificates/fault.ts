import type { BundleBuilder, KubeObject } from '../../../src/testing/bundle-builder.js';

/** rke2-server on the first node logs expired-certificate errors in the hour before the bundle (pre-check 2). */
export function precheckCertificates(builder: BundleBuilder, options: { hoursBefore?: number } = {}): string {
  const node = builder.listObjects('v1', 'Node')[0]!.metadata.name;
  const at = (minutes: number) => new Date(Date.parse(builder.createdAt) - ((options.hoursBefore ?? 1) * 60 - minutes) * 60_000).toISOString();
  builder.addNodeLog(node, 'rke2-server.log', [
    { time: at(0), identifier: 'rke2[2100]', text: 'time="' + at(0).slice(0, 19) + 'Z" level=info msg="Starting rke2 v1.30.7+rke2r1"' },
    { time: at(1), identifier: 'rke2[2100]', text: 'time="' + at(1).slice(0, 19) + 'Z" level=error msg="Failed to get the kubeconfig: x509: certificate has expired or is not yet valid: current time ' + at(1).slice(0, 19) + 'Z is after 2025-03-10T08:00:00Z"' },
  ]);
  return node;
}
export type { KubeObject };
