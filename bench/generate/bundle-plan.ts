/**
 * What a large bundle holds, as a list of files whose content is produced on demand: the healthy
 * fixture cluster (with the planted faults) kept as the fixture generator writes it, and the
 * files that scale (resource lists, pod logs, node logs) replaced by streamed versions that
 * start from the same objects and lines and add the bulk. Nothing large is ever held whole.
 */
import { inflateRawSync } from 'node:zlib';
import type { BundleBuilder, KubeObject } from '../../packages/rules/src/testing/bundle-builder.js';
import { deterministicUid } from '../../packages/rules/src/testing/bundle-builder.js';
import { toGoYaml } from '../../packages/rules/src/testing/go-yaml.js';
import { applyKitNullRewrite } from '../../packages/rules/src/testing/kit-null-rewrite.js';
import { groupVersionString, isCustomResourceGroup, parseApiVersion, pluralForKind, resourceListPath, type ResourceListLocation } from '../../packages/rules/src/testing/resource-path.js';
import type { ClusterContext } from '../../testdata/generator/cluster-context.js';
import { generateHealthyCluster } from '../../testdata/generator/healthy-cluster.js';
import type { LonghornLayout } from '../../testdata/generator/longhorn.js';
import { bufferSource, dataOffset, listMembers } from '../lib/central-directory.js';
import type { BenchSize } from './bench-sizes.js';
import {
  fillAppLog,
  fillJournalUnitLog,
  fillKernelLog,
  fillKubeletLog,
  fillLauncherLog,
  fillLogrusLog,
  fillLonghornManagerLog,
  fillVirtHandlerLog,
} from './log-filler.js';
import { applyPlants, type Plant } from './plants.js';
import { appWorkloads, crdObject, scaledEvents, scaledLonghornObjects, scaledVm, scaledVolumes, type EventTarget } from './scaled-objects.js';
import type { TextSink } from './text-sink.js';

export type BundleFile =
  | { path: string; kind: 'bytes'; bytes: Uint8Array }
  | { path: string; kind: 'text'; write: (sink: TextSink) => Promise<void> }
  /** A nested zip (`nodes/<node>.zip`): its members live under `<topFolder>/`. */
  | { path: string; kind: 'zip'; topFolder: string; files: BundleFile[] };

