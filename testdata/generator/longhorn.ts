/**
 * Longhorn v1beta2 objects in longhorn-system for a healthy cluster: one Longhorn node per
 * Kubernetes node (schedulable, no eviction), the VM volumes attached and `healthy` with one
 * running replica per node (up to 3), their engines, instance managers and a few settings.
 */
import { createHash } from 'node:crypto';
import type { KubeObject } from '../../packages/rules/src/testing/bundle-builder.js';
import { type ClusterContext } from './cluster-context.js';
import type { VmVolume } from './virtual-machines.js';

const API = 'longhorn.io/v1beta2';
const DATA_PATH = '/var/lib/harvester/defaultdisk';

/** Per-node disks and instance managers, and the nodes that hold replicas (shared by all volumes). */
export interface LonghornLayout {
  diskIds: Map<string, string>;
  diskUuids: Map<string, string>;
  instanceManagers: Map<string, string>;
  replicaNodes: ClusterContext['nodes'];
}

export function longhornLayout(context: ClusterContext): LonghornLayout {
  const { random, nodes } = context;
  const diskIds = new Map(nodes.map((node) => [node.name, `default-disk-${random.hex(16)}`]));
  const diskUuids = new Map(nodes.map((node) => [node.name, random.uuid()]));
  const instanceManagers = new Map(nodes.map((node) => [node.name, `instance-manager-${random.hex(32)}`]));
  return { diskIds, diskUuids, instanceManagers, replicaNodes: nodes.slice(0, Math.min(3, nodes.length)) };
}

function replicaNameOf(context: ClusterContext, volume: string, nodeName: string): string {
  return `${volume}-r-${context.nodes.findIndex((n) => n.name === nodeName)}`;
}

export function addLonghorn(context: ClusterContext, volumes: readonly VmVolume[]): LonghornLayout {
  const { builder, nodes } = context;
  const layout = longhornLayout(context);
  const { diskIds, diskUuids, instanceManagers, replicaNodes } = layout;
  const replicaName = (volume: string, nodeName: string) => replicaNameOf(context, volume, nodeName);

  for (const node of nodes) {
    const diskId = diskIds.get(node.name)!;
    builder.addObject({
      apiVersion: API,
      kind: 'Node',
      metadata: { creationTimestamp: context.at(20), finalizers: ['longhorn.io'], generation: 1, name: node.name, namespace: 'longhorn-system' },
      spec: {
        allowScheduling: true,
        disks: { [diskId]: { allowScheduling: true, diskDriver: '', diskType: 'filesystem', evictionRequested: false, path: DATA_PATH, storageReserved: 0, tags: [] } },
        evictionRequested: false,
        instanceManagerCPURequest: 0,
        name: node.name,
        tags: [],
      },
      status: {
        autoEvicting: false,
        conditions: ['Ready', 'Schedulable', 'MountPropagation', 'RequiredPackages', 'KernelModulesLoaded'].map((type) => ({
          lastProbeTime: '',
          lastTransitionTime: context.at(25),
          message: '',
          reason: '',
          status: 'True',
          type,
        })),
        diskStatus: {
          [diskId]: {
            conditions: [
              { lastProbeTime: '', lastTransitionTime: context.at(25), message: `Disk ${diskId}(${DATA_PATH}) on node ${node.name} is ready`, reason: '', status: 'True', type: 'Ready' },
              { lastProbeTime: '', lastTransitionTime: context.at(25), message: `Disk ${diskId}(${DATA_PATH}) on node ${node.name} is schedulable`, reason: '', status: 'True', type: 'Schedulable' },
            ],
            diskName: diskId,
            diskPath: DATA_PATH,
            diskType: 'filesystem',
            diskUUID: diskUuids.get(node.name),
            scheduledReplica: replicaNodes.includes(node) ? Object.fromEntries(volumes.map((v) => [replicaName(v.name, node.name), v.sizeBytes])) : {},
            storageAvailable: 812_394_594_304,
            storageMaximum: 1_073_216_491_520,
            storageScheduled: replicaNodes.includes(node) ? volumes.reduce((sum, v) => sum + v.sizeBytes, 0) : 0,
          },
        },
        region: '',
        snapshotCheckStatus: {},
        zone: '',
      },
    });
    builder.addObject({
      apiVersion: API,
      kind: 'InstanceManager',
      metadata: { creationTimestamp: context.at(22), generation: 1, labels: { 'longhorn.io/node': node.name }, name: instanceManagers.get(node.name)!, namespace: 'longhorn-system' },
      spec: { dataEngine: 'v1', image: `longhornio/longhorn-instance-manager:${context.release.longhorn}`, nodeID: node.name, type: 'aio' },
      status: { currentState: 'running', ip: `10.52.${nodes.indexOf(node)}.9`, ownerID: node.name, proxyApiMinVersion: 1, proxyApiVersion: 6 },
    });
  }

  for (const volume of volumes) {
    for (const object of longhornVolumeObjects(context, layout, volume)) builder.addObject(object);
    builder.addObject(volumeAttachment(volume.name, volume.node, context.at(205)));
  }

  const settings: [string, string][] = [
    ['backup-target', ''],
    ['default-data-path', DATA_PATH],
    ['default-replica-count', '3'],
    ['node-drain-policy', 'allow-if-replica-is-stopped'],
    ['storage-minimal-available-percentage', '25'],
    ['storage-over-provisioning-percentage', '200'],
    ['taint-toleration', 'kubevirt.io/drain:NoSchedule'],
  ];
  for (const [name, value] of settings) {
    builder.addObject({
      apiVersion: API,
      kind: 'Setting',
      metadata: { creationTimestamp: context.at(21), generation: 1, name, namespace: 'longhorn-system' },
      status: { applied: true },
      value,
    });
  }
  return layout;
}

