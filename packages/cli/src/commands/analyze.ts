import { renderReport, type ReportFormat } from '@bundle-triage/report';
import { analyseInputs } from '../analysis/analyse-inputs.js';
import { loadUsableRuleSet } from '../analysis/load-rule-set.js';
import { resolveSelectors } from '../analysis/resolve-selectors.js';
import { parseAnalyzeOptions } from '../args/analyze-options.js';
import { reportReachesThreshold } from '../args/fail-threshold.js';
import { ALL_REPORT_FORMATS, defaultReportFormat, FORMAT_EXTENSION } from '../args/report-format.js';
import { UsageError } from '../errors/cli-error.js';
import { EXIT_CODE_HELP, ExitCode, worseExit } from '../exit-codes.js';
import { bundleBaseName } from '../input/bundle-input.js';
import type { CliIo } from '../io.js';
import { renderOptions } from '../output/render-options.js';
import { makeReportFolder, ReportFileNames, resolveDestination, writeTextFile } from '../output/report-destination.js';
import type { Command } from './command.js';

const HELP = `Usage: bundle-triage analyze <bundle>… [options]

Finds known Harvester failure signatures in support bundles and reports each with its evidence
(path:line) and fix. <bundle> is a .zip, a .tar.gz or an extracted folder; "-" reads a .zip or
.tar.gz from stdin.

Options:
  -f, --format <name>   text, md, html, json, sarif or junit (default: text on a terminal,
                        json otherwise; with --out FILE, the format its extension names:
                        .txt .md .html .json .sarif .xml; another extension needs --format)
  -o, --out <FILE|DIR>  write the report to FILE (its folder must exist), or <bundle>.<ext>
                        into DIR (a folder that exists, or a path ending in / that is made);
                        several bundles need a DIR
      --rules <DIR>     also run the rules in DIR (repeatable)
      --only <ID|TAG,…> run only these rules (ids, tags, components or signatures like S01)
      --skip <ID|TAG,…> do not run these rules
      --include-pass    list the rules that passed too (junit always has them)
      --fail-on <level> fail (default) or warn: the lowest finding that makes the exit code 3
      --no-redact       show secrets in evidence as they are in the bundle
      --no-patterns     do not mine log templates (only the logs rules search are read)
      --no-timeline     no timeline, and no window of it under each finding
  -q, --quiet           nothing on stderr but errors
      --verbose         list skipped rules, rule errors and diagnostics (text); stack
                        traces for internal errors
  -h, --help            this help

Several bundles on stdout: text and md reports follow each other, json is an array;
html, sarif and junit need --out DIR.
Progress is shown on stderr only when it is a terminal and the run takes more than a moment.

${EXIT_CODE_HELP}`;

/** Formats that several reports can share on stdout. */
const CONCATENABLE: readonly ReportFormat[] = ['text', 'markdown', 'json'];

export const analyzeCommand: Command = {
  name: 'analyze',
  summary: 'find failure signatures in bundles and report them with evidence and fixes',
  help: HELP,
  async run(args, io) {
    const options = parseAnalyzeOptions(args);
    if (options.help) {
      io.stdout.write(`${HELP}\n`);
      return ExitCode.ok;
    }
    const destination = await resolveDestination(options.out, options.inputs.length, 'analyze');
    const format = options.format ?? defaultReportFormat(io.isTTY.stdout, destination.kind === 'file' ? destination.path : undefined, ALL_REPORT_FORMATS, 'analyze');
    if (destination.kind === 'stdout' && options.inputs.length > 1 && !CONCATENABLE.includes(format)) {
      throw new UsageError('--format', `${format} reports of several bundles cannot share stdout; use --out DIR/`, 'analyze');
    }
    const rules = await loadUsableRuleSet(options.ruleDirectories);
    const selectors = resolveSelectors(rules, options.only, options.skip);

    // JUnit has one test case per rule that ran, so its report must hold the passes; the other
    // formats show them only when asked.
    const includePass = options.includePass || format === 'junit';
    const { analysed, exitCode } = await analyseInputs(
      options.inputs,
      { rules, only: selectors.only, skip: selectors.skip, includePass, sections: { patterns: options.patterns, timeline: options.timeline } },
      io,
      options,
    );
    const render = renderOptions(io, destination, options);
    const rendered = analysed.map(({ input, report }) => ({ input, text: renderReport(report, format, render) }));

    if (destination.kind === 'stdout') {
      io.stdout.write(joinForStdout(rendered.map((entry) => entry.text), format, options.inputs.length > 1));
    } else if (destination.kind === 'file') {
      for (const { text } of rendered) await writeTextFile(destination.path, text);
    } else if (rendered.length > 0) {
      await makeReportFolder(destination.path);
      const names = new ReportFileNames(destination.path);
      for (const { input, text } of rendered) await writeTextFile(names.next(bundleBaseName(input), FORMAT_EXTENSION[format]), text);
    }

    const reached = analysed.some(({ report }) => reportReachesThreshold(report, options.failOn));
    return worseExit(exitCode, reached ? ExitCode.findings : ExitCode.ok);
  },
};

/** One report as rendered; several: a JSON array, or text/Markdown one after the other. */
function joinForStdout(texts: string[], format: ReportFormat, several: boolean): string {
  const withNewline = (text: string) => (text.endsWith('\n') ? text : `${text}\n`);
  if (!several) return texts.map(withNewline).join('');
  if (format === 'json') return `${JSON.stringify(texts.map((text) => JSON.parse(text) as unknown), null, 2)}\n`;
  return texts.map(withNewline).join('\n');
}
