import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from '../errors/cli-error.js';

type OptionSpecs = NonNullable<ParseArgsConfig['options']>;
type ParsedCommandLine<T extends OptionSpecs> = ReturnType<typeof parseArgs<{ args: string[]; options: T; allowPositionals: true; strict: true }>>;

/**
 * `node:util` parseArgs, strict, with its errors turned into one-line usage errors that name the
 * option and point at the command's `--help`.
 */
export function parseCommandLine<T extends OptionSpecs>(command: string, args: readonly string[], options: T): ParsedCommandLine<T> {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw toUsageError(command, error);
  }
}

function toUsageError(command: string, error: unknown): UsageError {
  const message = error instanceof Error ? error.message : String(error);
  // Node names the option as '--format', or '-f, --format <value>' when it has a short form.
  const option = /'(?:-[^-\s'], )?(-{1,2}[^'\s,]+)/.exec(message)?.[1];
  switch ((error as NodeJS.ErrnoException).code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return new UsageError(option, 'unknown option', command);
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      if (/does not take/.test(message)) return new UsageError(option, 'takes no value', command);
      // Node refuses `--tail -1`: a value starting with a dash must be joined to its option.
      if (/ambiguous/.test(message)) return new UsageError(option, `needs a value (one starting with "-" is written ${option}=<value>)`, command);
      return new UsageError(option, 'needs a value', command);
    default:
      return new UsageError(undefined, message.split('\n')[0]!, command);
  }
}

/** `--format` and `--out`, for the commands that write a report. */
export const OUTPUT_OPTIONS = {
  format: { type: 'string', short: 'f' },
  out: { type: 'string', short: 'o' },
} as const satisfies OptionSpecs;

/** Which rules run: `--rules DIR`, `--only`, `--skip` (all repeatable). */
export const RULE_OPTIONS = {
  rules: { type: 'string', multiple: true },
  only: { type: 'string', multiple: true },
  skip: { type: 'string', multiple: true },
} as const satisfies OptionSpecs;

/** Options every command takes. */
export const COMMON_OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  quiet: { type: 'boolean', short: 'q' },
  verbose: { type: 'boolean' },
} as const satisfies OptionSpecs;
