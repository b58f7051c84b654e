// The upgrade-gate-* (validator.harvesterhci.io, signatures.md §0.3) and precheck-* (upgrade-helpers
// check.sh, §6) rules: each implemented check fails on its fault and stays quiet on a near miss;
// each check a bundle cannot answer is skipped with the reason.
import { describe, expect, it } from 'vitest';
import { READINESS_CODE_RULES } from '../../src/catalog/code/readiness-rules.js';
import type { Finding } from '../../src/report/report-types.js';
import type { BundleBuilder } from '../../src/testing/index.js';
import { catalogRule, healthyCluster, runRule } from './catalog-support.js';
import { upgradeGateBackupScheduleRunning } from '../../../../testdata/generator/faults/upgrade-gate-backup-schedule-running.js';
import { upgradeGateCapiClusterNotProvisioned } from '../../../../testdata/generator/faults/upgrade-gate-capi-cluster-not-provisioned.js';
import { upgradeGateDegradedVolumes } from '../../../../testdata/generator/faults/upgrade-gate-degraded-volumes.js';
import { upgradeGateMachineEmptyNoderef } from '../../../../testdata/generator/faults/upgrade-gate-machine-empty-noderef.js';
import { upgradeGateMachineNotRunning } from '../../../../testdata/generator/faults/upgrade-gate-machine-not-running.js';
import { upgradeGateNodeNotReady } from '../../../../testdata/generator/faults/upgrade-gate-node-not-ready.js';
import { upgradeGateNodeUnschedulable } from '../../../../testdata/generator/faults/upgrade-gate-node-unschedulable.js';
import { upgradeGateNodesMachinesMismatch } from '../../../../testdata/generator/faults/upgrade-gate-nodes-machines-mismatch.js';
import { upgradeGateNonLiveMigratableVms } from '../../../../testdata/generator/faults/upgrade-gate-non-live-migratable-vms.js';
import { upgradeGateSingleReplicaVolumes } from '../../../../testdata/generator/faults/upgrade-gate-single-replica-volumes.js';
import { upgradeGateVmbackupInProgress } from '../../../../testdata/generator/faults/upgrade-gate-vmbackup-in-progress.js';
import { precheckBackupTarget } from '../../../../testdata/generator/faults/precheck-backup-target.js';
import { precheckCapiClusterPause } from '../../../../testdata/generator/faults/precheck-capi-cluster-pause.js';
import { precheckCapiClusterState } from '../../../../testdata/generator/faults/precheck-capi-cluster-state.js';
import { precheckCapiMachineCount } from '../../../../testdata/generator/faults/precheck-capi-machine-count.js';
import { precheckCapiMachineState } from '../../../../testdata/generator/faults/precheck-capi-machine-state.js';
import { precheckCertificates } from '../../../../testdata/generator/faults/precheck-certificates.js';
import { precheckHarvesterBundles } from '../../../../testdata/generator/faults/precheck-harvester-bundles.js';
import { precheckHelmBundles } from '../../../../testdata/generator/faults/precheck-helm-bundles.js';
import { precheckLonghornBackingImages } from '../../../../testdata/generator/faults/precheck-longhorn-backing-images.js';
import { precheckLonghornEviction } from '../../../../testdata/generator/faults/precheck-longhorn-eviction.js';
import { precheckLonghornVolumeHealth } from '../../../../testdata/generator/faults/precheck-longhorn-volume-health.js';
import { precheckNodeStatus } from '../../../../testdata/generator/faults/precheck-node-status.js';
import { precheckPodStatus } from '../../../../testdata/generator/faults/precheck-pod-status.js';
import { precheckServerVersion } from '../../../../testdata/generator/faults/precheck-server-version.js';
import { precheckStaleLonghornVolumes } from '../../../../testdata/generator/faults/precheck-stale-longhorn-volumes.js';
import { precheckVirtualMachines } from '../../../../testdata/generator/faults/precheck-virtual-machines.js';

