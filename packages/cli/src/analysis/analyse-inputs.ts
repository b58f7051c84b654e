import type { Report } from '@bundle-triage/rules';
import { writeError } from '../errors/write-error.js';
import { ExitCode, worseExit } from '../exit-codes.js';
import { inputName, type BundleInput } from '../input/bundle-input.js';
import { readStdin } from '../input/read-stdin.js';
import type { CliIo } from '../io.js';
import { Progress } from '../progress.js';
import { analyseBundle, type AnalysisRequest } from './analyse-bundle.js';
import { progressCallbacks } from './progress-callbacks.js';

export interface AnalysedBundle {
  input: BundleInput;
  report: Report;
}

export interface RunSettings {
  quiet: boolean;
  verbose: boolean;
}

type RuleRequest = Pick<AnalysisRequest, 'rules' | 'only' | 'skip' | 'includePass' | 'sections'>;

/**
 * Analyses the bundles one after another. A bundle that cannot be read is one error line on
 * stderr and the others still run; the exit code says the worst that happened.
 */
export async function analyseInputs(
  inputs: readonly BundleInput[],
  request: RuleRequest,
  io: CliIo,
  settings: RunSettings,
): Promise<{ analysed: AnalysedBundle[]; exitCode: ExitCode }> {
  const progress = Progress.forTerminal(io.stderr, io.isTTY.stderr, settings.quiet);
  const analysed: AnalysedBundle[] = [];
  let exitCode: ExitCode = ExitCode.ok;
  for (const input of inputs) {
    const name = inputName(input);
    try {
      const stdinBundle = input.kind === 'stdin' ? await readStdin(io.stdin, io.isTTY.stdin) : undefined;
      const report = await analyseBundle(input, {
        ...request,
        ...(stdinBundle ? { stdinBundle } : {}),
        ...(io.signal ? { signal: io.signal } : {}),
        ...progressCallbacks(progress, name),
      });
      progress.clear();
      if (report.errors.length > 0 && !settings.quiet) {
        const count = report.errors.length === 1 ? '1 rule' : `${report.errors.length} rules`;
        io.stderr.write(`bundle-triage: warning: ${name}: ${count} could not run (${report.errors.map((error) => error.ruleId).join(', ')}); see errors in the report\n`);
      }
      analysed.push({ input, report });
    } catch (error) {
      progress.clear();
      exitCode = worseExit(exitCode, writeError(io.stderr, error, { input: name, verbose: settings.verbose }));
      if (io.signal?.aborted) break;
    }
  }
  return { analysed, exitCode };
}
