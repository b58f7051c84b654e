import { isBundleError } from '@bundle-triage/core';
import type { Report } from '@bundle-triage/rules';
import { describeError } from '../errors/one-line-error.js';

/**
 * One line of `batch` output (JSON Lines): what a triage bot needs to route a bundle without
 * reading its whole report. A bundle that could not be analysed has `error` and nothing else to say.
 */
export interface BatchLine {
  path: string;
  /** Rule id of the most important finding, or null. */
  headline: string | null;
  headlineMessage: string | null;
  harvesterVersion: string | null;
  /** Rule ids with a `fail` finding. */
  fail: string[];
  /** Rule ids with a `warn` finding. */
  warn: string[];
  /** Fingerprints of the fail and warn findings (stable across bundles of a cluster: dedupe tickets on them). */
  fingerprints: string[];
  durationMs: number;
  /** The one-line error when the bundle could not be analysed. */
  error?: string;
  /** `BUNDLE_FORMAT`, `BUNDLE_NOT_FOUND`… when the error is about the bundle. */
  errorCode?: string;
}

export function reportLine(path: string, report: Report, durationMs: number): BatchLine {
  const idsWith = (status: 'fail' | 'warn') => [...new Set(report.findings.filter((finding) => finding.status === status).map((finding) => finding.ruleId))];
  return {
    path,
    headline: report.summary.headline,
    headlineMessage: report.summary.headlineMessage,
    harvesterVersion: report.bundle.harvesterVersion,
    fail: idsWith('fail'),
    warn: idsWith('warn'),
    fingerprints: report.findings.filter((finding) => finding.status === 'fail' || finding.status === 'warn').map((finding) => finding.fingerprint),
    durationMs,
  };
}

export function errorLine(path: string, error: unknown, durationMs: number): BatchLine {
  return {
    path,
    headline: null,
    headlineMessage: null,
    harvesterVersion: null,
    fail: [],
    warn: [],
    fingerprints: [],
    durationMs,
    error: describeError(error, { input: path }).line.replace(/^bundle-triage: /, ''),
    ...(isBundleError(error) ? { errorCode: error.code } : {}),
  };
}
