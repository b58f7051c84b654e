import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Rule } from '../rule/rule.js';
import { BUILT_IN_RULES } from './built-in-rules.generated.js';

/**
 * The built-in Harvester catalog: every rule folder under `catalog/<component>/<rule-id>/`,
 * compiled into the package when it is built (declarative rules already parsed and validated),
 * so nothing is read from disk here. Each call returns fresh objects.
 */
export async function loadCatalog(): Promise<Rule[]> {
  const rules: Rule[] = BUILT_IN_RULES.map((entry) =>
    entry.kind === 'code' ? entry.rule : { ...structuredClone(entry.rule), kind: 'declarative' as const, source: ruleSource(entry.folder) },
  );
  return rules.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** `catalog/<component>/<id>/rule.yaml`, relative to the working folder when the package's catalog/ is on disk. */
function ruleSource(folder: string): string {
  const base = catalogDirectoryOrUndefined();
  return base ? relative(process.cwd(), join(base, folder, 'rule.yaml')) : `catalog/${folder}/rule.yaml`;
}

let directory: string | null | undefined;

function catalogDirectoryOrUndefined(): string | undefined {
  if (directory === undefined) {
    try {
      directory = catalogDirectory();
    } catch {
      directory = null;
    }
  }
  return directory ?? undefined;
}

/**
 * Where the catalog's rule folders are: `<package>/catalog`, from src/ (tests) or dist/ (built),
 * else — when this code was bundled into another package's build, the CLI's command — the
 * installed package that other package depends on.
 */
export function catalogDirectory(): string {
  const here = fileURLToPath(import.meta.url);
  let current = dirname(here);
  for (let depth = 0; depth < 6; depth += 1) {
    const manifest = join(current, 'package.json');
    if (existsSync(manifest) && existsSync(join(current, 'catalog'))) {
      const name = (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name;
      if (name === '@bundle-triage/rules') return join(current, 'catalog');
    }
    current = dirname(current);
  }
  try {
    const installed = dirname(createRequire(here).resolve('@bundle-triage/rules/package.json'));
    if (existsSync(join(installed, 'catalog'))) return join(installed, 'catalog');
  } catch {
    // not installed beside the bundle either
  }
  throw new Error('cannot find the catalog/ folder of @bundle-triage/rules');
}
