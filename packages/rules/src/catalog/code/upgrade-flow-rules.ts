import type { CodeRule } from '../../rule/rule.js';
import { applyManifestsWaitingManagedchart } from './apply-manifests-waiting-managedchart.js';
import { waitingRebootCosStateTooSmall } from './waiting-reboot-cos-state-too-small.js';

/** Code rules of this part of the catalog; one file per rule beside this one, listed here. */
export const UPGRADE_FLOW_CODE_RULES: CodeRule[] = [applyManifestsWaitingManagedchart, waitingRebootCosStateTooSmall];
