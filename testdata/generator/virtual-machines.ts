/**
 * Running VMs in `default` (the only user namespace collected by default): VirtualMachines,
 * VMIs, virt-launcher pods, root-disk PVCs, the VM image and the VLAN network. Returns the
 * volumes so the Longhorn part can back them. A VM in `production-vms` shows the kit's blind
 * spot: that namespace exists but is not collected, so its objects never reach the bundle.
 */
import type { KubeObject } from '../../packages/rules/src/testing/bundle-builder.js';
import { type ClusterContext } from './cluster-context.js';
import { podObject } from './workloads.js';

export interface VmVolume {
  /** Longhorn volume and PV name (`pvc-<uid>`). */
  name: string;
  pvcNamespace: string;
  pvcName: string;
  sizeBytes: number;
  node: string;
  launcherPod: string;
  vm: string;
}

/** What a VM is made of; the generator makes its PVC, VM, VMI and virt-launcher pod from it. */
export interface VmShape {
  name: string;
  cores: number;
  memory: string;
  disk: number;
}

const VMS: VmShape[] = [
  { name: 'ubuntu-2204-web', cores: 2, memory: '4Gi', disk: 21_474_836_480 },
  { name: 'sles15-sp6-db', cores: 4, memory: '8Gi', disk: 42_949_672_960 },
];

export function addVirtualMachines(context: ClusterContext): VmVolume[] {
  const { builder, random } = context;
  const imageName = `image-${random.podSuffix()}`;
  builder.addObject({
    apiVersion: 'harvesterhci.io/v1beta1',
    kind: 'VirtualMachineImage',
    metadata: { annotations: { 'harvesterhci.io/storageClassName': 'harvester-longhorn' }, creationTimestamp: context.at(120), generation: 2, name: imageName, namespace: 'default' },
    spec: { backend: 'backingimage', displayName: 'jammy-server-cloudimg-amd64.img', pvcName: '', pvcNamespace: '', retry: 3, sourceType: 'download', storageClassParameters: { migratable: 'true', numberOfReplicas: '3', staleReplicaTimeout: '30' }, url: 'https://cloud-images.ubuntu.com/jammy/current/jammy-server-cloudimg-amd64.img' },
    status: {
      appliedUrl: 'https://cloud-images.ubuntu.com/jammy/current/jammy-server-cloudimg-amd64.img',
      conditions: [{ lastUpdateTime: context.at(125), status: 'True', type: 'Imported' }, { lastUpdateTime: context.at(121), status: 'True', type: 'Initialized' }],
      progress: 100,
      size: 661_127_168,
      storageClassName: `longhorn-${imageName}`,
      virtualSize: 2_361_393_152,
    },
  });
  // Harvester makes one StorageClass per image; the disks created from the image are claims of it.
  builder.addObject({
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: { creationTimestamp: context.at(121), name: `longhorn-${imageName}` },
    allowVolumeExpansion: true,
    parameters: { backingImage: `default-${imageName}`, migratable: 'true', numberOfReplicas: String(Math.min(3, context.nodes.length)), staleReplicaTimeout: '30' },
    provisioner: 'driver.longhorn.io',
    reclaimPolicy: 'Delete',
    volumeBindingMode: 'Immediate',
  });
  builder.addObject({
    apiVersion: 'k8s.cni.cncf.io/v1',
    kind: 'NetworkAttachmentDefinition',
    metadata: { creationTimestamp: context.at(100), generation: 1, labels: { 'network.harvesterhci.io/clusternetwork': 'mgmt', 'network.harvesterhci.io/type': 'L2VlanNetwork', 'network.harvesterhci.io/vlan-id': '10' }, name: 'vlan10', namespace: 'default' },
    spec: { config: '{"cniVersion":"0.3.1","name":"vlan10","type":"bridge","bridge":"mgmt-br","promiscMode":true,"vlan":10,"ipam":{}}' },
  });

  const volumes = VMS.map((vm, index) => {
    const { objects, volume } = virtualMachineObjects(context, vm, index, imageName);
    for (const object of objects) builder.addObject(object);
    return volume;
  });

  // Exists in the cluster, but `production-vms` is not a collected namespace: dropped by the kit.
  builder.addObject({
    apiVersion: 'kubevirt.io/v1',
    kind: 'VirtualMachine',
    metadata: { creationTimestamp: context.at(400), generation: 1, name: 'erp-app-01', namespace: 'production-vms' },
    spec: { runStrategy: 'RerunOnFailure', template: { spec: { domain: { cpu: { cores: 8 }, memory: { guest: '16Gi' } } } } },
    status: { printableStatus: 'Running', ready: true },
  });
  return volumes;
}