const cluster = (nodes: number, version = 'v1.4.1', seed = 7, serverVersion?: string) => {
  const builder = healthyCluster({ harvesterVersion: version, nodes, seed });
  if (serverVersion) builder.updateObject('harvesterhci.io/v1beta1', 'Setting', undefined, 'server-version', (setting) => { setting.value = serverVersion; });
  return builder;
};

/** The text of the evidence line in the bundle (node files are inside nested zips, so only for yamls/ and logs/). */
function lineOf(builder: BundleBuilder, finding: Finding, index = 0): string {
  const evidence = finding.evidence[index]!;
  const bytes = builder.toFiles().get(evidence.path);
  if (!bytes) return evidence.excerpt ?? '';
  return new TextDecoder().decode(bytes).split('\n')[evidence.line - 1]!;
}

interface Case {
  id: string;
  nodes?: number;
  version?: string;
  /** For checks of newer releases than the generator models: the server-version the bundle reports. */
  serverVersion?: string;
  /** Breaks the healthy cluster; returns what the message names. */
  fault: (builder: BundleBuilder) => unknown;
  /** The same object touched, but not far enough to fail. */
  nearMiss: (builder: BundleBuilder) => unknown;
  status?: 'fail' | 'warn';
  message: (builder: BundleBuilder, named: unknown) => string;
  path: string | RegExp;
  /** Text the cited line holds. */
  proof: string;
}

const volumeName = (named: unknown) => (named as { metadata: { name: string } }).metadata.name;
const pvcOf = (named: unknown) => {
  const status = (named as { status: { kubernetesStatus: { namespace: string; pvcName: string } } }).status.kubernetesStatus;
  return `${status.namespace}/${status.pvcName}`;
};

