// Shared by the catalog's rule tests: load one built-in rule by id, and build bundles on the
// generator's realistic healthy cluster.
import { loadCatalog } from '../../src/catalog/load-catalog.js';
import type { Rule } from '../../src/rule/rule.js';

export { healthyCluster } from '../../../../testdata/generator/index.js';
export { BundleBuilder, runRule } from '../../src/testing/index.js';

let catalog: Promise<Rule[]> | undefined;

/** A built-in rule by id; throws when the catalog has no such rule. */
export async function catalogRule(id: string): Promise<Rule> {
  catalog ??= loadCatalog();
  const rule = (await catalog).find((candidate) => candidate.id === id);
  if (!rule) throw new Error(`the catalog has no rule ${id}`);
  return rule;
}