/** One running VM in `default`: its root-disk PVC, VirtualMachine, VMI and virt-launcher pod, and its volume. */
export function virtualMachineObjects(context: ClusterContext, vm: VmShape, index: number, imageName: string): { objects: KubeObject[]; volume: VmVolume } {
  const { random } = context;
  const objects: KubeObject[] = [];
  const node = context.nodes[index % context.nodes.length]!;
  const created = context.at(200 + index * 30);
  const pvcName = `${vm.name}-disk-0-${random.podSuffix()}`;
  const volumeName = `pvc-${random.uuid()}`;
  const vmUid = random.uuid();
  const launcherPod = `virt-launcher-${vm.name}-${random.podSuffix()}`;
  const podIp = `10.52.${index % context.nodes.length}.${200 + index}`;
  objects.push({
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: {
      annotations: { 'harvesterhci.io/imageId': `default/${imageName}`, 'pv.kubernetes.io/bind-completed': 'yes', 'volume.kubernetes.io/storage-provisioner': 'driver.longhorn.io' },
      creationTimestamp: created,
      finalizers: ['kubernetes.io/pvc-protection'],
      name: pvcName,
      namespace: 'default',
      ownerReferences: [{ apiVersion: 'kubevirt.io/v1', kind: 'VirtualMachine', name: vm.name, uid: vmUid }],
    },
    spec: { accessModes: ['ReadWriteMany'], resources: { requests: { storage: `${vm.disk / 1_073_741_824}Gi` } }, storageClassName: `longhorn-${imageName}`, volumeMode: 'Block', volumeName },
    status: { accessModes: ['ReadWriteMany'], capacity: { storage: `${vm.disk / 1_073_741_824}Gi` }, phase: 'Bound' },
  });
  objects.push({
    apiVersion: 'kubevirt.io/v1',
    kind: 'VirtualMachine',
    metadata: {
      annotations: { 'harvesterhci.io/vmRunStrategy': 'RerunOnFailure', 'harvesterhci.io/volumeClaimTemplates': `[{"metadata":{"name":"${pvcName}"}}]` },
      creationTimestamp: created,
      finalizers: ['harvesterhci.io/VMController.UnsetOwnerOfPVCs'],
      generation: 1,
      labels: { 'harvesterhci.io/creator': 'harvester', 'harvesterhci.io/os': 'linux' },
      name: vm.name,
      namespace: 'default',
      uid: vmUid,
    },
    spec: {
      runStrategy: 'RerunOnFailure',
      template: {
        metadata: { labels: { 'harvesterhci.io/vmName': vm.name } },
        spec: {
          domain: {
            cpu: { cores: vm.cores, sockets: 1, threads: 1 },
            devices: { disks: [{ bootOrder: 1, disk: { bus: 'virtio' }, name: 'disk-0' }], interfaces: [{ bridge: {}, macAddress: `52:54:00:${random.hex(2)}:${random.hex(2)}:${random.hex(2)}`, model: 'virtio', name: 'default' }] },
            machine: { type: 'q35' },
            memory: { guest: vm.memory },
            resources: { limits: { cpu: String(vm.cores), memory: vm.memory } },
          },
          evictionStrategy: 'LiveMigrateIfPossible',
          networks: [{ multus: { networkName: 'default/vlan10' }, name: 'default' }],
          terminationGracePeriodSeconds: 120,
          volumes: [{ name: 'disk-0', persistentVolumeClaim: { claimName: pvcName } }],
        },
      },
    },
    status: {
      conditions: [{ lastProbeTime: null, lastTransitionTime: context.at(205 + index * 30), status: 'True', type: 'Ready' }, { lastProbeTime: null, lastTransitionTime: null, status: 'True', type: 'LiveMigratable' }],
      created: true,
      desiredGeneration: 1,
      observedGeneration: 1,
      printableStatus: 'Running',
      ready: true,
      runStrategy: 'RerunOnFailure',
      volumeSnapshotStatuses: [{ enabled: true, name: 'disk-0' }],
    },
  });
  objects.push({
    apiVersion: 'kubevirt.io/v1',
    kind: 'VirtualMachineInstance',
    metadata: {
      creationTimestamp: context.at(204 + index * 30),
      finalizers: ['kubevirt.io/virtualMachineControllerFinalize', 'foregroundDeleteVirtualMachine'],
      generation: 12,
      labels: { 'harvesterhci.io/vmName': vm.name, 'kubevirt.io/nodeName': node.name },
      name: vm.name,
      namespace: 'default',
      ownerReferences: [{ apiVersion: 'kubevirt.io/v1', blockOwnerDeletion: true, controller: true, kind: 'VirtualMachine', name: vm.name, uid: vmUid }],
    },
    spec: { domain: { cpu: { cores: vm.cores }, memory: { guest: vm.memory } }, evictionStrategy: 'LiveMigrateIfPossible', volumes: [{ name: 'disk-0', persistentVolumeClaim: { claimName: pvcName } }] },
    status: {
      activePods: { [random.uuid()]: node.name },
      conditions: [
        { lastProbeTime: null, lastTransitionTime: context.at(205 + index * 30), status: 'True', type: 'Ready' },
        { lastProbeTime: null, lastTransitionTime: null, status: 'True', type: 'LiveMigratable' },
      ],
      guestOSInfo: { id: vm.name.startsWith('ubuntu') ? 'ubuntu' : 'sles', name: vm.name.startsWith('ubuntu') ? 'Ubuntu' : 'SLES', version: vm.name.startsWith('ubuntu') ? '22.04' : '15-SP6' },
      interfaces: [{ infoSource: 'domain, guest-agent, multus-status', interfaceName: 'enp1s0', ipAddress: `192.168.10.${50 + index}`, mac: '52:54:00:aa:bb:0' + index, name: 'default' }],
      launcherContainerImageVersion: `registry.suse.com/suse/sles/15.6/virt-launcher:${context.release.kubevirt}`,
      migrationMethod: 'BlockMigration',
      migrationTransport: 'Unix',
      nodeName: node.name,
      phase: 'Running',
      qosClass: 'Guaranteed',
      volumeStatus: [{ name: 'disk-0', persistentVolumeClaimInfo: { accessModes: ['ReadWriteMany'], capacity: { storage: `${vm.disk / 1_073_741_824}Gi` }, volumeMode: 'Block' }, target: 'vda' }],
    },
  });
  objects.push(
    podObject(
      context,
      { namespace: 'default', name: launcherPod, kind: 'StatefulSet', containers: [{ name: 'compute', image: `registry.suse.com/suse/sles/15.6/virt-launcher:${context.release.kubevirt}` }], labels: { 'kubevirt.io': 'virt-launcher', 'vm.kubevirt.io/name': vm.name } },
      launcherPod,
      node,
      podIp,
      vmUid,
      '',
      { apiVersion: 'kubevirt.io/v1', blockOwnerDeletion: true, controller: true, kind: 'VirtualMachineInstance', name: vm.name, uid: random.uuid() },
    ),
  );
  return { objects, volume: { name: volumeName, pvcNamespace: 'default', pvcName, sizeBytes: vm.disk, node: node.name, launcherPod, vm: vm.name } };
}