const CASES: Case[] = [
  {
    id: 'upgrade-gate-degraded-volumes', nodes: 3,
    fault: upgradeGateDegradedVolumes, nearMiss: (b) => upgradeGateDegradedVolumes(b, { robustness: 'unknown' }),
    message: () => 'there are degraded volumes, please check all volumes are healthy',
    path: 'yamls/namespaced/longhorn-system/longhorn.io/v1beta2/volumes.yaml', proof: 'robustness: degraded',
  },
  {
    id: 'upgrade-gate-capi-cluster-not-provisioned',
    fault: upgradeGateCapiClusterNotProvisioned, nearMiss: (b) => upgradeGateCapiClusterNotProvisioned(b, { phase: 'Provisioned' }),
    message: () => 'cluster fleet-local/local status is Provisioning, please wait for it to be provisioned',
    path: 'yamls/namespaced/fleet-local/cluster.x-k8s.io/v1beta1/clusters.yaml', proof: 'phase: Provisioning',
  },
  {
    id: 'upgrade-gate-vmbackup-in-progress',
    fault: upgradeGateVmbackupInProgress, nearMiss: (b) => upgradeGateVmbackupInProgress(b, { error: true }),
    message: (_b, named) => `please wait until all vmbackups are stopped, for example default/${volumeName(named)} is under processing`,
    path: 'yamls/namespaced/default/harvesterhci.io/v1beta1/virtualmachinebackups.yaml', proof: 'readyToUse: false',
  },
  {
    id: 'upgrade-gate-backup-schedule-running',
    fault: upgradeGateBackupScheduleRunning, nearMiss: (b) => upgradeGateBackupScheduleRunning(b, { suspended: true }),
    message: (_b, named) => `please suspend all backup/snapshot schedule, for example default/${volumeName(named)} is running`,
    path: 'yamls/namespaced/default/harvesterhci.io/v1beta1/schedulevmbackups.yaml', proof: '- apiVersion: harvesterhci.io/v1beta1',
  },
  {
    id: 'upgrade-gate-node-not-ready', nodes: 3,
    fault: upgradeGateNodeNotReady, nearMiss: (b) => upgradeGateNodeNotReady(b, { status: 'True' }),
    message: (_b, named) => `node ${named} is not ready, please wait for it to be ready`,
    path: 'yamls/cluster/v1/nodes.yaml', proof: 'status: Unknown',
  },
  {
    id: 'upgrade-gate-node-unschedulable', nodes: 3,
    fault: upgradeGateNodeUnschedulable, nearMiss: (b) => upgradeGateNodeUnschedulable(b, { unschedulable: false }),
    message: (_b, named) => `node ${named} is unschedulable, please wait for it to be schedulable`,
    path: 'yamls/cluster/v1/nodes.yaml', proof: 'unschedulable: true',
  },
  {
    id: 'upgrade-gate-machine-not-running', nodes: 3,
    fault: upgradeGateMachineNotRunning, nearMiss: (b) => upgradeGateMachineNotRunning(b, { phase: 'Running' }),
    message: (_b, named) => `machine fleet-local/${named} is not running`,
    path: 'yamls/namespaced/fleet-local/cluster.x-k8s.io/v1beta1/machines.yaml', proof: 'phase: Provisioning',
  },
  {
    id: 'upgrade-gate-machine-empty-noderef', nodes: 3, version: 'v1.4.2', serverVersion: 'v1.5.0',
    fault: upgradeGateMachineEmptyNoderef, nearMiss: (b) => upgradeGateMachineEmptyNoderef(b, { keepNodeRef: true }),
    message: (_b, named) => `machine ${named} has empty NodeRef, check the cluster provision`,
    path: 'yamls/namespaced/fleet-local/cluster.x-k8s.io/v1beta1/machines.yaml', proof: '- apiVersion: cluster.x-k8s.io/v1beta1',
  },
  {
    id: 'upgrade-gate-single-replica-volumes', nodes: 3,
    fault: upgradeGateSingleReplicaVolumes, nearMiss: (b) => upgradeGateSingleReplicaVolumes(b, { state: 'detached' }),
    message: (_b, named) => `The backing volumes of the following PVCs have single replica configured, please consider shutdown the corresponding workload before upgrade: ${pvcOf(named)}`,
    path: 'yamls/namespaced/longhorn-system/longhorn.io/v1beta2/volumes.yaml', proof: 'numberOfReplicas: 1',
  },
  {
    id: 'upgrade-gate-non-live-migratable-vms', nodes: 3,
    fault: upgradeGateNonLiveMigratableVms, nearMiss: (b) => upgradeGateNonLiveMigratableVms(b, { cdrom: false }),
    message: (_b, named) => `There are non-live migratable VMs that need to be shut off before initiating the upgrade: default/${named}`,
    path: 'yamls/namespaced/default/kubevirt.io/v1/virtualmachineinstances.yaml', proof: '- bootOrder: 2',
  },
  {
    id: 'upgrade-gate-nodes-machines-mismatch', nodes: 3, version: 'v1.4.2', serverVersion: 'v1.5.0',
    fault: upgradeGateNodesMachinesMismatch, nearMiss: (b) => upgradeGateMachineNotRunning(b, { phase: 'Running' }),
    message: () => 'nodes(3) and machines(2) do not match, check the cluster provision',
    path: 'yamls/cluster/v1/nodes.yaml', proof: '- apiVersion: v1',
  },
  {
    id: 'precheck-server-version',
    fault: precheckServerVersion, nearMiss: (b) => precheckServerVersion(b, { value: 'v1.4.1' }),
    message: () => 'Failed to retrieve server version (setting server-version has no value); the pre-check script stops before any check',
    path: 'yamls/cluster/harvesterhci.io/v1beta1/settings.yaml', proof: '- apiVersion: harvesterhci.io/v1beta1',
  },
  {
    id: 'precheck-helm-bundles',
    fault: precheckHelmBundles, nearMiss: (b) => precheckHelmBundles(b, { bundle: 'mcc-harvester' }),
    message: () => 'Helm-Bundles Test: Failed — There are non-ready Helm bundles: fleet-local/mcc-rancher-monitoring',
    path: 'yamls/namespaced/fleet-local/fleet.cattle.io/v1alpha1/bundles.yaml', proof: 'ready: 0',
  },
  {
    id: 'precheck-harvester-bundles',
    fault: precheckHarvesterBundles, nearMiss: (b) => precheckHarvesterBundles(b, { summary: { ready: 1, desiredReady: 1 } }),
    message: () => 'Harvester-Bundles Test: Failed — Harvester bundle is not ready! (fleet-local/mcc-harvester is 0/1: desiredReady 1, ready 0, state NotReady; the script expects status.summary to be exactly {desiredReady: 1, ready: 1})',
    path: 'yamls/namespaced/fleet-local/fleet.cattle.io/v1alpha1/bundles.yaml', proof: 'summary:',
  },
  {
    id: 'precheck-node-status', nodes: 3,
    fault: precheckNodeStatus, nearMiss: (b) => precheckNodeStatus(b, { unschedulable: false }),
    message: (_b, named) => `Node-Status Test: Failed — There are unschedulable nodes: ${named}`,
    path: 'yamls/cluster/v1/nodes.yaml', proof: 'unschedulable: true',
  },
  {
    id: 'precheck-longhorn-eviction', version: 'v1.4.2',
    fault: precheckLonghornEviction, nearMiss: (b) => precheckLonghornEviction(b, { evictionRequested: false }),
    message: (_b, named) => `Longhorn-Eviction Test: Failed — ERROR: eviction is requested on Longhorn node ${named} (node or disk evictionRequested: true); set it to false before upgrading`,
    path: 'yamls/namespaced/longhorn-system/longhorn.io/v1beta2/nodes.yaml', proof: 'evictionRequested: true',
  },
  {
    id: 'precheck-capi-cluster-state',
    fault: precheckCapiClusterState, nearMiss: (b) => precheckCapiClusterState(b, { phase: 'Provisioned' }),
    message: () => 'CAPI-Cluster-State Test: Failed — Cluster is not provisioned (Provisioning)',
    path: 'yamls/namespaced/fleet-local/cluster.x-k8s.io/v1beta1/clusters.yaml', proof: 'phase: Provisioning',
  },
  {
    id: 'precheck-capi-cluster-pause',
    fault: precheckCapiClusterPause, nearMiss: (b) => precheckCapiClusterPause(b, { paused: false }),
    message: () => "CAPI-Cluster-Pause Test: Failed — CAPI cluster is paused. The upgrade will stall until 'spec.paused' is cleared on clusters.cluster.x-k8s.io/local in namespace fleet-local.",
    path: 'yamls/namespaced/fleet-local/cluster.x-k8s.io/v1beta1/clusters.yaml', proof: 'paused: true',
  },
  {
    id: 'precheck-capi-machine-count', nodes: 3,
    fault: precheckCapiMachineCount, nearMiss: (b) => upgradeGateMachineNotRunning(b, { phase: 'Running' }),
    message: () => 'CAPI-Machine-Count Test: Failed — CAPI machine count is not equal to node count. There are orphan machines. (2 machines, 3 nodes)',
    path: 'yamls/cluster/v1/nodes.yaml', proof: '- apiVersion: v1',
  },
  {
    id: 'precheck-capi-machine-state', nodes: 3,
    fault: precheckCapiMachineState, nearMiss: (b) => precheckCapiMachineState(b, { phase: 'Running' }),
    message: (_b, named) => `CAPI-Machine-State Test: Failed — CAPI machine ${named} phase is not Running (Provisioning).`,
    path: 'yamls/namespaced/fleet-local/cluster.x-k8s.io/v1beta1/machines.yaml', proof: 'phase: Provisioning',
  },
  {
    id: 'precheck-longhorn-volume-health', nodes: 3,
    fault: precheckLonghornVolumeHealth, nearMiss: (b) => precheckLonghornVolumeHealth(b, { robustness: 'healthy' }),
    message: (_b, named) => `Longhorn-Volume-Health-Status Test: Failed — Volume ${volumeName(named)} is degraded.`,
    path: 'yamls/namespaced/longhorn-system/longhorn.io/v1beta2/volumes.yaml', proof: 'robustness: degraded',
  },
  {
    id: 'precheck-stale-longhorn-volumes',
    fault: precheckStaleLonghornVolumes, nearMiss: (b) => precheckStaleLonghornVolumes(b, { podStatus: 'Running' }),
    message: (_b, named) => `Stale-Longhorn-Volumes Test: Failed — Volume longhorn-system/${volumeName(named)} is attached but its workload is not running (${(named as { status: { kubernetesStatus: { workloadsStatus: { podName: string }[] } } }).status.kubernetesStatus.workloadsStatus[0]!.podName}).`,
    path: 'yamls/namespaced/longhorn-system/longhorn.io/v1beta2/volumes.yaml', proof: 'workloadsStatus:',
  },
  {
    id: 'precheck-longhorn-backing-images',
    fault: precheckLonghornBackingImages, nearMiss: (b) => precheckLonghornBackingImages(b, { minNumberOfCopies: 3 }),
    message: (_b, named) => `Longhorn-Backing-Images Test: Failed — backing image ${volumeName(named)} has minNumberOfCopies 0`,
    path: 'yamls/namespaced/longhorn-system/longhorn.io/v1beta2/backingimages.yaml', proof: 'minNumberOfCopies: 0',
  },
  {
    id: 'precheck-virtual-machines',
    fault: precheckVirtualMachines, nearMiss: (b) => precheckVirtualMachines(b, { restoreVM: true }),
    message: (_b, named) => `Virtual-Machines Test: Failed — VM default/${named} is running with CD-ROM disk cdrom-0`,
    path: 'yamls/namespaced/default/kubevirt.io/v1/virtualmachines.yaml', proof: 'cdrom:',
  },
  {
    id: 'precheck-pod-status',
    fault: precheckPodStatus, nearMiss: (b) => precheckPodStatus(b, { reason: 'PodCompleted' }),
    message: (_b, named) => `Pod-Status Test: Failed — There are non-ready pods: ${named}`,
    path: 'yamls/namespaced/harvester-system/v1/pods.yaml', proof: 'status: "False"',
  },
  {
    id: 'precheck-backup-target',
    fault: precheckBackupTarget, nearMiss: (b) => precheckBackupTarget(b, { refreshIntervalInSeconds: 300 }),
    message: () => 'Backup-Target Test: Failed — the backup-target setting has a type but refreshIntervalInSeconds is not set or is 0: {"type":"nfs","endpoint":"nfs://192.168.122.1:/backups"}',
    path: 'yamls/cluster/harvesterhci.io/v1beta1/settings.yaml', proof: 'value:',
  },
  {
    id: 'precheck-certificates',
    fault: precheckCertificates, nearMiss: (b) => precheckCertificates(b, { hoursBefore: 72 }),
    message: (_b, named) => `Certificates Test: Failed — RKE2 on ${named} logs "x509: certificate has expired or is not yet valid": certificates under /var/lib/rancher/rke2/server/tls have expired`,
    path: /^nodes\/harvester-node-0\.zip!?\/?.*rke2-server\.log$|rke2-server\.log$/, proof: 'x509: certificate has expired',
  },
];

