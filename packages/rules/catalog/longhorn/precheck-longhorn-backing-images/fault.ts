import type { BundleBuilder, KubeObject } from '../../../src/testing/bundle-builder.js';

/** The backing image of the VM image, created with minNumberOfCopies 0 (pre-check 14); 1 gives the WARNING case. */
export function precheckLonghornBackingImages(builder: BundleBuilder, options: { minNumberOfCopies?: number } = {}): KubeObject {
  const image = builder.listObjects('harvesterhci.io/v1beta1', 'VirtualMachineImage', 'default')[0]!;
  const backingImage: KubeObject = {
    apiVersion: 'longhorn.io/v1beta2',
    kind: 'BackingImage',
    metadata: { labels: { 'harvesterhci.io/imageName': image.metadata.name }, name: `default-${image.metadata.name}`, namespace: 'longhorn-system' },
    spec: { dataEngine: 'v1', minNumberOfCopies: options.minNumberOfCopies ?? 0, sourceType: 'download' },
    status: { ownerID: builder.listObjects('v1', 'Node')[0]!.metadata.name, size: 661127168 },
  };
  builder.addObject(backingImage);
  return backingImage;
}
