import { createHash } from 'node:crypto';
import type { ObjectRef } from '@bundle-triage/core';

/**
 * A finding's identity across runs and across bundles of the same cluster: the rule and the
 * objects it is about, never line numbers or messages (those move when the bundle changes).
 */
export function fingerprint(ruleId: string, objects: readonly (ObjectRef | undefined)[], extras: readonly string[] = []): string {
  const keys = [...new Set(objects.filter((ref): ref is ObjectRef => ref !== undefined).map(refKey))].sort();
  // Extras tell apart findings of one rule about the same objects (a code rule's `key`), or about
  // files that are not objects (node files, logs): their paths, never their lines.
  const rest = [...new Set(extras)].sort();
  return createHash('sha256')
    .update(`${ruleId}\n${keys.join('\n')}${rest.length > 0 ? `\n--\n${rest.join('\n')}` : ''}`)
    .digest('hex')
    .slice(0, 16);
}

export function refKey(ref: ObjectRef): string {
  return `${ref.kind}|${ref.namespace ?? ''}|${ref.name}`;
}
