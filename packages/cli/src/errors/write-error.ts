import type { ExitCode } from '../exit-codes.js';
import type { TextSink } from '../io.js';
import { describeError, type ErrorContext } from './one-line-error.js';

/** Prints the one-line error (and, with --verbose, the stack of an internal error); returns its exit code. */
export function writeError(stderr: TextSink, error: unknown, options: ErrorContext & { verbose?: boolean }): ExitCode {
  const described = describeError(error, options);
  stderr.write(`${described.line}\n`);
  if (options.verbose && described.stack) stderr.write(`${described.stack}\n`);
  return described.exitCode;
}
