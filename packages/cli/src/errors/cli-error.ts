import { ExitCode } from '../exit-codes.js';

/**
 * A failure the user can act on, already in the shape of the one-line message
 * `bundle-triage: <what>: <where>: <why>`. Never printed with a stack.
 */
export class CliError extends Error {
  readonly what: string;
  readonly where: string | undefined;
  readonly why: string;
  readonly exitCode: ExitCode;

  constructor(what: string, where: string | undefined, why: string, exitCode: ExitCode = ExitCode.usage, options?: { cause?: unknown }) {
    super([what, where, why].filter((part) => part !== undefined && part !== '').join(': '), options);
    this.name = 'CliError';
    this.what = what;
    this.where = where;
    this.why = why;
    this.exitCode = exitCode;
  }
}

/** Bad command line: unknown option, missing argument, options that contradict each other. */
export class UsageError extends CliError {
  /** The command whose `--help` explains the right usage. */
  readonly command: string | undefined;

  constructor(where: string | undefined, why: string, command?: string) {
    super('usage', where, command ? `${why} (see bundle-triage ${command} --help)` : `${why} (see bundle-triage --help)`);
    this.name = 'UsageError';
    this.command = command;
  }
}
