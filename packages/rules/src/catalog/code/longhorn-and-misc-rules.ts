import type { CodeRule } from '../../rule/rule.js';
import { backupTargetRefreshIntervalHighCpu } from './backup-target-refresh-interval-high-cpu.js';
import { capiClusterPausedOrNotProvisioned } from './capi-cluster-paused-or-not-provisioned.js';
import { longhornEvictionRequestedManagerCrash } from './longhorn-eviction-requested-manager-crash.js';

/** Code rules of this part of the catalog; one file per rule beside this one, listed here. */
export const LONGHORN_AND_MISC_CODE_RULES: CodeRule[] = [
  longhornEvictionRequestedManagerCrash,
  backupTargetRefreshIntervalHighCpu,
  capiClusterPausedOrNotProvisioned,
];
