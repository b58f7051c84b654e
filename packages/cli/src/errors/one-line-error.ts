import { resolve } from 'node:path';
import { isBundleError, type BundleError, type BundleErrorCode } from '@bundle-triage/core';
import { UnknownRuleSelectorError } from '@bundle-triage/rules';
import { ExitCode } from '../exit-codes.js';
import { CliError } from './cli-error.js';
import { errnoReason, isErrnoError } from './errno-reason.js';

export interface DescribedError {
  /** `bundle-triage: <what>: <where>: <why>`, one line. */
  line: string;
  exitCode: ExitCode;
  /** Set for internal errors: what `--verbose` prints below the line. */
  stack?: string;
}

export interface ErrorContext {
  /** The bundle being read when it happened, as the user named it. */
  input?: string;
}

const BUNDLE_ERRORS: Record<BundleErrorCode, { what: string; exitCode: ExitCode }> = {
  BUNDLE_NOT_FOUND: { what: 'cannot open bundle', exitCode: ExitCode.usage },
  BUNDLE_FORMAT: { what: 'cannot read bundle', exitCode: ExitCode.usage },
  BUNDLE_LIMIT: { what: 'bundle refused (safety limit)', exitCode: ExitCode.usage },
  BUNDLE_UNSAFE_PATH: { what: 'bundle refused (unsafe path)', exitCode: ExitCode.usage },
  // Not the input's fault: the analyzer asked for something that is not there, or its temp space failed.
  BUNDLE_ENTRY_NOT_FOUND: { what: 'internal error', exitCode: ExitCode.internal },
  BUNDLE_CLOSED: { what: 'internal error', exitCode: ExitCode.internal },
  BUNDLE_IO: { what: 'cannot use the temp folder', exitCode: ExitCode.internal },
};

/**
 * Turns anything thrown into the one line a user reads: `bundle-triage: <what>: <where>: <why>`.
 * Users get no stack trace for their own mistakes; internal errors keep theirs for `--verbose`.
 */
export function describeError(error: unknown, context: ErrorContext = {}): DescribedError {
  if (error instanceof CliError) return described(error.what, error.where, error.why, error.exitCode);
  if (isBundleError(error)) return describeBundleError(error, context);
  if (error instanceof UnknownRuleSelectorError) {
    return described('unknown rule selector', error.selector, 'no rule has this id, signature, tag or component (see bundle-triage rules list)', ExitCode.usage);
  }
  if (isAbort(error)) return described('interrupted', undefined, 'stopped before the end', ExitCode.interrupted);
  if (isErrnoError(error) && error.path) return described('cannot access', error.path, errnoReason(error), ExitCode.usage);
  const message = error instanceof Error ? error.message : String(error);
  const stack = error instanceof Error && error.stack ? error.stack : message;
  return { ...described('internal error', context.input, `${message} (please report it; --verbose shows the stack)`, ExitCode.internal), stack };
}

function describeBundleError(error: BundleError, context: ErrorContext): DescribedError {
  const { what, exitCode } = BUNDLE_ERRORS[error.code];
  const where = context.input ?? error.path;
  const result = described(what, where, withoutLocation(error.message, [where, error.path]), exitCode);
  return exitCode === ExitCode.internal && error.stack ? { ...result, stack: error.stack } : result;
}

/**
 * Core messages already start with the bundle's location (as given, or made absolute); the
 * one-line form names it once, as the user wrote it.
 */
function withoutLocation(message: string, locations: (string | undefined)[]): string {
  for (const location of locations) {
    if (!location) continue;
    for (const name of [location, resolve(location)]) {
      if (message.startsWith(`${name}: `)) return message.slice(name.length + 2);
      // "<location> is not a Harvester support bundle…" reads as "…: not a Harvester support bundle…"
      if (message.startsWith(`${name} `)) return message.slice(name.length + 1).replace(/^is /, '');
    }
  }
  return message;
}

function described(what: string, where: string | undefined, why: string, exitCode: ExitCode): DescribedError {
  const parts = ['bundle-triage', what, where, why].filter((part): part is string => part !== undefined && part !== '');
  return { line: parts.join(': ').replace(/\s*[\r\n]+\s*/g, ' '), exitCode };
}

function isAbort(error: unknown): boolean {
  return error instanceof Error && (error.name === 'AbortError' || (error as NodeJS.ErrnoException).code === 'ABORT_ERR');
}
