import type { KubeObject } from '../resources/kube-object.js';
import { objectEntry } from './dated-entry.js';
import { describeObject, field, text } from '../resources/object-fields.js';
import type { PendingEntry } from './pending-entry.js';
import type { TimelineLevel } from './timeline-types.js';

/**
 * Each status condition at its last transition (`lastTransitionTime`), or, for conditions that
 * only keep `lastUpdateTime` (wrangler's, e.g. Harvester's Upgrade), at that, said so in the text.
 */
export function conditionEntries(object: KubeObject, path: string): PendingEntry[] {
  const conditions = field(object, 'status', 'conditions');
  if (!Array.isArray(conditions)) return [];
  const entries: PendingEntry[] = [];
  conditions.forEach((condition, index) => {
    const type = text(field(condition, 'type'));
    if (!type) return;
    const status = text(field(condition, 'status')) ?? '?';
    const reason = text(field(condition, 'reason'));
    const message = text(field(condition, 'message'));
    const transition = text(field(condition, 'lastTransitionTime'));
    const key = transition ? 'lastTransitionTime' : 'lastUpdateTime';
    const describe = `${describeObject(object)} ${type}=${status}${reason ? ` (${reason})` : ''}${message ? `: ${oneLine(message)}` : ''}`;
    const entry = objectEntry(object, path, `/status/conditions/${index}/${key}`, field(condition, key), {
      kind: 'condition',
      level: conditionLevel(type, status, reason),
      text: transition ? describe : `${describe} [last updated]`,
    });
    if (entry) entries.push(entry);
  });
  return entries;
}

// Conditions that are bad when True (node pressure, failures); the others are bad when not True.
const NEGATIVE = /Pressure|Unavailable|Fail|Degraded|Error|Stalled|Evict|TooManySnapshots|Restarting/i;

// A pod that ran to completion (a Job's, a helm-install's) is not Ready, by design.
const FINISHED = new Set(['PodCompleted']);

function conditionLevel(type: string, status: string, reason: string | undefined): TimelineLevel {
  if (reason !== undefined && FINISHED.has(reason)) return 'info';
  const negative = NEGATIVE.test(type);
  if (status === 'Unknown') return 'warning';
  if (negative) return status === 'True' ? 'warning' : 'info';
  return status === 'False' ? 'warning' : 'info';
}

function oneLine(message: string): string {
  const flat = message.replace(/\s+/g, ' ').trim();
  return flat.length > 300 ? `${flat.slice(0, 300)}…` : flat;
}
