import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { load as loadYaml, JSON_SCHEMA, YAMLException } from 'js-yaml';
import type { CodeRule, LoadedDeclarativeRule, Rule } from './rule.js';
import type { DeclarativeRule } from './rule-types.js';
import { validateRule, type RuleProblem } from './validate-rule.js';

export interface RuleLoadResult {
  rules: LoadedDeclarativeRule[];
  /** The code rules (`rule.ts`/`rule.js`), with `code: true`. */
  codeRules?: CodeRule[];
  /** Rules that were refused, with file, pointer and message; the others still load. */
  problems: RuleProblem[];
}

/** Parses and validates one rule from YAML (or JSON) text. */
export function parseRule(text: string, file: string): { rule?: LoadedDeclarativeRule; problems: RuleProblem[] } {
  let data: unknown;
  try {
    data = loadYaml(text, { schema: JSON_SCHEMA, filename: file });
  } catch (error) {
    const line = error instanceof YAMLException && error.mark ? ` (line ${error.mark.line + 1})` : '';
    return { problems: [{ file, pointer: '/', message: `not valid YAML${line}: ${error instanceof YAMLException ? error.reason : String(error)}` }] };
  }
  const problems = validateRule(data, file);
  if (problems.length > 0) return { problems };
  return { rule: { ...(data as DeclarativeRule), kind: 'declarative', source: file }, problems: [] };
}

export interface RuleDirectoryOptions {
  /**
   * Also load code rules: every `rule.js`, `rule.mjs` or `rule.ts` whose default export is a
   * `defineCodeRule(…)`. This runs the folder's code, so it is for your own rules; a `rule.ts`
   * needs a TypeScript-aware runtime (tsx, vitest) or compiling to `rule.js` first.
   */
  code?: boolean;
}

/**
 * Loads every `*.yaml`/`*.yml` rule under a folder (recursively, sorted by path; one rule per
 * folder, `<component>/<rule-id>/rule.yaml`, as the catalog lays them out, or flat files), and with
 * `code: true` the code rules (`rule.ts`/`rule.js`) too. A broken rule is reported with its file and
 * pointer and the rest load; two rules with one id are both refused, since which one wins would be
 * an accident of file order.
 */
export async function loadRuleDirectory(directory: string, options: RuleDirectoryOptions = {}): Promise<RuleLoadResult> {
  const files = (await listRuleFiles(directory, options.code ?? false)).sort();
  const rules: Rule[] = [];
  const problems: RuleProblem[] = [];
  for (const file of files) {
    const display = relative(process.cwd(), file) || file;
    if (!/\.ya?ml$/.test(file)) {
      const loaded = await loadCodeRule(file, display);
      if ('rule' in loaded) rules.push(loaded.rule);
      else problems.push(loaded.problem);
      continue;
    }
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      problems.push({ file: display, pointer: '/', message: `cannot read: ${error instanceof Error ? error.message : String(error)}` });
      continue;
    }
    const parsed = parseRule(text, display);
    problems.push(...parsed.problems);
    if (parsed.rule) rules.push(parsed.rule);
  }
  const byId = new Map<string, Rule[]>();
  for (const rule of rules) byId.set(rule.id, [...(byId.get(rule.id) ?? []), rule]);
  const duplicated = new Set<string>();
  const where = (rule: Rule) => (rule.kind === 'declarative' ? rule.source : rule.id);
  for (const [id, sameId] of byId) {
    if (sameId.length < 2) continue;
    duplicated.add(id);
    for (const rule of sameId) {
      problems.push({ file: where(rule) ?? '', pointer: '/id', message: `id "${id}" is also used by ${sameId.filter((other) => other !== rule).map(where).join(', ')}` });
    }
  }
  const kept = rules.filter((rule) => !duplicated.has(rule.id));
  return {
    rules: kept.filter((rule): rule is LoadedDeclarativeRule => rule.kind === 'declarative'),
    codeRules: kept.filter((rule): rule is CodeRule => rule.kind === 'code'),
    problems,
  };
}

async function loadCodeRule(file: string, display: string): Promise<{ rule: CodeRule } | { problem: RuleProblem }> {
  try {
    const module = (await import(pathToFileURL(file).href)) as { default?: Partial<CodeRule> };
    const rule = module.default;
    if (rule?.kind !== 'code' || typeof rule.evaluate !== 'function') {
      return { problem: { file: display, pointer: '/', message: 'the default export is not a code rule: export default defineCodeRule({ … })' } };
    }
    return { rule: rule as CodeRule };
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    const hint = file.endsWith('.ts') ? ' (a rule.ts needs a TypeScript-aware runtime such as tsx, or compile it to rule.js)' : '';
    return { problem: { file: display, pointer: '/', message: `cannot load: ${reason}${hint}` } };
  }
}

async function listRuleFiles(directory: string, code: boolean): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) files.push(...(await listRuleFiles(path, code)));
    else if (entry.isFile() && (/\.ya?ml$/.test(entry.name) || (code && /^rule\.(js|mjs|ts)$/.test(entry.name)))) files.push(path);
  }
  return files;
}
