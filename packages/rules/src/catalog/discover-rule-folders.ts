import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { RuleProblem } from '../rule/validate-rule.js';

/** One rule of a catalog laid out as `<root>/<component>/<rule-id>/`. */
export interface RuleFolder {
  /** `<component>/<rule-id>`, `/`-separated. */
  folder: string;
  component: string;
  /** The folder's name, which is the rule's id. */
  id: string;
  /** `rule.yaml` for a declarative rule, `rule.ts` for a code rule. */
  file: 'rule.yaml' | 'rule.ts';
  /** Absolute path of that file. */
  path: string;
}

/**
 * Finds the rules of a catalog folder: every `<component>/<rule-id>/` holding a `rule.yaml` or a
 * `rule.ts` is one rule, and nothing else is needed to add one (no list to extend). The same
 * code discovers the built-in catalog when it is compiled into the package and any folder a test
 * lays out. A folder with both files, or with neither, is a problem, not a silent skip.
 */
export function discoverRuleFolders(root: string): { folders: RuleFolder[]; problems: RuleProblem[] } {
  const folders: RuleFolder[] = [];
  const problems: RuleProblem[] = [];
  for (const component of subfolders(root)) {
    for (const id of subfolders(join(root, component))) {
      const directory = join(root, component, id);
      const present = (['rule.yaml', 'rule.ts'] as const).filter((file) => existsSync(join(directory, file)));
      const folder = `${component}/${id}`;
      if (present.length !== 1) {
        problems.push({
          file: folder,
          pointer: '/',
          message: present.length === 0 ? 'a rule folder needs a rule.yaml (declarative rule) or a rule.ts (code rule)' : 'a rule folder holds one rule: rule.yaml or rule.ts, not both',
        });
        continue;
      }
      folders.push({ folder, component, id, file: present[0]!, path: join(directory, present[0]!) });
    }
  }
  return { folders, problems };
}

function subfolders(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.') && entry.name !== 'node_modules')
    .map((entry) => entry.name)
    .sort();
}
