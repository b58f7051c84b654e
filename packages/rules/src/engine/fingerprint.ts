import { createHash } from 'node:crypto';
import type { ObjectRef } from '@bundle-triage/core';

/**
 * A finding's identity across runs and across bundles of the same cluster: the rule and the
 * objects it is about, never line numbers or messages (those move when the bundle changes).
 */
export function fingerprint(ruleId: string, objects: readonly (ObjectRef | undefined)[]): string {
  const keys = [...new Set(objects.filter((ref): ref is ObjectRef => ref !== undefined).map(refKey))].sort();
  return createHash('sha256').update(`${ruleId}\n${keys.join('\n')}`).digest('hex').slice(0, 16);
}

export function refKey(ref: ObjectRef): string {
  return `${ref.kind}|${ref.namespace ?? ''}|${ref.name}`;
}
