import { renderReadiness, upgradeReadiness, UPGRADE_GATE_TAG, type ReportFormat } from '@bundle-triage/report';
import { ONLY_FINDINGS } from '../analysis/analyse-bundle.js';
import { analyseInputs } from '../analysis/analyse-inputs.js';
import { loadUsableRuleSet } from '../analysis/load-rule-set.js';
import { COMMON_OPTIONS, OUTPUT_OPTIONS, parseCommandLine } from '../args/parse-command-line.js';
import { defaultReportFormat, parseReportFormat } from '../args/report-format.js';
import { UsageError } from '../errors/cli-error.js';
import { ExitCode, worseExit } from '../exit-codes.js';
import { bundleInput } from '../input/bundle-input.js';
import { renderOptions } from '../output/render-options.js';
import { resolveDestination, writeTextFile } from '../output/report-destination.js';
import type { Command } from './command.js';

const READINESS_FORMATS = ['text', 'markdown', 'json'] as const satisfies readonly ReportFormat[];

const HELP = `Usage: bundle-triage readiness <bundle> [options]

The upgrade-readiness view: would a Harvester upgrade start now, every reason it would be
refused, and the fix for each. <bundle> is a .zip, a .tar.gz, an extracted folder, or "-" (stdin).

Options:
  -f, --format <name>   text, md or json (default: text on a terminal, json otherwise; with
                        --out FILE, the format its extension names: .txt .md .json)
  -o, --out <FILE>      write the view to FILE (its folder must exist)
      --rules <DIR>     also run the rules in DIR (repeatable)
      --no-redact       show secrets in evidence as they are in the bundle
  -q, --quiet           nothing on stderr but errors
      --verbose         also list the checks that do not apply to this Harvester version (by
                        default one line counts them); stack traces for internal errors
  -h, --help            this help

Exit codes:
  0  the upgrade would not be refused for any reason the bundle shows
  3  the upgrade would be refused (a failing ${UPGRADE_GATE_TAG} rule)
  2  unusable input or usage
  1  internal error`;

export const readinessCommand: Command = {
  name: 'readiness',
  summary: 'would an upgrade start now; every reason it would be refused, and the fix',
  help: HELP,
  async run(args, io) {
    const { values, positionals } = parseCommandLine('readiness', args, {
      ...COMMON_OPTIONS,
      ...OUTPUT_OPTIONS,
      rules: { type: 'string', multiple: true },
      'no-redact': { type: 'boolean' },
    });
    if (values.help) {
      io.stdout.write(`${HELP}\n`);
      return ExitCode.ok;
    }
    if (positionals.length !== 1) throw new UsageError(undefined, positionals.length === 0 ? 'no bundle given' : 'takes one bundle', 'readiness');
    const settings = { quiet: values.quiet ?? false, verbose: values.verbose ?? false };
    const destination = await resolveDestination(values.out, 1, 'readiness');
    if (destination.kind === 'directory') throw new UsageError('--out', 'readiness writes one file; name a file, not a folder', 'readiness');
    const format = values.format
      ? parseReportFormat(values.format, 'readiness', READINESS_FORMATS)
      : defaultReportFormat(io.isTTY.stdout, destination.kind === 'file' ? destination.path : undefined, READINESS_FORMATS, 'readiness');

    const rules = await loadUsableRuleSet(values.rules ?? []);
    const { analysed, exitCode } = await analyseInputs([bundleInput(positionals[0]!)], { rules, sections: ONLY_FINDINGS }, io, settings);
    const [result] = analysed;
    if (!result) return exitCode;

    const text = renderReadiness(result.report, format, renderOptions(io, destination, { redact: !values['no-redact'], verbose: settings.verbose }));
    if (destination.kind === 'file') await writeTextFile(destination.path, text);
    else io.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
    return worseExit(exitCode, upgradeReadiness(result.report).wouldBeRefused ? ExitCode.findings : ExitCode.ok);
  },
};

