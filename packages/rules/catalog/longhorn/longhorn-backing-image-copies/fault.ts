/**
 * S42 `longhorn-backing-image-copies` (signatures.md §4): the Longhorn BackingImage behind the
 * cluster's VM image (`default-<image>`, as Harvester names it) with a chosen
 * `minNumberOfCopies` and copies on the first `copies` nodes' default disks, each in `state`.
 * minNumberOfCopies 0 or every copy failed is the fault; 3 copies, all ready, is the near miss.
 */
import type { BundleBuilder } from '../../../src/testing/bundle-builder.js';
import { LONGHORN, secondsBefore } from '../../../../../testdata/generator/fault-support/longhorn-objects.js';

export interface BackingImageOptions {
  minNumberOfCopies?: number;
  /** How many nodes hold a copy (default min(3, nodes)). */
  copies?: number;
  /** State of every copy (default `ready`). */
  state?: 'ready' | 'failed' | 'unknown' | 'in-progress';
}

export function longhornBackingImageCopies(builder: BundleBuilder, options: BackingImageOptions = {}): { backingImage: string } {
  const image = builder.listObjects('harvesterhci.io/v1beta1', 'VirtualMachineImage', 'default')[0];
  if (!image) throw new Error('no VirtualMachineImage in this bundle (start from healthyCluster)');
  const spec = image.spec as { url: string };
  const status = image.status as { size: number; virtualSize: number };
  const disks = builder
    .listObjects(LONGHORN, 'Node', 'longhorn-system')
    .map((node) => Object.values((node.status as { diskStatus: Record<string, { diskUUID: string }> }).diskStatus)[0]!.diskUUID);
  const holders = disks.slice(0, options.copies ?? Math.min(3, disks.length));
  const state = options.state ?? 'ready';
  const created = secondsBefore(builder, 30 * 86400 - 120 * 60);
  const name = `default-${image.metadata.name}`;
  builder.addObject({
    apiVersion: LONGHORN,
    kind: 'BackingImage',
    metadata: {
      annotations: { 'harvesterhci.io/imageId': `default/${image.metadata.name}` },
      creationTimestamp: created,
      finalizers: ['longhorn.io'],
      generation: 1,
      labels: { 'harvesterhci.io/imageName': image.metadata.name },
      name,
      namespace: 'longhorn-system',
    },
    spec: {
      checksum: '',
      dataEngine: 'v1',
      diskFileSpecMap: Object.fromEntries(holders.map((disk) => [disk, { dataEngine: 'v1', evictionRequested: false }])),
      diskSelector: [],
      minNumberOfCopies: options.minNumberOfCopies ?? 3,
      nodeSelector: [],
      secret: '',
      secretNamespace: '',
      sourceParameters: { url: spec.url },
      sourceType: 'download',
    },
    status: {
      checksum: 'c8a5d0b2a0e1f4b9e1cb4bb8a54f8f7c0d1e7ad0c1a5b4ed3c0ef8a36e2fd2a1b3e0e5b0cf7b4e3f1a4c1e8b6a2d9e5f7c3b1a0e2d4f6a8c0e1b3d5f7a9c2e4d6',
      diskFileStatusMap: Object.fromEntries(
        holders.map((disk) => [disk, { dataEngine: 'v1', lastStateTransitionTime: secondsBefore(builder, state === 'ready' ? 30 * 86400 - 125 * 60 : 7200), message: state === 'failed' ? 'failed to sync backing image file: file checksum mismatch' : '', progress: state === 'ready' ? 100 : 0, state }]),
      ),
      ownerID: '',
      realSize: status.size,
      size: status.size,
      uuid: 'a8f3c1d2',
      virtualSize: status.virtualSize,
    },
  });
  return { backingImage: name };
}
