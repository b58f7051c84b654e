import { parsePositiveInteger } from '../args/positive-integer.js';
import { COMMON_OPTIONS, parseCommandLine } from '../args/parse-command-line.js';
import { UsageError } from '../errors/cli-error.js';
import { ExitCode } from '../exit-codes.js';
import { BACKEND_OPTIONS, backendFrom } from '../service/backend-options.js';
import { loadServer } from '../service/load-server.js';
import { printServiceLog, untilStopped } from '../service/print-service-log.js';
import type { Command } from './command.js';
import { asCliError } from './serve.js';

const HELP = `Usage: bundle-triage worker --redis URL --postgres URL --store DIR [options]

A worker of a distributed \`bundle-triage serve\`: takes analyses and webhook deliveries from
the queue (BullMQ on Redis) and runs them. Start as many as you like, on any machine that sees
the store folder at the same path. A worker that dies mid-analysis loses nothing: its job goes
to another worker once its lock expires; one stopped with Ctrl-C or SIGTERM finishes first.

Options:
      --redis <URL>           redis://host:6379 (or BUNDLE_TRIAGE_REDIS_URL)
      --postgres <URL>        postgres://user:pass@host/db (or BUNDLE_TRIAGE_POSTGRES_URL)
      --store <DIR>           the folder shared with the server
      --queue-prefix <NAME>   Redis key prefix (default bundle-triage)
      --threads <N>           analyses at once (default 2)
      --rules <DIR>           also run the declarative rules in DIR, as analyze --rules does
                              (repeatable; give every worker the same folders); checked at start
      --public-url <URL>      base of the links sent in webhooks (the server's address)
      --lock-seconds <N>      a job not renewed for this long is taken back (default 30)
  -q, --quiet                 only warnings and errors on stderr
      --verbose               more detail
  -h, --help                  this help`;

export const workerCommand: Command = {
  name: 'worker',
  summary: 'run analyses for a distributed bundle-triage serve (Redis + PostgreSQL)',
  help: HELP,
  async run(args, io) {
    const { values, positionals } = parseCommandLine('worker', args, {
      ...COMMON_OPTIONS,
      ...BACKEND_OPTIONS,
      threads: { type: 'string' },
      rules: { type: 'string', multiple: true },
      'public-url': { type: 'string' },
      'lock-seconds': { type: 'string' },
    });
    if (values.help) {
      io.stdout.write(`${HELP}\n`);
      return ExitCode.ok;
    }
    if (positionals.length > 0) throw new UsageError(positionals[0], 'worker takes no arguments', 'worker');
    if (values.data !== undefined) throw new UsageError('--data', 'an embedded serve runs its own analyses; workers are for distributed mode (--redis, --postgres, --store)', 'worker');
    const backend = backendFrom(values, io.env, 'worker', false);
    if (backend.kind !== 'distributed') throw new UsageError(undefined, 'a worker needs --redis, --postgres and --store', 'worker');
    const server = await loadServer('run a worker');
    const worker = await server
      .startWorker({
        backend,
        log: printServiceLog(io.stderr, 'worker', { quiet: values.quiet ?? false, verbose: values.verbose ?? false }),
        ...(values.threads ? { analysisThreads: parsePositiveInteger(values.threads, '--threads', 'worker') } : {}),
        ...(values.rules ? { ruleDirectories: values.rules } : {}),
        ...(values['public-url'] ? { publicUrl: values['public-url'] } : {}),
        ...(values['lock-seconds'] ? { lockDurationMs: parsePositiveInteger(values['lock-seconds'], '--lock-seconds', 'worker') * 1000 } : {}),
      })
      .catch((error: unknown) => {
        throw asCliError(error, 'cannot start the worker');
      });
    await untilStopped(io.signal);
    if (!values.quiet) io.stderr.write('bundle-triage worker: stopping (running analyses finish first)\n');
    await worker.close();
    return ExitCode.ok;
  },
};
