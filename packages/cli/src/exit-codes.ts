/**
 * The exit codes of `bundle-triage`, as documented in the README and in `--help`. Scripts and CI
 * branch on these, so they never change meaning.
 */
export const ExitCode = {
  /** The analysis ran and found nothing at or above `--fail-on`. */
  ok: 0,
  /** A bug of ours (or the machine failed us): not the input's fault. */
  internal: 1,
  /** Unusable input or usage: a missing file, not a bundle, a bad option. */
  usage: 2,
  /** The analysis ran and found something at or above `--fail-on`. */
  findings: 3,
  /** get, describe, logs: the object, container log or node file asked for is not in the bundle. */
  notFound: 4,
  /** Stopped by Ctrl-C (SIGINT), by shell convention. */
  interrupted: 130,
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

// When several bundles end differently, the exit code tells the worst: a bug outranks unusable
// input, which outranks findings (a run that could not read a bundle is not a finished analysis).
// A missing object ranks with findings: the read ran, and the answer is "not there".
const RANK: Record<ExitCode, number> = { 0: 0, 3: 1, 4: 2, 2: 3, 1: 4, 130: 5 };

export function worseExit(a: ExitCode, b: ExitCode): ExitCode {
  return RANK[b] > RANK[a] ? b : a;
}

export const EXIT_CODE_HELP = `Exit codes:
  0  analysis done, nothing at or above --fail-on
  3  a finding at or above --fail-on
  4  get, describe, logs: what was asked for is not in the bundle
  2  unusable input or usage (one line on stderr: what, where, why)
  1  internal error (--verbose prints the stack)`;
