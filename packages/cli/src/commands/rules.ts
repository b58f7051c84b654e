import type { Rule } from '@bundle-triage/rules';
import { loadRuleSet, loadUsableRuleSet, problemLocation } from '../analysis/load-rule-set.js';
import { COMMON_OPTIONS, parseCommandLine } from '../args/parse-command-line.js';
import { CliError, UsageError } from '../errors/cli-error.js';
import { ExitCode } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import { ruleDetails, ruleTable, summarizeRule } from '../rules/describe-rule.js';
import type { Command } from './command.js';

const HELP = `Usage: bundle-triage rules <list|show|validate> [options]

  rules list [--json] [--rules DIR]…      the rules that analyze runs (built-in, plus DIR's)
  rules show <id> [--json] [--rules DIR]… one rule: what it proves, versions, fix, references
                                          (<id> may be a signature such as S01)
  rules validate <dir>                    check the rules in <dir> against the rule schema; each
                                          problem is printed as file#pointer: message

Options:
      --json            machine-readable output (list, show)
      --rules <DIR>     include the rules in DIR (repeatable)
  -h, --help            this help

Exit codes:
  0  done (validate: every rule is valid)
  2  usage, an unknown rule id, or (validate) at least one rule is invalid
  1  internal error`;

const RULES_OPTIONS = { ...COMMON_OPTIONS, json: { type: 'boolean' }, rules: { type: 'string', multiple: true } } as const;

export const rulesCommand: Command = {
  name: 'rules',
  summary: 'list, show and validate rules (for rule authors)',
  help: HELP,
  async run(args, io) {
    const { values, positionals } = parseCommandLine('rules', args, RULES_OPTIONS);
    const [action, ...operands] = positionals;
    if (values.help || action === undefined) {
      if (!values.help) throw new UsageError(undefined, 'say list, show or validate', 'rules');
      io.stdout.write(`${HELP}\n`);
      return ExitCode.ok;
    }
    const ruleDirectories = values.rules ?? [];
    switch (action) {
      case 'list':
        expectOperands(operands, 0, 'rules list');
        return listRules(await loadUsableRuleSet(ruleDirectories), values.json ?? false, io);
      case 'show':
        expectOperands(operands, 1, 'rules show <id>');
        return showRule(await loadUsableRuleSet(ruleDirectories), operands[0]!, values.json ?? false, io);
      case 'validate':
        expectOperands(operands, 1, 'rules validate <dir>');
        return validateRules(operands[0]!, io);
      default:
        throw new UsageError(action, 'not a rules action; say list, show or validate', 'rules');
    }
  },
};

function expectOperands(operands: readonly string[], count: number, usage: string): void {
  if (operands.length !== count) throw new UsageError(undefined, `bundle-triage ${usage}`, 'rules');
}

function listRules(rules: readonly Rule[], json: boolean, io: CliIo): ExitCode {
  io.stdout.write(json ? `${JSON.stringify(rules.map(summarizeRule), null, 2)}\n` : ruleTable(rules, io.isTTY.stdout ? io.columns : undefined));
  return ExitCode.ok;
}

function showRule(rules: readonly Rule[], id: string, json: boolean, io: CliIo): ExitCode {
  const rule = rules.find((candidate) => candidate.id === id) ?? rules.find((candidate) => candidate.signature?.toUpperCase() === id.toUpperCase());
  if (!rule) throw new CliError('unknown rule', id, 'no rule has this id or signature (see bundle-triage rules list)');
  // Code rules carry a function; JSON shows their description only.
  io.stdout.write(json ? `${JSON.stringify(rule, (_key, value: unknown) => (typeof value === 'function' ? undefined : value), 2)}\n` : ruleDetails(rule));
  return ExitCode.ok;
}

async function validateRules(directory: string, io: CliIo): Promise<ExitCode> {
  const { siteRules, problems } = await loadRuleSet([directory]);
  for (const problem of problems) io.stdout.write(`${problemLocation(problem)}: ${problem.message}\n`);
  if (problems.length === 0) {
    io.stdout.write(`${siteRules.length} ${siteRules.length === 1 ? 'rule' : 'rules'} in ${directory}: valid\n`);
    return ExitCode.ok;
  }
  const files = new Set(problems.map((problem) => problem.file)).size;
  io.stderr.write(`bundle-triage: invalid rules: ${directory}: ${problems.length} ${problems.length === 1 ? 'problem' : 'problems'} in ${files} ${files === 1 ? 'file' : 'files'}\n`);
  return ExitCode.usage;
}

