import { createHash } from 'node:crypto';

/**
 * A template's id: a hash of its masked text, so the same template found in two bundles has the
 * same id (batch runs group by it), whatever order the lines came in.
 */
export function templateId(template: string): string {
  return createHash('sha256').update(template).digest('hex').slice(0, 12);
}