export interface BundlePlan {
  topFolder: string;
  createdAt: string;
  files: BundleFile[];
  plants: Plant[];
  counts: Record<string, number>;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export function planBundle(size: BenchSize, seed: number, plants: readonly Plant[]): BundlePlan {
  const cluster = generateHealthyCluster({ harvesterVersion: 'v1.4.1', nodes: size.nodes, seed });
  const { builder } = cluster;
  const appNamespaces = Array.from({ length: size.appNamespaces }, (_, index) => `apps-${String(index + 1).padStart(2, '0')}`);
  for (const [index, namespace] of appNamespaces.entries()) addCollectedNamespace(cluster, namespace, index);
  const planted = applyPlants(builder, plants);

  const createdMs = Date.parse(builder.createdAt);
  const baseFiles = builder.toFiles();
  const streamed = new Map<string, BundleFile>();
  const counts: Record<string, number> = {};
  const list = (location: ResourceListLocation, items: () => KubeObject[]) => {
    const path = resourceListPath(location);
    streamed.set(path, { path, kind: 'text', write: (sink) => writeList(sink, location, items(), (n) => (counts[path] = n)) });
  };
  const core = (resource: string, namespace?: string): ResourceListLocation => ({ group: '', version: 'v1', resource, ...(namespace ? { namespace } : {}) });
  const located = (apiVersion: string, kind: string, namespace?: string): ResourceListLocation => ({
    ...parseApiVersion(apiVersion),
    resource: pluralForKind(kind),
    ...(namespace ? { namespace } : {}),
  });
  const baseObjects = (apiVersion: string, kind: string, namespace?: string) => builder.listObjects(apiVersion, kind, namespace);

  // VMs in `default`, each with a root and a data disk.
  const imageName = baseObjects('harvesterhci.io/v1beta1', 'VirtualMachineImage', 'default')[0]!.metadata.name;
  const vmObjects = (kind: string) => () => {
    const objects: KubeObject[] = [];
    for (let index = 0; index < size.vms; index += 1) objects.push(...scaledVm(cluster, seed, index, imageName).objects.filter((object) => object.kind === kind));
    return objects;
  };
  list(core('pods', 'default'), () => [...baseObjects('v1', 'Pod', 'default'), ...vmObjects('Pod')()]);
  list(core('persistentvolumeclaims', 'default'), () => [...baseObjects('v1', 'PersistentVolumeClaim', 'default'), ...vmObjects('PersistentVolumeClaim')()]);
  list(located('kubevirt.io/v1', 'VirtualMachine', 'default'), () => [...baseObjects('kubevirt.io/v1', 'VirtualMachine', 'default'), ...vmObjects('VirtualMachine')()]);
  list(located('kubevirt.io/v1', 'VirtualMachineInstance', 'default'), () => [...baseObjects('kubevirt.io/v1', 'VirtualMachineInstance', 'default'), ...vmObjects('VirtualMachineInstance')()]);

  // Longhorn: a Volume, an Engine and up to three Replicas per disk.
  const volumes = scaledVolumes(cluster, seed, size, imageName);
  const layout = longhornLayoutOf(cluster, builder);
  const longhorn = (kind: string) => () => {
    const objects: KubeObject[] = [...baseObjects('longhorn.io/v1beta2', kind, 'longhorn-system')];
    volumes.forEach((volume, index) => objects.push(...scaledLonghornObjects(cluster, seed, layout, volume, index).filter((object) => object.kind === kind)));
    return objects;
  };
  for (const kind of ['Volume', 'Engine', 'Replica']) list(located('longhorn.io/v1beta2', kind, 'longhorn-system'), longhorn(kind));

  // Application pods in extra collected namespaces.
  const basePods = ['v1', 'Pod'] as const;
  const podsSoFar = builder.listObjects(...basePods).length + size.vms;
  const appPodsEach = Math.max(1, Math.ceil((size.pods - podsSoFar) / Math.max(1, appNamespaces.length)));
  const appLogs: { namespace: string; pod: string }[] = [];
  let appPodCount = 0;
  appNamespaces.forEach((namespace, index) => {
    const made = () => appWorkloads(cluster, seed, namespace, index, appPodsEach);
    list(core('pods', namespace), () => made().objects.filter((object) => object.kind === 'Pod'));
    list({ group: 'apps', version: 'v1', resource: 'deployments', namespace }, () => made().objects.filter((object) => object.kind === 'Deployment'));
    for (const workload of made().workloads) {
      for (const pod of workload.pods) if (appPodCount++ % 4 === 0) appLogs.push({ namespace, pod: pod.name });
    }
  });

  // Events, spread over the namespaces in proportion to what lives there.
  const eventFiles: { namespace: string; targets: EventTarget[]; share: number }[] = [
    { namespace: 'default', share: 0.35, targets: Array.from({ length: Math.min(size.vms, 200) }, (_, i) => ({ namespace: 'default', involved: { apiVersion: 'kubevirt.io/v1', kind: 'VirtualMachineInstance', name: `vm-${String(i).padStart(4, '0')}-${['web', 'db', 'cache', 'build', 'batch', 'desktop'][i % 6]}` }, reasons: VM_REASONS })) },
    { namespace: 'longhorn-system', share: 0.35, targets: volumes.slice(0, 200).map((volume) => ({ namespace: 'longhorn-system', involved: { apiVersion: 'longhorn.io/v1beta2', kind: 'Volume', name: volume.name }, reasons: VOLUME_REASONS })) },
    { namespace: 'harvester-system', share: 0.1, targets: cluster.nodes.map((node) => ({ namespace: 'harvester-system', involved: { apiVersion: 'v1', kind: 'Node', name: node.name }, reasons: NODE_REASONS })) },
    ...appNamespaces.map((namespace) => ({ namespace, share: 0.2 / appNamespaces.length, targets: [{ namespace, involved: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'app-000-web' }, reasons: APP_REASONS }] })),
  ];
  eventFiles.forEach(({ namespace, targets, share }, index) => {
    list(core('events', namespace), () => [...baseObjects('v1', 'Event', namespace), ...scaledEvents(cluster, seed, index, targets, Math.round(size.events * share))]);
  });

  list({ group: 'apiextensions.k8s.io', version: 'v1', resource: 'customresourcedefinitions' }, () => Array.from({ length: size.crds }, (_, index) => crdObject(seed, index)));