/**
 * The VolumeAttachment that kube-controller-manager creates for an attached CSI volume, named as
 * the attach-detach controller names it (`csi-` + sha256 of volume handle, attacher and node).
 */
export function volumeAttachment(volume: string, node: string, created: string): KubeObject {
  const attacher = 'driver.longhorn.io';
  return {
    apiVersion: 'storage.k8s.io/v1',
    kind: 'VolumeAttachment',
    metadata: {
      annotations: { 'csi.alpha.kubernetes.io/node-id': node },
      creationTimestamp: created,
      finalizers: ['external-attacher/driver-longhorn-io'],
      name: `csi-${createHash('sha256').update(`${volume}${attacher}${node}`).digest('hex')}`,
    },
    spec: { attacher, nodeName: node, source: { persistentVolumeName: volume } },
    status: { attached: true },
  };
}

/** A volume's Longhorn objects, in the order they are added: the Volume, its Engine, its Replicas. */
export function longhornVolumeObjects(context: ClusterContext, layout: LonghornLayout, volume: VmVolume): KubeObject[] {
  const { random } = context;
  const { diskUuids, instanceManagers, replicaNodes } = layout;
  const replicaName = (name: string, nodeName: string) => replicaNameOf(context, name, nodeName);
  const objects: KubeObject[] = [];
  const engineName = `${volume.name}-e-0`;
  objects.push({
    apiVersion: API,
    kind: 'Volume',
    metadata: { creationTimestamp: context.at(200), finalizers: ['longhorn.io'], generation: 3, labels: { longhornvolume: volume.name }, name: volume.name, namespace: 'longhorn-system' },
    spec: {
      accessMode: 'rwx',
      dataEngine: 'v1',
      dataLocality: 'disabled',
      frontend: 'blockdev',
      migratable: true,
      numberOfReplicas: replicaNodes.length,
      replicaAutoBalance: 'ignored',
      size: String(volume.sizeBytes),
      snapshotDataIntegrity: 'ignored',
      staleReplicaTimeout: 30,
    },
    status: {
      actualSize: Math.round(volume.sizeBytes * 0.31),
      conditions: ['Scheduled', 'Restore', 'TooManySnapshots'].map((type) => ({
        lastProbeTime: '',
        lastTransitionTime: context.at(201),
        message: '',
        reason: '',
        status: type === 'Scheduled' ? 'True' : 'False',
        type,
      })),
      currentImage: `longhornio/longhorn-engine:${context.release.longhorn}`,
      currentNodeID: volume.node,
      frontendDisabled: false,
      kubernetesStatus: {
        lastPVCRefAt: '',
        lastPodRefAt: '',
        namespace: volume.pvcNamespace,
        pvName: volume.name,
        pvStatus: 'Bound',
        pvcName: volume.pvcName,
        workloadsStatus: [{ podName: volume.launcherPod, podStatus: 'Running', workloadName: volume.vm, workloadType: 'VirtualMachineInstance' }],
      },
      ownerID: volume.node,
      robustness: 'healthy',
      state: 'attached',
    },
  });
  objects.push({
    apiVersion: API,
    kind: 'Engine',
    metadata: { creationTimestamp: context.at(200), generation: 2, labels: { longhornnode: volume.node, longhornvolume: volume.name }, name: engineName, namespace: 'longhorn-system' },
    spec: {
      active: true,
      dataEngine: 'v1',
      desireState: 'running',
      frontend: 'blockdev',
      nodeID: volume.node,
      replicaAddressMap: Object.fromEntries(replicaNodes.map((node, i) => [replicaName(volume.name, node.name), `10.52.${i}.9:${10010 + i * 20}`])),
      volumeName: volume.name,
      volumeSize: String(volume.sizeBytes),
    },
    status: {
      currentState: 'running',
      endpoint: `/dev/longhorn/${volume.name}`,
      instanceManagerName: instanceManagers.get(volume.node),
      ownerID: volume.node,
      replicaModeMap: Object.fromEntries(replicaNodes.map((node) => [replicaName(volume.name, node.name), 'RW'])),
      started: true,
    },
  });
  for (const node of replicaNodes) {
    objects.push({
      apiVersion: API,
      kind: 'Replica',
      metadata: { creationTimestamp: context.at(200), generation: 2, labels: { longhorndiskuuid: diskUuids.get(node.name)!, longhornnode: node.name, longhornvolume: volume.name }, name: replicaName(volume.name, node.name), namespace: 'longhorn-system' },
      spec: {
        active: true,
        dataDirectoryName: `${volume.name}-${random.hex(8)}`,
        dataEngine: 'v1',
        desireState: 'running',
        diskID: diskUuids.get(node.name),
        diskPath: DATA_PATH,
        engineName,
        failedAt: '',
        healthyAt: context.at(202),
        nodeID: node.name,
        volumeName: volume.name,
        volumeSize: String(volume.sizeBytes),
      },
      status: { currentState: 'running', instanceManagerName: instanceManagers.get(node.name), ownerID: node.name, started: true },
    });
  }
  return objects;
}
