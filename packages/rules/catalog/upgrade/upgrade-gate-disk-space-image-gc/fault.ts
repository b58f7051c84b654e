/** S36: kubelet reports the image filesystem over its high GC threshold; the validator would refuse the upgrade. */
import type { BundleBuilder } from '../../../src/testing/bundle-builder.js';
import { beforeCreated } from '../../../../../testdata/generator/fault-support/fleet-objects.js';

export function upgradeGateDiskSpaceImageGc(builder: BundleBuilder, options: { usage?: number; hoursAgo?: number; belowThreshold?: boolean } = {}): string {
  const node = builder.listObjects('v1', 'Node')[0]!.metadata.name;
  const usage = options.usage ?? 91;
  const time = new Date(Date.parse(beforeCreated(builder, (options.hoursAgo ?? 2) * 3600)));
  const stamp = `I${String(time.getUTCMonth() + 1).padStart(2, '0')}${String(time.getUTCDate()).padStart(2, '0')} ${time.toISOString().slice(11, 19)}.482113    3011 image_gc_manager.go:365]`;
  if (options.belowThreshold) {
    builder.addNodeFile(node, 'logs/kubelet.log', `${stamp} "Attempting to delete unused images"\n${stamp} "Image garbage collection succeeded"\n`);
    return node;
  }
  builder.addNodeFile(node, 'logs/kubelet.log', [
    `${stamp} "Disk usage on image filesystem is over the high threshold, trying to free bytes down to the low threshold" usage=${usage} highThreshold=85 amountToFree=10736893952 lowThreshold=80`,
    `${stamp} "Image garbage collection failed multiple times in a row" err="Failed to garbage collect required amount of images. Attempted to free 10736893952 bytes, but only found 0 bytes eligible to free."`,
    '',
  ].join('\n'));
  return node;
}