describe.each(CASES)('$id', (entry) => {
  it('fails with the message Harvester would print, citing the line that proves it', async () => {
    const builder = cluster(entry.nodes ?? 1, entry.version, 7, entry.serverVersion);
    const named = entry.fault(builder);
    const run = await runRule(await catalogRule(entry.id), builder);
    expect(run.outcome, run.skipReason ?? run.error).toBe(entry.status ?? 'fail');
    const finding = run.findings.find((candidate) => candidate.status === (entry.status ?? 'fail'))!;
    expect(finding.message).toBe(entry.message(builder, named));
    expect(finding.tags).toEqual(expect.arrayContaining(['upgrade', entry.id.startsWith('upgrade-gate') ? 'upgrade-gate' : 'precheck']));
    const evidence = finding.evidence.find((item) => (typeof entry.path === 'string' ? item.path === entry.path : entry.path.test(item.path)));
    expect(evidence, JSON.stringify(finding.evidence.map((item) => item.path))).toBeDefined();
    const index = finding.evidence.indexOf(evidence!);
    expect(lineOf(builder, finding, index)).toContain(entry.proof);
  });

  it('does not fail or warn on the near miss', async () => {
    const builder = cluster(entry.nodes ?? 1, entry.version, 7, entry.serverVersion);
    entry.nearMiss(builder);
    const run = await runRule(await catalogRule(entry.id), builder);
    expect(['pass', 'skipped']).toContain(run.outcome);
    if (run.outcome === 'skipped') expect(entry.id).toBe('precheck-certificates');
  });
});

