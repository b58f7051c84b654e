import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { loadCatalog, loadRuleDirectory, type Rule, type RuleProblem } from '@bundle-triage/rules';
import { CliError } from '../errors/cli-error.js';
import { errnoReason, isErrnoError } from '../errors/errno-reason.js';

export interface RuleSet {
  /** The catalog and the site rules that loaded. */
  rules: Rule[];
  /** Only the rules of the `--rules` folders. */
  siteRules: Rule[];
  /** Rules that were refused, with file and pointer. */
  problems: RuleProblem[];
}

/**
 * The built-in catalog plus the rules of each `--rules` folder. A site rule may not reuse a
 * built-in id: which one ran would be a surprise.
 */
export async function loadRuleSet(ruleDirectories: readonly string[]): Promise<RuleSet> {
  const rules: Rule[] = await loadCatalog();
  const siteRules: Rule[] = [];
  const problems: RuleProblem[] = [];
  for (const directory of ruleDirectories) {
    const loaded = await loadRuleFolder(directory);
    problems.push(...loaded.problems);
    for (const rule of loaded.rules) {
      const clash = rules.find((known) => known.id === rule.id);
      if (clash && sameFile(clash, rule)) {
        siteRules.push(rule);
      } else if (clash) {
        problems.push({ file: rule.source ?? directory, pointer: '/id', message: `id "${rule.id}" is already used by ${(clash.kind === 'declarative' && clash.source) || 'a built-in rule'}` });
      } else {
        rules.push(rule);
        siteRules.push(rule);
      }
    }
  }
  return { rules, siteRules, problems };
}

/** `rules validate` of the catalog folder itself loads each built-in rule twice. */
function sameFile(a: Rule, b: Rule): boolean {
  return a.kind === 'declarative' && b.kind === 'declarative' && a.source !== undefined && b.source !== undefined && resolve(a.source) === resolve(b.source);
}

/** Like loadRuleSet, for commands that run rules: a refused rule stops the run before any bundle is read. */
export async function loadUsableRuleSet(ruleDirectories: readonly string[]): Promise<Rule[]> {
  const { rules, problems } = await loadRuleSet(ruleDirectories);
  const [first] = problems;
  if (first) {
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
    throw new CliError('invalid rule', problemLocation(first), `${first.message}${more}; run bundle-triage rules validate to see all`);
  }
  return rules;
}

/** `rules/site.yaml#/outcomes/0/status`: the file, and the JSON pointer inside it. */
export function problemLocation(problem: RuleProblem): string {
  return problem.pointer && problem.pointer !== '/' ? `${problem.file}#${problem.pointer}` : problem.file;
}

async function loadRuleFolder(directory: string) {
  const stats = await stat(directory).catch((error: unknown) => {
    throw new CliError('cannot read rules', directory, isErrnoError(error) ? errnoReason(error) : String(error));
  });
  if (!stats.isDirectory()) throw new CliError('cannot read rules', directory, 'not a folder (--rules takes a folder of .yaml rules)');
  return loadRuleDirectory(directory);
}
