/**
 * Objects the storage-network and RWX-network faults share: Harvester network settings as the
 * settings controller leaves them, and Whereabouts IPPools as Whereabouts writes them (kube-system,
 * named after the range, `spec.allocations` keyed by the decimal offset from the network address,
 * each `{id: <sandbox container id>, podref: <ns>/<pod>}`, lowest free offset first).
 */
import { createHash } from 'node:crypto';
import type { BundleBuilder, KubeObject } from '../../../packages/rules/src/testing/bundle-builder.js';
import { LONGHORN } from './longhorn-objects.js';

const IPPOOL = 'whereabouts.cni.cncf.io/v1alpha1';

/** A 64-hex container id that depends only on `seed`. */
export function containerId(seed: string): string {
  return createHash('sha256').update(`sandbox/${seed}`).digest('hex');
}

function ipv4(text: string): number {
  return text.split('.').reduce((value, octet) => value * 256 + Number(octet), 0);
}

/** Offsets Whereabouts would hand out in `range` (first to last), the excluded CIDRs left out. */
function assignableOffsets(range: string, exclude: readonly string[]): number[] {
  const [address, prefix] = range.split('/') as [string, string];
  const size = 2 ** (32 - Number(prefix));
  const base = Math.floor(ipv4(address) / size) * size;
  const excluded = exclude.map((cidr) => {
    const [start, bits] = cidr.split('/') as [string, string];
    const length = 2 ** (32 - Number(bits));
    const first = Math.floor(ipv4(start) / length) * length;
    return [first - base, first - base + length - 1] as const;
  });
  const offsets: number[] = [];
  for (let offset = 1; offset < size - 1; offset += 1) {
    if (!excluded.some(([first, last]) => offset >= first && offset <= last)) offsets.push(offset);
  }
  return offsets;
}

/** The IPPool of `range` with one allocation per pod in `podRefs`, on the lowest free offsets. */
export function addIpPool(builder: BundleBuilder, range: string, exclude: readonly string[], podRefs: readonly string[]): KubeObject {
  const offsets = assignableOffsets(range, exclude);
  if (podRefs.length > offsets.length) throw new Error(`${range} has ${offsets.length} assignable addresses, not ${podRefs.length}`);
  const pool: KubeObject = {
    apiVersion: IPPOOL,
    kind: 'IPPool',
    metadata: { creationTimestamp: new Date(Date.parse(builder.createdAt) - 86_400_000).toISOString().replace('.000Z', 'Z'), generation: podRefs.length + 1, name: range.replace(/\//g, '-'), namespace: 'kube-system' },
    spec: {
      allocations: Object.fromEntries(podRefs.map((podref, index) => [String(offsets[index]), { id: containerId(podref), podref }])),
      range,
    },
  };
  builder.addObject(pool);
  return pool;
}

/** Sets a Harvester setting's value, adding the setting (as on a newer release) when it is missing. */
export function setHarvesterSetting(builder: BundleBuilder, name: string, value: string, annotations: Record<string, string> = {}): void {
  if (!builder.getObject('harvesterhci.io/v1beta1', 'Setting', undefined, name)) {
    builder.addObject({ apiVersion: 'harvesterhci.io/v1beta1', kind: 'Setting', metadata: { creationTimestamp: builder.createdAt, generation: 1, name }, default: '', status: {} });
  }
  builder.updateObject('harvesterhci.io/v1beta1', 'Setting', undefined, name, (setting) => {
    setting.value = value;
    setting.metadata.generation = Number(setting.metadata.generation ?? 1) + 1;
    if (Object.keys(annotations).length > 0) setting.metadata.annotations = { ...(setting.metadata.annotations ?? {}), ...annotations };
    setting.status = { conditions: [{ lastUpdateTime: builder.createdAt, reason: 'Completed', status: 'True', type: 'configured' }] };
  });
}

/** Sets (or adds) a Longhorn setting in longhorn-system. */
export function setLonghornSetting(builder: BundleBuilder, name: string, value: string): void {
  if (!builder.getObject(LONGHORN, 'Setting', 'longhorn-system', name)) {
    builder.addObject({ apiVersion: LONGHORN, kind: 'Setting', metadata: { creationTimestamp: builder.createdAt, generation: 1, name, namespace: 'longhorn-system' }, status: { applied: true }, value });
    return;
  }
  builder.updateObject(LONGHORN, 'Setting', 'longhorn-system', name, (setting) => {
    setting.value = value;
  });
}

/** Pods of the longhorn-csi-plugin DaemonSet (one per node), which join the network used by RWX volumes. */
export function csiPluginPods(builder: BundleBuilder): string[] {
  return builder
    .listObjects('v1', 'Pod', 'longhorn-system')
    .filter((pod) => pod.metadata.name.startsWith('longhorn-csi-plugin-'))
    .map((pod) => pod.metadata.name);
}
