// The failure, in the real bundle layout: the acme-csi controller and node plugins on two image tags.
import { BundleBuilder } from '@bundle-triage/rules/testing';

/** A cluster that collected acme-storage, with one acme-csi pod per given image tag. */
export function csiPods(tags: readonly string[]): BundleBuilder {
  const bundle = new BundleBuilder({ createdAt: '2025-03-12T09:14:07Z', kubernetesVersion: 'v1.30.7+rke2r1' });
  bundle.collectNamespace('acme-storage');
  tags.forEach((tag, index) => {
    const name = index === 0 ? 'acme-csi-controller-5f7d9' : `acme-csi-node-${['x7k2p', 'q4m8z', 'b2n6v'][index - 1]}`;
    bundle.addObject({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name, namespace: 'acme-storage' },
      spec: { containers: [{ name: 'driver', image: `registry.acme.example/acme-csi:${tag}` }], nodeName: `node${index}` },
      status: { phase: 'Running' },
    });
  });
  return bundle;
}
