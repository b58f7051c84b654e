import { stat } from 'node:fs/promises';
import { loadCatalog, loadRuleDirectory, type LoadedDeclarativeRule, type RuleProblem } from '@bundle-triage/rules';
import { ServiceConfigError } from '../errors.js';

/**
 * The declarative rules of a site's `--rules` folders, loaded and validated once when the service
 * (or a worker) starts, as `bundle-triage analyze --rules` loads them: every `*.yaml` rule under
 * each folder, checked against the rule schema, and none reusing an id of the built-in catalog
 * (which one ran would be a surprise). A refused rule refuses the start, in one line naming the
 * first problem; nothing is analysed with half a rule set. Code rules are not loaded: a service
 * does not run code from a folder. The rules returned are plain data, handed to each analysis
 * thread as they are, so a folder changed after the start changes nothing until a restart.
 */
export async function loadSiteRules(directories: readonly string[]): Promise<LoadedDeclarativeRule[]> {
  if (directories.length === 0) return [];
  const known = new Map((await loadCatalog()).map((rule) => [rule.id, 'a built-in rule']));
  const rules: LoadedDeclarativeRule[] = [];
  const problems: (RuleProblem & { directory: string })[] = [];
  for (const directory of directories) {
    const info = await stat(directory).catch((error: NodeJS.ErrnoException) => {
      throw new ServiceConfigError(`--rules ${directory}: ${error.code === 'ENOENT' ? 'no such folder' : error.message}`, { cause: error });
    });
    if (!info.isDirectory()) throw new ServiceConfigError(`--rules ${directory}: not a folder (--rules takes a folder of .yaml rules)`);
    const loaded = await loadRuleDirectory(directory);
    problems.push(...loaded.problems.map((problem) => ({ ...problem, directory })));
    for (const rule of loaded.rules) {
      const owner = known.get(rule.id);
      if (owner) {
        problems.push({ directory, file: rule.source ?? directory, pointer: '/id', message: `id "${rule.id}" is already used by ${owner}` });
        continue;
      }
      known.set(rule.id, rule.source ?? directory);
      rules.push(rule);
    }
  }
  const [first] = problems;
  if (first) {
    const where = first.pointer && first.pointer !== '/' ? `${first.file}#${first.pointer}` : first.file;
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
    throw new ServiceConfigError(`invalid rule: ${where}: ${first.message}${more}; run bundle-triage rules validate ${first.directory} to see all`);
  }
  return rules;
}
