import type { Finding, Report } from '@bundle-triage/rules';
import { UsageError } from '../errors/cli-error.js';

/** `--fail-on`: the lowest finding status that makes the exit code 3. */
export type FailThreshold = 'fail' | 'warn';

export function parseFailThreshold(value: string | undefined, command: string): FailThreshold {
  if (value === undefined) return 'fail';
  if (value === 'fail' || value === 'warn') return value;
  throw new UsageError('--fail-on', `"${value}" is not one of fail, warn`, command);
}

export function reachesThreshold(finding: Pick<Finding, 'status'>, threshold: FailThreshold): boolean {
  return finding.status === 'fail' || (threshold === 'warn' && finding.status === 'warn');
}

/** Counts from the summary, so `pass` findings left out of `findings` do not matter. */
export function reportReachesThreshold(report: Report, threshold: FailThreshold): boolean {
  return report.summary.fail > 0 || (threshold === 'warn' && report.summary.warn > 0);
}
