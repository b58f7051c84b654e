/**
 * Who removes each finalizer a Harvester cluster carries, and why it may still be there. Names
 * are the ones in the projects' code: Kubernetes (kube-controller-manager's protection
 * controllers and garbage collector, the CSI sidecars), Longhorn (`longhorn.io`, longhorn-manager),
 * KubeVirt (pkg/apis/core/v1 types.go: `foregroundDeleteVirtualMachine`,
 * `kubevirt.io/virtualMachineControllerFinalize`, `kubevirt.io/migrationJobFinalize`,
 * `kubevirt.io/virtOperatorFinalizer`), CDI (`cdi.kubevirt.io/dataImportCronFinalizer`,
 * `operator.cdi.kubevirt.io`), Fleet (`fleet.cattle.io/bundle-finalizer`,
 * `…/bundle-deployment-finalizer`, `…/gitrepo-finalizer`, `…/cluster-finalizer`), Cluster API,
 * Rancher (Norman's `controller.cattle.io/<handler>`), and wrangler's `wrangler.cattle.io/<handler>`,
 * where the handler name says which program registered it (Harvester's: pkg/controller/master,
 * e.g. `vm-image-controller`, `harvester-vm-backup-controller`, `maintain-node-controller`;
 * helm-controller's `on-helm-chart-remove`; RKE2's `node` and `managed-etcd-controller`).
 */
export interface ControllerWorkload {
  namespace: string;
  kind: 'Deployment' | 'DaemonSet';
  name: string;
}

export interface FinalizerOwner {
  /** What removes it, as a support engineer would name it. */
  controller: string;
  /** Why it may still be there, when that is known. */
  hint?: string;
  /** The Deployment or DaemonSet that runs the controller, checked in the bundle (none: it runs outside pods, in rke2-server, or as a StatefulSet). */
  workloads: ControllerWorkload[];
}

const KCM: ControllerWorkload[] = [];
const LONGHORN_MANAGER: ControllerWorkload[] = [{ namespace: 'longhorn-system', kind: 'DaemonSet', name: 'longhorn-manager' }];
const VIRT_CONTROLLER: ControllerWorkload[] = [{ namespace: 'harvester-system', kind: 'Deployment', name: 'virt-controller' }];
const HARVESTER: ControllerWorkload[] = [{ namespace: 'harvester-system', kind: 'Deployment', name: 'harvester' }];
const RANCHER: ControllerWorkload[] = [{ namespace: 'cattle-system', kind: 'Deployment', name: 'rancher' }];
const FLEET_CONTROLLER: ControllerWorkload[] = [{ namespace: 'cattle-fleet-system', kind: 'Deployment', name: 'fleet-controller' }];

const EXACT: Record<string, FinalizerOwner> = {
  'kubernetes.io/pvc-protection': { controller: "kube-controller-manager's PVC protection", hint: 'it is removed once no pod uses the claim: a pod still mounts it (for a VM disk, its virt-launcher pod)', workloads: KCM },
  'kubernetes.io/pv-protection': { controller: "kube-controller-manager's PV protection", hint: 'it is removed once the volume is no longer bound to a claim', workloads: KCM },
  foregroundDeletion: { controller: "kube-controller-manager's garbage collector", hint: 'foreground deletion waits for the dependents (blockOwnerDeletion) to be deleted first', workloads: KCM },
  orphan: { controller: "kube-controller-manager's garbage collector", hint: 'the dependents are being orphaned', workloads: KCM },
  'batch.kubernetes.io/job-tracking': { controller: "kube-controller-manager's Job controller", hint: 'the Job controller has not accounted for this pod', workloads: KCM },
  'external-provisioner.volume.kubernetes.io/finalizer': { controller: "the CSI external-provisioner (Longhorn's csi-provisioner)", workloads: [{ namespace: 'longhorn-system', kind: 'Deployment', name: 'csi-provisioner' }] },
  'longhorn.io': { controller: 'longhorn-manager', hint: 'it is removed once the object is cleaned up (a volume must be detached first)', workloads: LONGHORN_MANAGER },
  foregroundDeleteVirtualMachine: { controller: "KubeVirt's virt-controller (VMI controller)", hint: 'it waits for the virt-launcher pod to terminate', workloads: VIRT_CONTROLLER },
  'kubevirt.io/virtualMachineControllerFinalize': { controller: "KubeVirt's virt-controller (VM controller)", workloads: VIRT_CONTROLLER },
  'kubevirt.io/migrationJobFinalize': { controller: "KubeVirt's virt-controller (migration controller)", workloads: VIRT_CONTROLLER },
  'kubevirt.io/virtOperatorFinalizer': { controller: "KubeVirt's virt-operator", workloads: [{ namespace: 'harvester-system', kind: 'Deployment', name: 'virt-operator' }] },
  'operator.cdi.kubevirt.io': { controller: "CDI's cdi-operator", workloads: [{ namespace: 'harvester-system', kind: 'Deployment', name: 'cdi-operator' }] },
  'fleet.cattle.io/bundle-deployment-finalizer': { controller: 'the Fleet agent of the cluster (fleet-agent in cattle-fleet-local-system)', workloads: [] },
  'cluster.cluster.x-k8s.io': { controller: 'Cluster API (capi-controller-manager)', workloads: [{ namespace: 'cattle-provisioning-capi-system', kind: 'Deployment', name: 'capi-controller-manager' }] },
  'machine.cluster.x-k8s.io': { controller: 'Cluster API (capi-controller-manager)', hint: 'CAPI drains and deletes the node of the machine first', workloads: [{ namespace: 'cattle-provisioning-capi-system', kind: 'Deployment', name: 'capi-controller-manager' }] },
  'harvesterhci.io/VMController.UnsetOwnerOfPVCs': { controller: 'harvester (VM controller, a finalizer of older releases)', workloads: HARVESTER },
};

