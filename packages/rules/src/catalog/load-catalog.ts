import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadRuleDirectory } from '../rule/load-rules.js';
import type { Rule } from '../rule/rule.js';
import { CODE_RULES } from './code-rules.js';

/**
 * The built-in Harvester catalog: the declarative rules under `catalog/` in this package plus the
 * code rules. A broken built-in rule is a bug of ours, so it throws instead of being skipped.
 */
export async function loadCatalog(): Promise<Rule[]> {
  const { rules, problems } = await loadRuleDirectory(catalogDirectory());
  if (problems.length > 0) {
    throw new Error(`built-in catalog is broken: ${problems.map((problem) => `${problem.file} ${problem.pointer}: ${problem.message}`).join('; ')}`);
  }
  const all: Rule[] = [...rules, ...CODE_RULES];
  return all.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Where the catalog's rule files are: `<package>/catalog`, from src/ (tests) or dist/ (built). */
export function catalogDirectory(): string {
  let directory = dirname(fileURLToPath(import.meta.url));
  for (let depth = 0; depth < 6; depth += 1) {
    const manifest = join(directory, 'package.json');
    if (existsSync(manifest) && existsSync(join(directory, 'catalog'))) {
      const name = (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name;
      if (name === '@bundle-triage/rules') return join(directory, 'catalog');
    }
    directory = dirname(directory);
  }
  throw new Error('cannot find the catalog/ folder of @bundle-triage/rules');
}
