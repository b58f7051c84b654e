import type { KubeObject } from '../resources/kube-object.js';
import { objectEntry } from './dated-entry.js';
import { describeObject, field, text } from '../resources/object-fields.js';
import type { PendingEntry } from './pending-entry.js';

/**
 * Containers of a Pod that stopped: the current instance (`state.terminated`) and the previous
 * one (`lastState.terminated`, the crash before a restart), with reason and exit code.
 */
export function containerEntries(pod: KubeObject, path: string): PendingEntry[] {
  const entries: PendingEntry[] = [];
  for (const list of ['initContainerStatuses', 'containerStatuses'] as const) {
    const statuses = field(pod, 'status', list);
    if (!Array.isArray(statuses)) continue;
    statuses.forEach((status, index) => {
      const name = text(field(status, 'name')) ?? '?';
      const restarts = field(status, 'restartCount');
      for (const which of ['state', 'lastState'] as const) {
        const terminated = field(status, which, 'terminated');
        if (!terminated || typeof terminated !== 'object') continue;
        const reason = text(field(terminated, 'reason')) ?? 'Terminated';
        const exitCode = field(terminated, 'exitCode');
        const failed = reason !== 'Completed' || (typeof exitCode === 'number' && exitCode !== 0);
        const entry = objectEntry(pod, path, `/status/${list}/${index}/${which}/terminated/finishedAt`, field(terminated, 'finishedAt'), {
          kind: 'container-terminated',
          level: failed ? 'error' : 'info',
          text: `${describeObject(pod)} container ${name} ${which === 'lastState' ? 'previous instance ' : ''}terminated: ${reason}${exitCode === undefined ? '' : `, exit code ${exitCode}`}${typeof restarts === 'number' && restarts > 0 ? ` (${restarts} restarts)` : ''}`,
        });
        if (entry) entries.push(entry);
      }
    });
  }
  return entries;
}
