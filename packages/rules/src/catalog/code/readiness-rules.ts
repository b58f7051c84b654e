import type { CodeRule } from '../../rule/rule.js';
import { precheckCapiMachineCount } from './precheck-capi-machine-count.js';
import { precheckCertificates } from './precheck-certificates.js';
import { precheckCosStateSize } from './precheck-cos-state-size.js';
import { precheckHostControlPlane } from './precheck-host-control-plane.js';
import { precheckKubeconfigSecret } from './precheck-kubeconfig-secret.js';
import { precheckLonghornVolumeHealth } from './precheck-longhorn-volume-health.js';
import { precheckNetworkConfig } from './precheck-network-config.js';
import { precheckNodeFreeSpace } from './precheck-node-free-space.js';
import { precheckRwxNetworkIpAvailability } from './precheck-rwx-network-ip-availability.js';
import { precheckStorageNetworkIpAvailability } from './precheck-storage-network-ip-availability.js';
import { upgradeGateFreeSystemPartition } from './upgrade-gate-free-system-partition.js';
import { upgradeGateKubernetesCertExpiring } from './upgrade-gate-kubernetes-cert-expiring.js';
import { upgradeGateNodesMachinesMismatch } from './upgrade-gate-nodes-machines-mismatch.js';
import { upgradeGateNonLiveMigratableVms } from './upgrade-gate-non-live-migratable-vms.js';
import { upgradeGateSingleReplicaVolumes } from './upgrade-gate-single-replica-volumes.js';

/** Code rules of this part of the catalog; one file per rule beside this one, listed here. */
export const READINESS_CODE_RULES: CodeRule[] = [
  upgradeGateFreeSystemPartition,
  upgradeGateKubernetesCertExpiring,
  upgradeGateNodesMachinesMismatch,
  upgradeGateNonLiveMigratableVms,
  upgradeGateSingleReplicaVolumes,
  precheckCapiMachineCount,
  precheckCertificates,
  precheckCosStateSize,
  precheckHostControlPlane,
  precheckKubeconfigSecret,
  precheckLonghornVolumeHealth,
  precheckNetworkConfig,
  precheckNodeFreeSpace,
  precheckRwxNetworkIpAvailability,
  precheckStorageNetworkIpAvailability,
];