  // Pod logs: older history before the lines the fixture generator wrote.
  const podLog = (path: string, bytes: number, filler: (sink: TextSink, from: number, to: number) => Promise<void>) => {
    const base = baseFiles.get(path);
    streamed.set(path, {
      path,
      kind: 'text',
      async write(sink) {
        await filler(sink, createdMs - 20 * DAY, createdMs - 4 * HOUR);
        if (base) await sink.writeBytes(base);
      },
    });
  };
  const podsNamed = (namespace: string, prefix: string) => baseObjects('v1', 'Pod', namespace).filter((pod) => pod.metadata.name.startsWith(prefix));
  let logSeed = seed * 31;
  for (const pod of podsNamed('longhorn-system', 'longhorn-manager-')) {
    const node = (pod.spec as { nodeName: string }).nodeName;
    const s = ++logSeed;
    podLog(`logs/longhorn-system/${pod.metadata.name}/longhorn-manager.log`, size.longhornManagerLogBytes, (sink, fromMs, toMs) => fillLonghornManagerLog(sink, { bytes: size.longhornManagerLogBytes, fromMs, toMs, seed: s }, node));
  }
  for (const pod of podsNamed('harvester-system', 'virt-handler-')) {
    const s = ++logSeed;
    podLog(`logs/harvester-system/${pod.metadata.name}/virt-handler.log`, size.virtHandlerLogBytes, (sink, fromMs, toMs) => fillVirtHandlerLog(sink, { bytes: size.virtHandlerLogBytes, fromMs, toMs, seed: s }));
  }
  for (const pod of podsNamed('harvester-system', 'harvester-').filter((p) => /^harvester-[a-z0-9]{9}-[a-z0-9]{5}$/.test(p.metadata.name))) {
    const s = ++logSeed;
    podLog(`logs/harvester-system/${pod.metadata.name}/apiserver.log`, size.harvesterLogBytes, (sink, fromMs, toMs) => fillLogrusLog(sink, { bytes: size.harvesterLogBytes, fromMs, toMs, seed: s }));
  }
  for (let index = 0; index < size.vms; index += 1) {
    const vm = scaledVm(cluster, seed, index, imageName);
    const pod = vm.objects.find((object) => object.kind === 'Pod')!;
    const s = ++logSeed;
    podLog(`logs/default/${pod.metadata.name}/compute.log`, size.launcherLogBytes, (sink, fromMs, toMs) => fillLauncherLog(sink, { bytes: size.launcherLogBytes, fromMs, toMs, seed: s }, vm.volumes[0]!.vm));
  }
  for (const { namespace, pod } of appLogs) {
    const s = ++logSeed;
    podLog(`logs/${namespace}/${pod}/app.log`, size.appLogBytes, (sink, fromMs, toMs) => fillAppLog(sink, { bytes: size.appLogBytes, fromMs, toMs, seed: s }));
  }

  // Node zips: the fixture's node files, with kernel, agent and kubelet logs grown to size.
  for (const [index, node] of cluster.nodes.entries()) {
    const path = `nodes/${node.name}.zip`;
    const baseZip = baseFiles.get(path);
    if (!baseZip) continue;
    const members = unzipSmall(Buffer.from(baseZip), node.name);
    const bootMs = createdMs - 30 * DAY + index * 40 * 60_000;
    const grown = (file: string, filler: (sink: TextSink, fromMs: number, toMs: number) => Promise<void>): BundleFile => {
      const base = members.get(file);
      return {
        path: file,
        kind: 'text',
        async write(sink) {
          if (base) await sink.writeBytes(base);
          await filler(sink, bootMs + 3_600_000, createdMs - 60_000);
        },
      };
    };
    const s = seed * 1000 + index * 3;
    const replaced = new Map<string, BundleFile>([
      ['logs/kernel.log', grown('logs/kernel.log', (sink, fromMs, toMs) => fillKernelLog(sink, { bytes: size.kernelLogBytes, fromMs, toMs, seed: s }, node.name))],
      ['logs/rancher-system-agent.log', grown('logs/rancher-system-agent.log', (sink, fromMs, toMs) => fillJournalUnitLog(sink, { bytes: size.journalLogBytes, fromMs, toMs, seed: s + 1 }, node.name, 'rancher-system-agent[2410]'))],
      ['logs/kubelet.log', grown('logs/kubelet.log', (sink, fromMs, toMs) => fillKubeletLog(sink, { bytes: size.kubeletLogBytes, fromMs, toMs, seed: s + 2 }, node.name))],
    ]);
    const files: BundleFile[] = [...members].map(([file, bytes]) => replaced.get(file) ?? { path: file, kind: 'bytes', bytes });
    streamed.set(path, { path, kind: 'zip', topFolder: node.name, files });
  }

  const files: BundleFile[] = [];
  for (const [path, bytes] of baseFiles) files.push(streamed.get(path) ?? { path, kind: 'bytes', bytes });
  for (const [path, file] of streamed) if (!baseFiles.has(path)) files.push(file);
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { topFolder: builder.topFolderName, createdAt: builder.createdAt, files, plants: planted, counts };
}