/** wrangler handler names (`wrangler.cattle.io/<name>`) and the program that registers them. */
const WRANGLER: Record<string, FinalizerOwner> = {
  'on-helm-chart-remove': { controller: "helm-controller (inside rke2-server on the control-plane nodes)", hint: 'it is removed once the chart\'s helm-delete Job succeeded', workloads: [] },
  node: { controller: "RKE2's node controller (rke2-server)", workloads: [] },
  'managed-etcd-controller': { controller: "RKE2's etcd member controller (rke2-server)", hint: 'the node\'s etcd member is removed first', workloads: [] },
  'harvester-lb-vmi-controller': { controller: 'harvester-load-balancer', workloads: [{ namespace: 'harvester-system', kind: 'Deployment', name: 'harvester-load-balancer' }] },
  'provisioning-cluster-remove': { controller: 'rancher (provisioning)', workloads: RANCHER },
};
const HARVESTER_HANDLERS = /^(vm-image-controller|harvester-vm-backup-controller|vm-backup-controller|harvester-vm-restore-controller|schedule-vm-bakcup-controller|harvester-upgrade-controller|harvester-upgradelog-controller|maintain-node-controller|node-remove-controller|promote-node-controller|VMController\..+|VMIController\..+)$/;

/** The owner of a finalizer, or undefined when it is not one a Harvester cluster is known to carry. */
export function finalizerOwner(finalizer: string): FinalizerOwner | undefined {
  const exact = EXACT[finalizer];
  if (exact) return exact;
  if (finalizer.startsWith('wrangler.cattle.io/')) {
    const handler = finalizer.slice('wrangler.cattle.io/'.length);
    return WRANGLER[handler] ?? (HARVESTER_HANDLERS.test(handler) ? { controller: `harvester (handler ${handler})`, workloads: HARVESTER } : { controller: `a wrangler controller (handler ${handler}: Harvester, Rancher, Fleet or helm-controller)`, workloads: [] });
  }
  if (finalizer.startsWith('external-attacher/')) {
    const longhorn = finalizer === 'external-attacher/driver-longhorn-io';
    return {
      controller: longhorn ? "Longhorn's CSI attacher (csi-attacher)" : `the CSI external-attacher of ${finalizer.slice('external-attacher/'.length)}`,
      hint: 'it is removed once the volume is detached (no VolumeAttachment left)',
      workloads: longhorn ? [{ namespace: 'longhorn-system', kind: 'Deployment', name: 'csi-attacher' }] : [],
    };
  }
  if (finalizer.startsWith('snapshot.storage.kubernetes.io/')) {
    return { controller: 'the CSI snapshot-controller', hint: finalizer.endsWith('as-source-protection') ? 'a claim is still being restored from this snapshot' : 'it is removed once the snapshot and its content are unbound', workloads: [] };
  }
  if (finalizer.startsWith('snapshot.kubevirt.io/') || finalizer.startsWith('restore.kubevirt.io/')) return { controller: "KubeVirt's virt-controller (snapshot controller)", workloads: VIRT_CONTROLLER };
  if (finalizer.startsWith('cdi.kubevirt.io/')) return { controller: 'CDI (cdi-deployment)', workloads: [{ namespace: 'harvester-system', kind: 'Deployment', name: 'cdi-deployment' }] };
  if (finalizer.startsWith('fleet.cattle.io/')) return { controller: 'fleet-controller', workloads: FLEET_CONTROLLER };
  if (/^(machineset|machinedeployment|machinehealthcheck)\.cluster\.x-k8s\.io$/.test(finalizer)) return { controller: 'Cluster API (capi-controller-manager)', workloads: [{ namespace: 'cattle-provisioning-capi-system', kind: 'Deployment', name: 'capi-controller-manager' }] };
  if (finalizer.startsWith('controller.cattle.io/') || finalizer.startsWith('clusterscoped.controller.cattle.io/')) return { controller: `rancher (handler ${finalizer.slice(finalizer.indexOf('/') + 1)})`, workloads: RANCHER };
  return undefined;
}
