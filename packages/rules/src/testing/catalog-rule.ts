import { loadCatalog } from '../catalog/load-catalog.js';
import type { Rule } from '../rule/rule.js';

let catalog: Promise<Rule[]> | undefined;

/** A rule of the built-in catalog by id, to test it alone; throws when there is no such rule. */
export async function catalogRule(id: string): Promise<Rule> {
  catalog ??= loadCatalog();
  const rule = (await catalog).find((candidate) => candidate.id === id);
  if (!rule) throw new Error(`the built-in catalog has no rule ${id}`);
  return rule;
}
