import { availableParallelism } from 'node:os';
import { loadUsableRuleSet } from '../analysis/load-rule-set.js';
import { resolveSelectors } from '../analysis/resolve-selectors.js';
import { COMMON_OPTIONS, parseCommandLine, RULE_OPTIONS } from '../args/parse-command-line.js';
import { parsePositiveInteger } from '../args/positive-integer.js';
import { ruleSelectors } from '../args/rule-selectors.js';
import type { BatchLine } from '../batch/batch-line.js';
import { expandBatchInputs } from '../batch/expand-inputs.js';
import { fileLines, stdoutLines } from '../batch/line-sink.js';
import { RecurringTemplates } from '../batch/recurring-templates.js';
import { analyseInWorkers } from '../batch/worker-pool.js';
import { UsageError } from '../errors/cli-error.js';
import { ExitCode } from '../exit-codes.js';
import { Progress } from '../progress.js';
import type { Command } from './command.js';

const HELP = `Usage: bundle-triage batch <dir|glob>… [options]

Analyses many bundles in parallel worker threads and writes one JSON line per bundle, as each
finishes: {"path", "headline", "headlineMessage", "harvesterVersion", "fail": [ids],
"warn": [ids], "fingerprints": [...], "durationMs", "error"?, "errorCode"?}.
A bundle that cannot be read is one line with "error"; the batch goes on.
<dir> is a folder of .zip, .tar.gz and extracted bundles (a folder in it is taken only when it
holds metadata.yaml or yamls/, or one supportbundle_* folder that does; other folders, such as
screenshots/, are skipped); quote a glob ('tickets/**/*.zip') or let the shell expand it.

Options:
  -j, --jobs <N>        worker threads (default: the number of CPUs)
  -o, --out <FILE>      write the lines to FILE (results.jsonl; its folder must exist)
                        instead of stdout
      --rules <DIR>     also run the rules in DIR (repeatable)
      --only <ID|TAG,…> run only these rules
      --skip <ID|TAG,…> do not run these rules
      --patterns <FILE> also mine each bundle's logs and write to FILE (JSON) the log
                        templates no rule explains that recur in several bundles (ids are
                        stable across bundles): the field's next signatures
      --min-bundles <N> with --patterns: in at least N bundles (default 2)
  -q, --quiet           nothing on stderr but usage errors
      --verbose         name the folders skipped as not bundles; stack traces for internal
                        errors
  -h, --help            this help

Exit codes:
  0  every bundle was analysed
  2  at least one bundle could not be analysed (see its error line), or usage
  1  internal error`;

export const batchCommand: Command = {
  name: 'batch',
  summary: 'analyse many bundles in parallel, one JSON line per bundle',
  help: HELP,
  async run(args, io) {
    const { values, positionals } = parseCommandLine('batch', args, {
      ...COMMON_OPTIONS,
      jobs: { type: 'string', short: 'j' },
      out: { type: 'string', short: 'o' },
      patterns: { type: 'string' },
      'min-bundles': { type: 'string' },
      ...RULE_OPTIONS,
    });
    if (values.help) {
      io.stdout.write(`${HELP}\n`);
      return ExitCode.ok;
    }
    if (positionals.length === 0) throw new UsageError(undefined, 'no folder or glob of bundles given', 'batch');
    const jobs = values.jobs === undefined ? availableParallelism() : parsePositiveInteger(values.jobs, '--jobs', 'batch');
    const ruleDirectories = values.rules ?? [];
    if (values['min-bundles'] !== undefined && values.patterns === undefined) throw new UsageError('--min-bundles', 'goes with --patterns FILE', 'batch');
    const minBundles = values['min-bundles'] === undefined ? 2 : parsePositiveInteger(values['min-bundles'], '--min-bundles', 'batch');
    // Refuse an unwritable --patterns file now, not after the whole batch has run.
    const patternsOut = values.patterns === undefined ? undefined : await fileLines(values.patterns);
    const recurring = patternsOut ? new RecurringTemplates() : undefined;
    // Refuse broken rules and unknown selectors once, here, rather than once per bundle.
    const selectors = resolveSelectors(await loadUsableRuleSet(ruleDirectories), ruleSelectors(values.only), ruleSelectors(values.skip));
    const paths = await expandBatchInputs(positionals, (path, reason) => {
      if (values.verbose) io.stderr.write(`bundle-triage: batch: skipped ${path}: ${reason}\n`);
    });

    const sink = values.out === undefined || values.out === '-' ? stdoutLines(io.stdout) : await fileLines(values.out);
    const progress = Progress.forTerminal(io.stderr, io.isTTY.stderr, values.quiet ?? false);
    const failed: BatchLine[] = [];
    let done = 0;
    try {
      await analyseInWorkers(paths, {
        jobs,
        workerUrl: workerScript(),
        setup: { ruleDirectories, ...selectors, patterns: recurring !== undefined },
        onLine: async (line, templates) => {
          done += 1;
          if (line.error) failed.push(line);
          if (templates) recurring?.add(line.path, templates);
          await sink.write(`${JSON.stringify(line)}\n`);
          progress.update(`batch: ${done}/${paths.length} bundles${failed.length > 0 ? `, ${failed.length} unreadable` : ''}`);
        },
      });
      if (recurring && patternsOut) await patternsOut.write(`${JSON.stringify(recurring.result(minBundles), null, 2)}\n`);
    } finally {
      progress.clear();
      await sink.close();
      await patternsOut?.close();
    }
    if (failed.length === 0) return ExitCode.ok;
    if (!values.quiet) {
      io.stderr.write(`bundle-triage: batch: ${failed.length} of ${paths.length} bundles could not be analysed: ${failed.map((line) => line.path).join(', ')}\n`);
    }
    return ExitCode.usage;
  },
};

/** dist/worker.js, beside the bundled code that runs this (bin.js, index.js or a chunk). */
function workerScript(): URL {
  return new URL('./worker.js', import.meta.url);
}