describe('checks a bundle cannot answer are skipped with the reason', () => {
  const SKIPS: [string, string, RegExp][] = [
    ['upgrade-gate-free-system-partition', 'v1.4.1', /^free disk space of nodes is not recorded in a support bundle; check it with df -h \/usr\/local on each node \(the upgrade needs at least v1\.4\.2: 30 GB free\)$/],
    ['precheck-node-free-space', 'v1.4.1', /^free disk space of nodes is not recorded in a support bundle; check it on each node with kubectl get --raw/],
    ['precheck-host-control-plane', 'v1.4.1', /^the Host check depends on the node the pre-check script is started on.*\(harvester-node-0\)$/],
    ['precheck-kubeconfig-secret', 'v1.4.1', /^secret fleet-local\/local-kubeconfig is not in a support bundle: support-bundle-kit collects no Secrets except the machine-plan ones in fleet-local/],
    ['precheck-certificates', 'v1.4.1', /^certificate files are not in a support bundle and no rke2-server\/kubelet log line of the last 24 hours/],
  ];
  it.each(SKIPS)('%s', async (id, version, reason) => {
    const run = await runRule(await catalogRule(id), cluster(1, version));
    expect(run.outcome).toBe('skipped');
    expect(run.skipReason).toMatch(reason);
  });

  it('skips the v1.7.x COS_STATE check with its reason, and by version elsewhere', async () => {
    const builder = cluster(1);
    builder.updateObject('harvesterhci.io/v1beta1', 'Setting', undefined, 'server-version', (setting) => { setting.value = 'v1.7.1'; });
    expect((await runRule(await catalogRule('precheck-cos-state-size'), builder)).skipReason).toBe(
      'the size of the COS_STATE partition is not recorded in a support bundle; check it on each node with df -h /run/initramfs/cos-state (needs at least 15 GB)',
    );
    expect((await runRule(await catalogRule('precheck-cos-state-size'), cluster(1))).skipReason).toBe('applies to Harvester >=1.7.0 <1.8.0; this bundle is v1.4.1');
  });

  it('skips the kubernetes cert-expiry gate with its reason on a newer release', async () => {
    const builder = cluster(1);
    builder.updateObject('harvesterhci.io/v1beta1', 'Setting', undefined, 'server-version', (setting) => { setting.value = 'v1.5.0'; });
    expect((await runRule(await catalogRule('upgrade-gate-kubernetes-cert-expiring'), builder)).skipReason).toMatch(/^the expiry date of the certificate served at the default\/kubernetes ClusterIP is not recorded in a support bundle/);
  });
});

describe('healthy clusters are quiet', () => {
  const ids = async () => {
    const { readdir } = await import('node:fs/promises');
    const { catalogDirectory } = await import('../../src/catalog/load-catalog.js');
    const files = [...(await readdir(`${catalogDirectory()}/upgrade-gate`)), ...(await readdir(`${catalogDirectory()}/precheck`))];
    return [...files.map((file) => file.replace(/\.yaml$/, '')), ...READINESS_CODE_RULES.map((rule) => rule.id)];
  };
  it.each([
    { harvesterVersion: 'v1.4.1', nodes: 1, seed: 1 },
    { harvesterVersion: 'v1.4.2', nodes: 3, seed: 2 },
  ])('no fail and no warn on %o', async (options) => {
    for (const id of await ids()) {
      const run = await runRule(await catalogRule(id), healthyCluster(options));
      expect([id, run.outcome, run.error]).toEqual([id, expect.stringMatching(/^(pass|skipped)$/), undefined]);
    }
  });
});
