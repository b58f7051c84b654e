/**
 * Lookups the Longhorn, KubeVirt and webhook faults share: pods of a workload, Longhorn objects
 * of the healthy cluster, and times relative to the bundle's creation.
 */
import type { BundleBuilder, KubeObject } from '../../../packages/rules/src/testing/bundle-builder.js';

export const LONGHORN = 'longhorn.io/v1beta2';

/** Pods of a namespace whose name starts with `prefix` (sorted by name). */
export function podsWithPrefix(builder: BundleBuilder, namespace: string, prefix: string, exclude?: string): KubeObject[] {
  return builder
    .listObjects('v1', 'Pod', namespace)
    .filter((pod) => pod.metadata.name.startsWith(prefix) && !(exclude && pod.metadata.name.startsWith(exclude)));
}

/** The first pod with the prefix; throws when the healthy cluster has none (start from healthyCluster). */
export function firstPod(builder: BundleBuilder, namespace: string, prefix: string, exclude?: string): KubeObject {
  const pod = podsWithPrefix(builder, namespace, prefix, exclude)[0];
  if (!pod) throw new Error(`no pod ${namespace}/${prefix}* in this bundle (start from healthyCluster)`);
  return pod;
}

/** Longhorn volumes in use (the running VMs' disks, attached), sorted by name. */
export function longhornVolumes(builder: BundleBuilder): KubeObject[] {
  const volumes = builder.listObjects(LONGHORN, 'Volume', 'longhorn-system').filter((volume) => (volume.status as { state?: string }).state === 'attached');
  if (volumes.length === 0) throw new Error('no Longhorn volumes in this bundle (start from healthyCluster)');
  return volumes;
}

/** RFC3339 (seconds) `seconds` before the bundle was created. */
export function secondsBefore(builder: BundleBuilder, seconds: number): string {
  return new Date(Date.parse(builder.createdAt) - seconds * 1000).toISOString().replace('.000Z', 'Z');
}

/** A pod log line with a kubelet timestamp `seconds` before the bundle, and a logrus payload. */
export function logrusLine(builder: BundleBuilder, seconds: number, level: string, message: string, fields = ''): { time: string; text: string } {
  const time = new Date(Date.parse(builder.createdAt) - seconds * 1000 + 417);
  const iso = time.toISOString();
  return { time: `${iso.slice(0, 19)}.${String(time.getUTCMilliseconds()).padStart(3, '0')}082311Z`, text: `time="${iso.slice(0, 19)}Z" level=${level} msg="${message.replaceAll('"', '\\"')}"${fields ? ` ${fields}` : ''}` };
}

/** Changes the status of the first disk of Longhorn node `node` (`status.diskStatus.<disk>`); returns the disk's name. */
export function updateFirstDiskStatus(builder: BundleBuilder, node: string, change: (status: Record<string, unknown>, disk: string, path: string) => void): string {
  let disk = '';
  builder.updateObject(LONGHORN, 'Node', 'longhorn-system', node, (object) => {
    const statuses = (object.status as { diskStatus: Record<string, Record<string, unknown>> }).diskStatus;
    disk = Object.keys(statuses)[0]!;
    change(statuses[disk]!, disk, String(statuses[disk]!.diskPath));
  });
  return disk;
}
