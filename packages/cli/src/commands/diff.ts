import { ONLY_FINDINGS } from '../analysis/analyse-bundle.js';
import { analyseInputs } from '../analysis/analyse-inputs.js';
import { loadUsableRuleSet } from '../analysis/load-rule-set.js';
import { resolveSelectors } from '../analysis/resolve-selectors.js';
import { parseFailThreshold, reachesThreshold } from '../args/fail-threshold.js';
import { COMMON_OPTIONS, OUTPUT_OPTIONS, parseCommandLine, RULE_OPTIONS } from '../args/parse-command-line.js';
import { defaultReportFormat, parseReportFormat } from '../args/report-format.js';
import { UsageError } from '../errors/cli-error.js';
import { ruleSelectors } from '../args/rule-selectors.js';
import { compareReports, renderDiff, type DiffFormat } from '@bundle-triage/report';
import { ExitCode, worseExit } from '../exit-codes.js';
import { bundleInput } from '../input/bundle-input.js';
import { resolveDestination, writeTextFile } from '../output/report-destination.js';
import type { Command } from './command.js';

const DIFF_FORMATS = ['text', 'markdown', 'json'] as const satisfies readonly DiffFormat[];

const HELP = `Usage: bundle-triage diff <old-bundle> <new-bundle> [options]

Findings that appeared, disappeared or stayed between two bundles of the same cluster: did the
fix work? Findings are matched by fingerprint (rule + the objects involved).

Options:
  -f, --format <name>   text, md or json (default: text on a terminal, json otherwise; with
                        --out FILE, the format its extension names: .txt .md .json)
  -o, --out <FILE>      write the diff to FILE (its folder must exist)
      --rules <DIR>     also run the rules in DIR (repeatable)
      --only <ID|TAG,…> compare only these rules
      --skip <ID|TAG,…> leave these rules out
      --fail-on <level> fail (default) or warn: exit 3 when the new bundle still has (or newly
                        has) a finding at or above it
  -q, --quiet           nothing on stderr but errors
      --verbose         stack traces for internal errors
  -h, --help            this help

Exit codes:
  0  nothing at or above --fail-on in the new bundle (the fix worked)
  3  a finding at or above --fail-on appeared or stayed
  2  unusable input or usage
  1  internal error`;

export const diffCommand: Command = {
  name: 'diff',
  summary: 'findings that appeared, disappeared or stayed between two bundles',
  help: HELP,
  async run(args, io) {
    const { values, positionals } = parseCommandLine('diff', args, {
      ...COMMON_OPTIONS,
      ...OUTPUT_OPTIONS,
      ...RULE_OPTIONS,
      'fail-on': { type: 'string' },
    });
    if (values.help) {
      io.stdout.write(`${HELP}\n`);
      return ExitCode.ok;
    }
    if (positionals.length !== 2) throw new UsageError(undefined, 'needs two bundles: the old one, then the new one', 'diff');
    if (positionals.every((positional) => positional === '-')) throw new UsageError('-', 'stdin can be read once; give "-" only once', 'diff');
    const failOn = parseFailThreshold(values['fail-on'], 'diff');
    const destination = await resolveDestination(values.out, 1, 'diff');
    if (destination.kind === 'directory') throw new UsageError('--out', 'diff writes one file; name a file, not a folder', 'diff');
    const format: DiffFormat = values.format
      ? parseReportFormat(values.format, 'diff', DIFF_FORMATS)
      : defaultReportFormat(io.isTTY.stdout, destination.kind === 'file' ? destination.path : undefined, DIFF_FORMATS, 'diff');
    const settings = { quiet: values.quiet ?? false, verbose: values.verbose ?? false };

    const rules = await loadUsableRuleSet(values.rules ?? []);
    const selectors = resolveSelectors(rules, ruleSelectors(values.only), ruleSelectors(values.skip));
    const { analysed, exitCode } = await analyseInputs(positionals.map(bundleInput), { rules, ...selectors, sections: ONLY_FINDINGS }, io, settings);
    const [before, after] = analysed;
    if (!before || !after) return exitCode;

    const signatures = new Map(rules.flatMap((rule) => (rule.signature ? [[rule.id, rule.signature] as const] : [])));
    const diff = compareReports(before.report, after.report, signatures);
    if (diff.sameCluster === false && !settings.quiet) {
      io.stderr.write(`bundle-triage: warning: ${diff.old.source} and ${diff.new.source} come from different clusters; the diff compares unrelated findings\n`);
    }
    const text = renderDiff(diff, format);
    if (destination.kind === 'file') await writeTextFile(destination.path, text);
    else io.stdout.write(text);
    const remaining = [...diff.appeared, ...diff.stayed].some((entry) => reachesThreshold(entry, failOn));
    return worseExit(exitCode, remaining ? ExitCode.findings : ExitCode.ok);
  },
};
