import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { load as loadYaml, JSON_SCHEMA, YAMLException } from 'js-yaml';
import type { LoadedDeclarativeRule } from './rule.js';
import type { DeclarativeRule } from './rule-types.js';
import { validateRule, type RuleProblem } from './validate-rule.js';

export interface RuleLoadResult {
  rules: LoadedDeclarativeRule[];
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

/**
 * Loads every `*.yaml`/`*.yml` rule under a folder (recursively, sorted by path). A broken rule
 * is reported with its file and pointer and the rest load; two rules with one id are both
 * refused, since which one wins would be an accident of file order.
 */
export async function loadRuleDirectory(directory: string): Promise<RuleLoadResult> {
  const files = (await listRuleFiles(directory)).sort();
  const rules: LoadedDeclarativeRule[] = [];
  const problems: RuleProblem[] = [];
  for (const file of files) {
    const display = relative(process.cwd(), file) || file;
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
  const byId = new Map<string, LoadedDeclarativeRule[]>();
  for (const rule of rules) byId.set(rule.id, [...(byId.get(rule.id) ?? []), rule]);
  const duplicated = new Set<string>();
  for (const [id, sameId] of byId) {
    if (sameId.length < 2) continue;
    duplicated.add(id);
    for (const rule of sameId) {
      problems.push({ file: rule.source ?? '', pointer: '/id', message: `id "${id}" is also used by ${sameId.filter((other) => other !== rule).map((other) => other.source).join(', ')}` });
    }
  }
  return { rules: rules.filter((rule) => !duplicated.has(rule.id)), problems };
}

async function listRuleFiles(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) files.push(...(await listRuleFiles(path)));
    else if (entry.isFile() && /\.ya?ml$/.test(entry.name)) files.push(path);
  }
  return files;
}
