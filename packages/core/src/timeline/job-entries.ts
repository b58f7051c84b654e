import type { KubeObject } from '../resources/kube-object.js';
import { objectEntry } from './dated-entry.js';
import { describeObject, field, text } from '../resources/object-fields.js';
import type { PendingEntry } from './pending-entry.js';

/** A Job's start, and its completion (or failure, from its Failed condition). */
export function jobEntries(job: KubeObject, path: string): PendingEntry[] {
  const entries: PendingEntry[] = [];
  const started = objectEntry(job, path, '/status/startTime', field(job, 'status', 'startTime'), {
    kind: 'job-started',
    level: 'info',
    text: `${describeObject(job)} started`,
  });
  if (started) entries.push(started);
  const completed = objectEntry(job, path, '/status/completionTime', field(job, 'status', 'completionTime'), {
    kind: 'job-finished',
    level: 'info',
    text: `${describeObject(job)} completed (${field(job, 'status', 'succeeded') ?? 1} succeeded)`,
  });
  if (completed) entries.push(completed);
  const conditions = field(job, 'status', 'conditions');
  if (!completed && Array.isArray(conditions)) {
    conditions.forEach((condition, index) => {
      if (text(field(condition, 'type')) !== 'Failed' || text(field(condition, 'status')) !== 'True') return;
      const reason = text(field(condition, 'reason'));
      const message = text(field(condition, 'message'));
      const failed = objectEntry(job, path, `/status/conditions/${index}/lastTransitionTime`, field(condition, 'lastTransitionTime'), {
        kind: 'job-finished',
        level: 'error',
        text: `${describeObject(job)} failed${reason ? ` (${reason})` : ''}${message ? `: ${message}` : ''}`,
      });
      if (failed) entries.push(failed);
    });
  }
  return entries;
}
