import type { ExitCode } from '../exit-codes.js';
import type { CliIo } from '../io.js';

/** One `bundle-triage <name>` command, once its module is loaded. */
export interface Command {
  name: string;
  /** One line for the command list in `bundle-triage --help`. */
  summary: string;
  /** The whole `--help` text. */
  help: string;
  /** Parses its own arguments; throws CliError (or anything) for main to print as one line. */
  run(args: readonly string[], io: CliIo): Promise<ExitCode>;
}

/**
 * What `bundle-triage --help` needs to list a command, and how to load it. Commands are loaded
 * only when they run, so `--version` and `--help` import none of the libraries.
 */
export interface CommandEntry {
  name: string;
  summary: string;
  load(): Promise<Command>;
}
