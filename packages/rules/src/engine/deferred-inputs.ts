import type { Rule } from '../rule/rule.js';
import { mentions } from './item-literals.js';

/**
 * The list inputs of a declarative rule that only its outcomes read: they are read when the first
 * object passes `match` (or the gate holds), so a rule about upgrades reads no Longhorn replicas on
 * a bundle without an Upgrade. Inputs `match` names (its `forEach` list, and any its `where`
 * reads) are read first, as are `required` ones (none in the bundle skips the rule whatever
 * `match` says) and named objects. What is known without reading (a namespace not collected) still
 * skips the rule before anything is evaluated; a list that turns out unreadable skips it only when
 * it was needed.
 */
export function deferredInputs(rule: Rule): ReadonlySet<string> {
  let found = CACHE.get(rule);
  if (!found) {
    found = derive(rule);
    CACHE.set(rule, found);
  }
  return found;
}

const CACHE = new WeakMap<Rule, ReadonlySet<string>>();

function derive(rule: Rule): ReadonlySet<string> {
  const deferred = new Set<string>();
  if (rule.kind !== 'declarative' || !rule.match) return deferred;
  for (const [name, spec] of Object.entries(rule.inputs ?? {})) {
    if (!('resource' in spec) || spec.resource.name !== undefined || spec.required === true) continue;
    if (rule.match.forEach === name || named(rule.match.where, name)) continue;
    deferred.add(name);
  }
  return deferred;
}

/** Whether any string of a part of the rule refers to the input. */
function named(node: unknown, input: string): boolean {
  if (typeof node === 'string') return mentions(node, input);
  if (Array.isArray(node)) return node.some((child) => named(child, input));
  if (node === null || typeof node !== 'object') return false;
  return Object.values(node).some((child) => named(child, input));
}
