/**
 * S19 `upgrade-repo-vm-stuck`: the upgrade is in PreparingRepo, the repo VM
 * `upgrade-repo-hvst-upgrade-<id>` was created but its virt-launcher pod stays ContainerCreating
 * because a replica of its Longhorn volume is Stopped (#4246).
 */
import type { BundleBuilder } from '../../../src/testing/bundle-builder.js';
import { beforeCreated } from '../../../../../testdata/generator/fault-support/fleet-objects.js';
import { addUpgrade } from '../../../../../testdata/generator/fault-support/upgrade-objects.js';

export interface UpgradeRepoVmStuckOptions {
  from?: string;
  to?: string;
  /** Near miss: the repo VM pod is already Running (the repo is booting normally). */
  podRunning?: boolean;
  /** Leave every replica running (the pod is Pending for another reason). */
  noStoppedReplica?: boolean;
}

export const REPO_UPGRADE = 'hvst-upgrade-7xk2p';
export const REPO_POD = `virt-launcher-upgrade-repo-${REPO_UPGRADE}-x4qzn`;
export const REPO_VOLUME = 'pvc-3f1c9a52-8d2e-4b7a-9c61-0e5d4a7b2f18';

export function upgradeRepoVmStuck(builder: BundleBuilder, options: UpgradeRepoVmStuckOptions = {}): void {
  const node = builder.listObjects('v1', 'Node')[0]!.metadata.name;
  const created = beforeCreated(builder, 47 * 60);
  addUpgrade(builder, { from: options.from ?? 'v1.4.1', to: options.to ?? 'v1.4.2', state: 'PreparingRepo', startedSecondsAgo: 55 * 60 });
  const vm = `upgrade-repo-${REPO_UPGRADE}`;
  const running = options.podRunning === true;
  builder.addObject({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      creationTimestamp: created,
      generateName: `virt-launcher-${vm}-`,
      labels: { 'harvesterhci.io/upgrade': REPO_UPGRADE, 'harvesterhci.io/vmName': vm, 'kubevirt.io': 'virt-launcher', 'vm.kubevirt.io/name': vm },
      name: REPO_POD,
      namespace: 'harvester-system',
      ownerReferences: [{ apiVersion: 'kubevirt.io/v1', blockOwnerDeletion: true, controller: true, kind: 'VirtualMachineInstance', name: vm, uid: '6b1d0c7e-2f4a-4e8b-a1f3-9d5c2e7a0b64' }],
    },
    spec: {
      containers: [{ image: 'registry.suse.com/suse/sles/15.6/virt-launcher:1.3.1-150600.5.9.1', name: 'compute' }],
      nodeName: node,
      volumes: [{ name: 'disk-0', persistentVolumeClaim: { claimName: `${vm}-disk-0` } }],
    },
    status: {
      conditions: [
        { lastProbeTime: null, lastTransitionTime: created, status: 'True', type: 'PodScheduled' },
        { lastProbeTime: null, lastTransitionTime: created, message: 'containers with unready status: [compute]', reason: 'ContainersNotReady', status: running ? 'True' : 'False', type: 'Ready' },
      ],
      containerStatuses: [
        {
          image: 'registry.suse.com/suse/sles/15.6/virt-launcher:1.3.1-150600.5.9.1',
          imageID: '',
          lastState: {},
          name: 'compute',
          ready: running,
          restartCount: 0,
          started: running,
          state: running ? { running: { startedAt: created } } : { waiting: { reason: 'ContainerCreating' } },
        },
      ],
      hostIP: '192.168.122.101',
      phase: running ? 'Running' : 'Pending',
      qosClass: 'Burstable',
      startTime: created,
    },
  });
  const nodes = builder.listObjects('v1', 'Node').map((n) => n.metadata.name);
  builder.addObject({
    apiVersion: 'longhorn.io/v1beta2',
    kind: 'Volume',
    metadata: { creationTimestamp: created, generation: 2, labels: { longhornvolume: REPO_VOLUME }, name: REPO_VOLUME, namespace: 'longhorn-system' },
    spec: { accessMode: 'rwx', dataEngine: 'v1', frontend: 'blockdev', migratable: true, numberOfReplicas: Math.min(3, nodes.length), size: '10737418240' },
    status: {
      currentNodeID: running ? node : '',
      kubernetesStatus: {
        namespace: 'harvester-system',
        pvName: REPO_VOLUME,
        pvStatus: 'Bound',
        pvcName: `${vm}-disk-0`,
        workloadsStatus: [{ podName: REPO_POD, podStatus: running ? 'Running' : 'Pending', workloadName: vm, workloadType: 'VirtualMachineInstance' }],
      },
      robustness: running ? 'healthy' : 'unknown',
      state: running ? 'attached' : 'attaching',
    },
  });
  nodes.slice(0, 3).forEach((replicaNode, index) => {
    const stopped = index === 0 && !running && !options.noStoppedReplica;
    builder.addObject({
      apiVersion: 'longhorn.io/v1beta2',
      kind: 'Replica',
      metadata: { creationTimestamp: created, generation: 2, labels: { longhornnode: replicaNode, longhornvolume: REPO_VOLUME }, name: `${REPO_VOLUME}-r-${index}`, namespace: 'longhorn-system' },
      spec: { active: true, dataEngine: 'v1', desireState: stopped ? 'stopped' : 'running', nodeID: replicaNode, volumeName: REPO_VOLUME },
      status: { currentState: stopped ? 'stopped' : 'running', ownerID: replicaNode, started: !stopped },
    });
  });
}
