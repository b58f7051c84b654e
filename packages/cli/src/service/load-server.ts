import { CliError } from '../errors/cli-error.js';
import { ExitCode } from '../exit-codes.js';

type ServerModule = typeof import('@bundle-triage/server');

/**
 * The service package, imported only by `serve` and `worker`: the CLI's start-up and its other
 * commands never load fastify, BullMQ or SQLite. It is an optional dependency of the CLI (its
 * SQLite addon is compiled at install); without it these two commands say how to get it.
 */
export async function loadServer(command: string): Promise<ServerModule> {
  try {
    return await import('@bundle-triage/server');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') {
      throw new CliError(`cannot ${command}`, undefined, 'the service is not installed: npm install --global @bundle-triage/server (beside @bundle-triage/cli)', ExitCode.usage, { cause: error });
    }
    throw error;
  }
}
