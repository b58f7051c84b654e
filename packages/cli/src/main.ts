import type { Command } from './commands/command.js';
import { COMMANDS } from './commands/command-table.js';
import { UsageError } from './errors/cli-error.js';
import { EXIT_CODE_HELP, ExitCode } from './exit-codes.js';
import type { CliIo } from './io.js';
import { CLI_VERSION } from './version.js';

const HELP = `Usage: bundle-triage <command> [options]

Offline analyzer of Harvester support bundles: finds known failure signatures and shows the
evidence (path:line) and the fix.

  bundle-triage analyze supportbundle.zip
  bundle-triage readiness supportbundle.zip

Commands:
${COMMANDS.map((command) => `  ${command.name.padEnd(10)} ${command.summary}`).join('\n')}

Options:
  -h, --help     help (also: bundle-triage <command> --help)
      --version  the version

${EXIT_CODE_HELP}`;

/**
 * The whole command line: runs one command and returns its exit code. Every error ends here as
 * one line on stderr; nothing is thrown to the caller and nothing calls process.exit, so tests
 * can run it in-process.
 */
export async function main(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const [name, ...args] = argv;
  try {
    if (name === undefined) {
      io.stderr.write(`${HELP}\n`);
      return ExitCode.usage;
    }
    if (name === '--help' || name === '-h') {
      io.stdout.write(`${HELP}\n`);
      return ExitCode.ok;
    }
    if (name === '--version' || name === '-V') {
      io.stdout.write(`bundle-triage ${CLI_VERSION}\n`);
      return ExitCode.ok;
    }
    if (name === 'help') return await helpFor(args[0], io);
    return await (await findCommand(name)).run(args, io);
  } catch (error) {
    // Imported here, not at the top: describing an error knows core's and rules' error types, and
    // `--version`, `--help` and every command's start would otherwise load both libraries.
    const { writeError } = await import('./errors/write-error.js');
    return writeError(io.stderr, error, { verbose: argv.includes('--verbose') });
  }
}

function findCommand(name: string): Promise<Command> {
  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (command) return command.load();
  const hint = /\.(zip|tar\.gz|tgz)$/i.test(name) || name === '-' ? `; did you mean bundle-triage analyze ${name}?` : '';
  throw new UsageError(name, `not a command${hint}`);
}

async function helpFor(name: string | undefined, io: CliIo): Promise<ExitCode> {
  io.stdout.write(`${name === undefined ? HELP : (await findCommand(name)).help}\n`);
  return ExitCode.ok;
}
