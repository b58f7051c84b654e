import { minePatterns, type PatternReport } from '@bundle-triage/core';
import { redactText } from '@bundle-triage/report';
import { COMMON_OPTIONS, parseCommandLine } from '../args/parse-command-line.js';
import { parsePositiveInteger } from '../args/positive-integer.js';
import { parseTextOrJson } from '../args/text-or-json.js';
import { UsageError } from '../errors/cli-error.js';
import { ExitCode } from '../exit-codes.js';
import { bundleInput } from '../input/bundle-input.js';
import { withBundleInput } from '../input/open-bundle-input.js';
import { renderPatterns } from '../output/render-patterns.js';
import { Progress } from '../progress.js';
import type { Command } from './command.js';

const DEFAULT_LIMIT = 20;

const HELP = `Usage: bundle-triage patterns <bundle> [options]

What the logs say that no rule may know yet: every log of the bundle (pod logs, their .log.1,
the node journals and kernel logs in the node bundles) read once, its warning and error lines
grouped into templates (variable parts such as names, IPs and numbers masked), ranked: loops
first (the same template at a steady interval over minutes: a controller requeuing), then by
count × recency × level. <bundle> is a .zip, a .tar.gz, an extracted folder, or "-" (stdin).

Options:
  -f, --format <name>   text or json (default: text on a terminal, json otherwise)
  -n, --limit <N>       the first N templates by rank (default ${DEFAULT_LIMIT})
      --all             every template
      --no-redact       show secrets in log lines as they are in the bundle
  -q, --quiet           nothing on stderr but errors
      --verbose         stack traces for internal errors
  -h, --help            this help

Each template has an id (a hash of its text: the same template in two bundles has the same id),
its count, first and last time (journal lines carry no year: it is taken from the bundle), the
logs it is in, and a sample line as path:line.

Exit codes:
  0  done (templates or none)
  2  unusable input or usage (one line on stderr)
  1  internal error`;

export const patternsCommand: Command = {
  name: 'patterns',
  summary: 'group the warning and error lines of every log into ranked templates (loops first)',
  help: HELP,
  async run(args, io) {
    const { values, positionals } = parseCommandLine('patterns', args, {
      ...COMMON_OPTIONS,
      format: { type: 'string', short: 'f' },
      limit: { type: 'string', short: 'n' },
      all: { type: 'boolean' },
      'no-redact': { type: 'boolean' },
    });
    if (values.help) {
      io.stdout.write(`${HELP}\n`);
      return ExitCode.ok;
    }
    if (positionals.length !== 1) throw new UsageError(undefined, positionals.length === 0 ? 'no bundle given' : 'takes one bundle', 'patterns');
    if (values.all && values.limit !== undefined) throw new UsageError('--all', 'give --all or --limit, not both', 'patterns');
    const format = parseTextOrJson(values.format, io.isTTY.stdout, 'patterns');
    const limit = values.all ? undefined : values.limit === undefined ? DEFAULT_LIMIT : parsePositiveInteger(values.limit, '--limit', 'patterns');

    const progress = Progress.forTerminal(io.stderr, io.isTTY.stderr, values.quiet ?? false);
    return withBundleInput(bundleInput(positionals[0]!), io, progress, values.verbose ?? false, async (bundle, name) => {
      const facts = await bundle.facts();
      const report = await minePatterns(bundle, {
        ...(io.signal ? { signal: io.signal } : {}),
        onProgress: (event) => progress.update(`${name}: logs ${event.filesDone}/${event.files} (${event.path})`),
      });
      progress.clear();
      const total = report.templates.length;
      const shown: PatternReport = { ...report, templates: limit === undefined ? report.templates : report.templates.slice(0, limit) };
      const view = { source: name, ...(facts.createdAt ? { createdAt: facts.createdAt } : {}), report: values['no-redact'] ? shown : redactPatterns(shown), total };
      io.stdout.write(renderPatterns(view, format));
      return ExitCode.ok;
    });
  },
};

/** Log lines are not scrubbed by the support bundle kit: mask what looks like a secret. */
function redactPatterns(report: PatternReport): PatternReport {
  const clean = (text: string) => redactText(text).text;
  return {
    ...report,
    templates: report.templates.map((template) => ({
      ...template,
      template: clean(template.template),
      sample: { ...template.sample, text: clean(template.sample.text) },
      mentions: template.mentions.map(clean),
    })),
  };
}
