/**
 * Compiles a catalog folder into one TypeScript module: the declarative rules parsed and validated
 * (as data), and an import of every code rule. The published package cannot glob `.ts` files at
 * run time, and reading and validating 60 YAML files at every start is wasted work, so the build
 * (and the test setup) runs this and `loadCatalog()` only imports the result. Build-time only: not
 * part of the public API.
 */
import { readFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseRule } from '../rule/load-rules.js';
import type { CodeRule } from '../rule/rule.js';
import type { RuleProblem } from '../rule/validate-rule.js';
import { discoverRuleFolders, type RuleFolder } from './discover-rule-folders.js';

export interface CompiledCatalog {
  /** The module's source text; empty when there are problems. */
  source: string;
  folders: RuleFolder[];
  problems: RuleProblem[];
}

/**
 * `catalogRoot`: the folder of `<component>/<rule-id>/` folders. `moduleFile`: where the module
 * will be written (its imports of code rules are relative to it).
 */
export async function compileCatalogModule(catalogRoot: string, moduleFile: string): Promise<CompiledCatalog> {
  const { folders, problems } = discoverRuleFolders(catalogRoot);
  const entries: string[] = [];
  const imports: string[] = [];
  for (const folder of folders) {
    const report = (message: string, pointer = '/') => problems.push({ file: `${folder.folder}/${folder.file}`, pointer, message });
    if (folder.file === 'rule.yaml') {
      const parsed = parseRule(readFileSync(folder.path, 'utf8'), `${folder.folder}/rule.yaml`);
      problems.push(...parsed.problems);
      if (!parsed.rule) continue;
      const { kind: _kind, source: _source, ...data } = parsed.rule;
      if (data.id !== folder.id) report(`the rule's id "${data.id}" is not its folder's name "${folder.id}"`, '/id');
      if (data.component !== folder.component) report(`the rule's component "${data.component}" is not its folder's component "${folder.component}"`, '/component');
      entries.push(`  { folder: ${JSON.stringify(folder.folder)}, kind: 'declarative', rule: ${JSON.stringify(data)} },`);
      continue;
    }
    const module = (await import(pathToFileURL(folder.path).href)) as { default?: CodeRule };
    const rule = module.default;
    if (!rule || rule.kind !== 'code' || typeof rule.evaluate !== 'function') {
      report('rule.ts must export default defineCodeRule({ … })');
      continue;
    }
    if (rule.id !== folder.id) report(`the rule's id "${rule.id}" is not its folder's name "${folder.id}"`, '/id');
    if (rule.component !== folder.component) report(`the rule's component "${rule.component}" is not its folder's component "${folder.component}"`, '/component');
    const name = `codeRule${imports.length}`;
    let specifier = relative(dirname(moduleFile), folder.path).split('\\').join('/').replace(/\.ts$/, '.js');
    if (!specifier.startsWith('.')) specifier = `./${specifier}`;
    imports.push(`import ${name} from ${JSON.stringify(specifier)};`);
    entries.push(`  { folder: ${JSON.stringify(folder.folder)}, kind: 'code', rule: ${name} },`);
  }
  const ids = new Map<string, string>();
  for (const folder of folders) {
    const other = ids.get(folder.id);
    if (other) problems.push({ file: folder.folder, pointer: '/id', message: `id "${folder.id}" is also used by ${other}` });
    ids.set(folder.id, folder.folder);
  }
  if (problems.length > 0) return { source: '', folders, problems };
  const source = [
    '// Generated from the rule folders by @bundle-triage/rules (src/catalog/catalog-module.ts) at build and',
    '// test time; not committed. Add a rule by adding its folder, never by editing this file.',
    "import type { BuiltInRule } from './built-in-rule.js';",
    ...imports,
    '',
    'export const BUILT_IN_RULES: readonly BuiltInRule[] = [',
    ...entries,
    '];',
    '',
  ].join('\n');
  return { source, folders, problems };
}
