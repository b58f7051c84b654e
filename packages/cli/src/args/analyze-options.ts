import type { ReportFormat } from '@bundle-triage/report';
import { UsageError } from '../errors/cli-error.js';
import { bundleInput, type BundleInput } from '../input/bundle-input.js';
import { parseFailThreshold, type FailThreshold } from './fail-threshold.js';
import { COMMON_OPTIONS, OUTPUT_OPTIONS, parseCommandLine, RULE_OPTIONS } from './parse-command-line.js';
import { ALL_REPORT_FORMATS, parseReportFormat } from './report-format.js';
import { ruleSelectors } from './rule-selectors.js';

export interface AnalyzeOptions {
  help: boolean;
  inputs: BundleInput[];
  /** Undefined: chosen from the terminal and `--out` (see defaultReportFormat). */
  format: ReportFormat | undefined;
  out: string | undefined;
  ruleDirectories: string[];
  only: string[];
  skip: string[];
  includePass: boolean;
  failOn: FailThreshold;
  redact: boolean;
  /** Mine log templates (`--no-patterns`: only the logs rules search are read). */
  patterns: boolean;
  /** Build the timeline and each finding's window (`--no-timeline`). */
  timeline: boolean;
  quiet: boolean;
  verbose: boolean;
}

export const ANALYZE_OPTION_SPECS = {
  ...COMMON_OPTIONS,
  ...OUTPUT_OPTIONS,
  ...RULE_OPTIONS,
  'include-pass': { type: 'boolean' },
  'fail-on': { type: 'string' },
  'no-redact': { type: 'boolean' },
  'no-patterns': { type: 'boolean' },
  'no-timeline': { type: 'boolean' },
} as const;

export function parseAnalyzeOptions(args: readonly string[]): AnalyzeOptions {
  const { values, positionals } = parseCommandLine('analyze', args, ANALYZE_OPTION_SPECS);
  const help = values.help ?? false;
  if (!help && positionals.length === 0) throw new UsageError(undefined, 'no bundle given', 'analyze');
  if (positionals.filter((positional) => positional === '-').length > 1) {
    throw new UsageError('-', 'stdin can be read once; give "-" only once', 'analyze');
  }
  return {
    help,
    inputs: positionals.map(bundleInput),
    format: values.format === undefined ? undefined : parseReportFormat(values.format, 'analyze', ALL_REPORT_FORMATS),
    out: values.out,
    ruleDirectories: values.rules ?? [],
    only: ruleSelectors(values.only),
    skip: ruleSelectors(values.skip),
    includePass: values['include-pass'] ?? false,
    failOn: parseFailThreshold(values['fail-on'], 'analyze'),
    redact: !(values['no-redact'] ?? false),
    patterns: !(values['no-patterns'] ?? false),
    timeline: !(values['no-timeline'] ?? false),
    quiet: values.quiet ?? false,
    verbose: values.verbose ?? false,
  };
}