const VM_REASONS: EventTarget['reasons'] = [
  ['Started', 'VirtualMachineInstance started.', 'virt-handler'],
  ['Migrated', 'The VirtualMachineInstance migrated to node harvester-node-1.', 'virt-handler'],
  ['SuccessfulUpdate', 'Updated the VirtualMachineInstance status', 'virtualmachine-controller'],
];
const VOLUME_REASONS: EventTarget['reasons'] = [
  ['Attached', 'volume is attached to harvester-node-0', 'longhorn-volume-controller'],
  ['Healthy', 'volume became healthy', 'longhorn-volume-controller'],
  ['Start', 'Starts replica', 'longhorn-replica-controller'],
];
const NODE_REASONS: EventTarget['reasons'] = [['NodeReady', 'Node status is now: NodeReady', 'kubelet']];
const APP_REASONS: EventTarget['reasons'] = [
  ['Pulled', 'Container image already present on machine', 'kubelet'],
  ['Created', 'Created container app', 'kubelet'],
  ['Started', 'Started container app', 'kubelet'],
];

function addCollectedNamespace(cluster: ClusterContext, name: string, index: number): void {
  const { builder } = cluster;
  builder.collectNamespace(name);
  const created = cluster.at(600 + index);
  builder.addObject({ apiVersion: 'v1', kind: 'Namespace', metadata: { creationTimestamp: created, labels: { 'kubernetes.io/metadata.name': name }, name }, spec: { finalizers: ['kubernetes'] }, status: { phase: 'Active' } });
  builder.addObject({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { creationTimestamp: created, name: 'default', namespace: name } });
}

/** The disks and instance managers the healthy cluster's Longhorn nodes have, so added replicas agree with them. */
function longhornLayoutOf(cluster: ClusterContext, builder: BundleBuilder): LonghornLayout {
  const diskIds = new Map<string, string>();
  const diskUuids = new Map<string, string>();
  for (const node of builder.listObjects('longhorn.io/v1beta2', 'Node', 'longhorn-system')) {
    const [diskId, disk] = Object.entries((node.status as { diskStatus: Record<string, { diskUUID: string }> }).diskStatus)[0]!;
    diskIds.set(node.metadata.name, diskId);
    diskUuids.set(node.metadata.name, disk.diskUUID);
  }
  const instanceManagers = new Map<string, string>();
  for (const manager of builder.listObjects('longhorn.io/v1beta2', 'InstanceManager', 'longhorn-system')) {
    instanceManagers.set((manager.spec as { nodeID: string }).nodeID, manager.metadata.name);
  }
  return { diskIds, diskUuids, instanceManagers, replicaNodes: cluster.nodes.slice(0, Math.min(3, cluster.nodes.length)) };
}

/** One `kind: List` written item by item, as the kit writes it (see BundleBuilder.resourceListFiles). */
async function writeList(sink: TextSink, location: ResourceListLocation, objects: KubeObject[], count: (n: number) => void): Promise<void> {
  objects.sort((a, b) => byteOrder(a.metadata.namespace ?? '', b.metadata.namespace ?? '') || byteOrder(a.metadata.name, b.metadata.name));
  count(objects.length);
  const listMetadata: Record<string, string> = { resourceVersion: resourceVersionOf(resourceListPath(location)) };
  if (isCustomResourceGroup(location.group)) listMetadata.continue = 'null';
  if (objects.length === 0) return sink.write(toGoYaml({ apiVersion: 'v1', items: [], kind: 'List', metadata: listMetadata }));
  await sink.write('apiVersion: v1\nitems:\n');
  for (const object of objects) {
    const metadata = object.metadata;
    const key = `${location.group}/${object.kind}/${metadata.namespace ?? ''}/${metadata.name}`;
    metadata.uid ??= deterministicUid(key);
    metadata.resourceVersion ??= resourceVersionOf(key);
    metadata.creationTimestamp ??= '2025-03-01T00:00:00Z';
    await sink.write(toGoYaml([applyKitNullRewrite({ ...object, apiVersion: groupVersionString(location), kind: object.kind })]));
  }
  await sink.write(toGoYaml({ kind: 'List', metadata: listMetadata }));
}

/** The members of a small in-memory zip (a fixture node zip), by path under its top folder. */
function unzipSmall(zip: Buffer, topFolder: string): Map<string, Buffer> {
  const source = bufferSource(zip);
  const files = new Map<string, Buffer>();
  for (const member of listMembers(source)) {
    if (member.isDirectory) continue;
    const data = zip.subarray(dataOffset(source, member), dataOffset(source, member) + member.compressedSize);
    files.set(member.name.slice(topFolder.length + 1), member.method === 8 ? inflateRawSync(data) : Buffer.from(data));
  }
  return files;
}

/** A resourceVersion that depends only on the object, so files can be written in any order. */
function resourceVersionOf(key: string): string {
  return String(100_000 + (parseInt(deterministicUid(key).slice(0, 8), 16) % 9_000_000));
}

function byteOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
