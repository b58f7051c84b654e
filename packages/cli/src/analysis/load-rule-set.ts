import { stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { loadCatalog, loadRuleDirectory, type Rule, type RuleLoadResult, type RuleProblem } from '@bundle-triage/rules';
import { CliError } from '../errors/cli-error.js';
import { errnoReason, isErrnoError } from '../errors/errno-reason.js';

export interface RuleSet {
  /** The catalog and the site rules that loaded. */
  rules: Rule[];
  /** Only the rules of the `--rules` folders. */
  siteRules: Rule[];
  /** Rules that were refused, with file and pointer, and the `--rules` folder they came from. */
  problems: FolderProblem[];
}

export type FolderProblem = RuleProblem & { directory: string };

/**
 * The built-in catalog plus the rules of each `--rules` folder. A site rule may not reuse a
 * built-in id: which one ran would be a surprise.
 */
export async function loadRuleSet(ruleDirectories: readonly string[]): Promise<RuleSet> {
  const rules: Rule[] = await loadCatalog();
  const siteRules: Rule[] = [];
  const problems: FolderProblem[] = [];
  for (const directory of ruleDirectories) {
    const loaded = await loadRuleFolder(directory);
    problems.push(...loaded.problems.map((problem) => ({ ...problem, directory })));
    for (const rule of loaded.rules) {
      const clash = rules.find((known) => known.id === rule.id);
      if (clash && sameFile(clash, rule)) {
        siteRules.push(rule);
      } else if (clash) {
        problems.push({ directory, file: rule.source ?? directory, pointer: '/id', message: `id "${rule.id}" is already used by ${(clash.kind === 'declarative' && clash.source) || 'a built-in rule'}` });
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
    throw new CliError('invalid rule', problemLocation(first), `${first.message}${more}; run bundle-triage rules validate ${shellWord(first.directory)} to see all`);
  }
  return rules;
}

/** `rules/site.yaml#/outcomes/0/status`: the file, and the JSON pointer inside it. */
export function problemLocation(problem: RuleProblem): string {
  return problem.pointer && problem.pointer !== '/' ? `${problem.file}#${problem.pointer}` : problem.file;
}

async function loadRuleFolder(directory: string): Promise<RuleLoadResult> {
  const stats = await stat(directory).catch((error: unknown) => {
    throw new CliError('cannot read rules', directory, isErrnoError(error) ? errnoReason(error) : String(error));
  });
  if (!stats.isDirectory()) throw new CliError('cannot read rules', directory, 'not a folder (--rules takes a folder of .yaml rules)');
  return withPathsAsGiven(await loadRuleDirectory(directory), directory);
}

/**
 * The rules package names files relative to the working folder, so `/srv/rules` came back as
 * `../../srv/rules/a.yaml`. Messages name them under the folder as the user wrote it: a relative
 * folder stays relative, an absolute one absolute.
 */
export function withPathsAsGiven(loaded: RuleLoadResult, directory: string, cwd = process.cwd()): RuleLoadResult {
  const asGiven = new Map<string, string>();
  const rename = (file: string): string => {
    const inside = relative(resolve(cwd, directory), resolve(cwd, file));
    if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return file;
    const renamed = `${directory.replace(/[\\/]+$/, '')}${sep}${inside}`;
    asGiven.set(file, renamed);
    return renamed;
  };
  const rules = loaded.rules.map((rule) => (rule.source === undefined ? rule : { ...rule, source: rename(rule.source) }));
  const files = loaded.problems.map((problem) => rename(problem.file));
  // "id x is also used by <file>, <file>": the other files, longest first so none is cut by a shorter one.
  const renames = [...asGiven].sort(([a], [b]) => b.length - a.length);
  const renameIn = (message: string) => renames.reduce((text, [from, to]) => text.split(from).join(to), message);
  const problems = loaded.problems.map((problem, index) => ({ ...problem, file: files[index]!, message: renameIn(problem.message) }));
  return { rules, problems };
}

/** A folder as it can be pasted into a shell. */
function shellWord(text: string): string {
  return /^[\w./:@%+=,-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}
