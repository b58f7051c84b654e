import type { TokenRole } from '@bundle-triage/server';
import { parsePositiveInteger } from '../args/positive-integer.js';
import { COMMON_OPTIONS, parseCommandLine } from '../args/parse-command-line.js';
import { CliError, UsageError } from '../errors/cli-error.js';
import { ExitCode } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import { BACKEND_OPTIONS, backendFrom, parseSize, tokenStoreFrom } from '../service/backend-options.js';
import { loadServer } from '../service/load-server.js';
import { printServiceLog, untilStopped } from '../service/print-service-log.js';
import type { Command } from './command.js';

const HELP = `Usage: bundle-triage serve [--data DIR] [options]
       bundle-triage serve --redis URL --postgres URL --store DIR [options]
       bundle-triage serve token create --name NAME --role reader|uploader|admin [--data DIR | --postgres URL]
       bundle-triage serve token list | token revoke ID [--data DIR | --postgres URL]

A triage service: upload bundles (web UI or API), follow their analysis live, read reports in
every format, search by cluster, rule, ticket and fingerprint, call webhooks when analyses end.

Embedded mode (the default; needs no other server): SQLite, bundles and reports under --data,
analyses in worker threads of this process. Queued and interrupted analyses resume at start.
Distributed mode: metadata in PostgreSQL, the queue in Redis (BullMQ), bundles in a folder all
processes share; analyses run in \`bundle-triage worker\` processes (start one or more).
The flags choose the mode: BUNDLE_TRIAGE_REDIS_URL and BUNDLE_TRIAGE_POSTGRES_URL only fill in
URLs for distributed mode, they do not switch to it.

Every page and API route needs a token (Authorization: Bearer, or sign in on the web page)
unless --open. Make the first one with \`serve token create --role admin\`. \`serve token\` takes
serve's --data, --postgres, --redis and --store with serve's meaning and keeps tokens where that
serve reads them: under --data (embedded), or in PostgreSQL when a distributed option is given
(only the PostgreSQL URL is needed then).

Options:
      --data <DIR>            embedded mode: where everything is kept (default ./triage-data)
      --redis <URL>           distributed mode: redis://host:6379 (or BUNDLE_TRIAGE_REDIS_URL)
      --postgres <URL>        distributed mode: postgres://user:pass@host/db (or BUNDLE_TRIAGE_POSTGRES_URL)
      --store <DIR>           distributed mode: the shared folder for bundles and reports
      --queue-prefix <NAME>   Redis key prefix (default bundle-triage)
      --host <ADDR>           address to listen on (default 127.0.0.1)
      --port <N>              port (default 8080)
      --open                  no token needed to read and upload (for a laptop)
      --threads <N>           embedded: analyses at once (default 2)
      --rules <DIR>           embedded: also run the declarative rules in DIR, as analyze --rules
                              does (repeatable); checked at start: a refused rule stops it.
                              In distributed mode give --rules to each worker instead
      --max-upload <SIZE>     largest bundle accepted (default 4GiB; e.g. 500MB)
      --uploads-per-minute <N>  per token or address (default 60)
      --retention-days <N>    remove bundle files after N days; reports and findings stay
      --public-url <URL>      base of the links sent in webhooks (default: the listening address)
      --trust-proxy           behind a reverse proxy: trust X-Forwarded-* headers
  -q, --quiet                 only warnings and errors on stderr
      --verbose               more detail
  -h, --help                  this help

Runs until Ctrl-C or SIGTERM, then lets running analyses finish.`;

export const serveCommand: Command = {
  name: 'serve',
  summary: 'a triage service: upload bundles, web UI and API, queue, webhooks',
  help: HELP,
  async run(args, io) {
    if (args[0] === 'token') return tokenCommand(args.slice(1), io);
    const { values, positionals } = parseCommandLine('serve', args, {
      ...COMMON_OPTIONS,
      ...BACKEND_OPTIONS,
      host: { type: 'string' },
      port: { type: 'string' },
      open: { type: 'boolean' },
      threads: { type: 'string' },
      rules: { type: 'string', multiple: true },
      'max-upload': { type: 'string' },
      'uploads-per-minute': { type: 'string' },
      'retention-days': { type: 'string' },
      'public-url': { type: 'string' },
      'trust-proxy': { type: 'boolean' },
    });
    if (values.help) {
      io.stdout.write(`${HELP}\n`);
      return ExitCode.ok;
    }
    if (positionals.length > 0) throw new UsageError(positionals[0], 'serve takes no bundles (upload them to the service); did you mean bundle-triage analyze?', 'serve');
    const backend = backendFrom(values, io.env, 'serve');
    if (values.threads !== undefined && backend.kind === 'distributed') throw new UsageError('--threads', 'in distributed mode analyses run in workers: give --threads to bundle-triage worker', 'serve');
    if (values.rules !== undefined && backend.kind === 'distributed') throw new UsageError('--rules', 'in distributed mode analyses run in workers: give --rules to each bundle-triage worker', 'serve');
    const port = values.port === undefined ? 8080 : parsePort(values.port);
    const server = await loadServer('serve');
    const log = printServiceLog(io.stderr, 'serve', { quiet: values.quiet ?? false, verbose: values.verbose ?? false });
    const service = await server
      .startService({
        backend,
        host: values.host ?? '127.0.0.1',
        port,
        open: values.open ?? false,
        log,
        ...(values.threads ? { analysisThreads: parsePositiveInteger(values.threads, '--threads', 'serve') } : {}),
        ...(values.rules ? { ruleDirectories: values.rules } : {}),
        ...(values['max-upload'] ? { maxUploadBytes: parseSize(values['max-upload'], '--max-upload', 'serve') } : {}),
        ...(values['uploads-per-minute'] ? { uploadsPerMinute: parsePositiveInteger(values['uploads-per-minute'], '--uploads-per-minute', 'serve') } : {}),
        ...(values['retention-days'] ? { retentionDays: parsePositiveInteger(values['retention-days'], '--retention-days', 'serve') } : {}),
        ...(values['public-url'] ? { publicUrl: values['public-url'] } : {}),
        ...(values['trust-proxy'] ? { trustProxy: true } : {}),
      })
      .catch((error: unknown) => {
        throw asCliError(error, 'cannot serve');
      });
    const host = values.host ?? '127.0.0.1';
    if (values.open && !['127.0.0.1', 'localhost', '::1'].includes(host)) {
      io.stderr.write(`bundle-triage serve: warning: --open on ${host}: anyone who can reach this address can read every report and upload\n`);
    }
    if (!values.open && (await service.store.countTokens()) === 0 && !values.quiet) {
      io.stderr.write(
        `bundle-triage serve: no token exists yet; make one: bundle-triage serve token create --role admin --name you ${backend.kind === 'embedded' ? `--data ${backend.dataDir}` : '--postgres URL'}\n`,
      );
    }
    await untilStopped(io.signal);
    if (!values.quiet) io.stderr.write('bundle-triage serve: stopping (running analyses finish first)\n');
    await service.close();
    return ExitCode.ok;
  },
};

async function tokenCommand(args: readonly string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals } = parseCommandLine('serve', args, {
    ...COMMON_OPTIONS,
    ...BACKEND_OPTIONS,
    name: { type: 'string' },
    role: { type: 'string' },
  });
  if (values.help) {
    io.stdout.write(`${HELP}\n`);
    return ExitCode.ok;
  }
  const [action, ...rest] = positionals;
  // The command line is checked whole before the store is opened (or its folder made).
  const role = values.role as TokenRole | undefined;
  const takes = action === 'revoke' ? 1 : 0;
  if (['create', 'list', 'revoke'].includes(action ?? '') && rest.length > takes) {
    throw new UsageError(rest[takes], `serve token ${action} takes ${takes === 0 ? 'no argument' : 'one argument, the token id'}`, 'serve');
  }
  const id = rest[0];
  if (action === 'create') {
    if (!role || !['reader', 'uploader', 'admin'].includes(role)) throw new UsageError('--role', 'needs reader, uploader or admin', 'serve');
    if (!values.name) throw new UsageError('--name', 'needs a name (who or what uses the token)', 'serve');
  } else if (action === 'revoke') {
    if (!id) throw new UsageError(undefined, 'token revoke needs the token id (see serve token list)', 'serve');
  } else if (action !== 'list') {
    throw new UsageError(action, 'serve token takes create, list or revoke', 'serve');
  }
  // The same rule as serve's: a token must land in the store the serve with these flags reads.
  const location = tokenStoreFrom(values, io.env, 'serve');
  const server = await loadServer('serve');
  const store = await (location.kind === 'distributed'
    ? server.openPostgresStore(location.postgresUrl)
    : (async () => {
        const { mkdirSync } = await import('node:fs');
        const { join } = await import('node:path');
        mkdirSync(location.dataDir, { recursive: true });
        return server.openSqliteStore(join(location.dataDir, 'triage.db'));
      })()
  ).catch((error: unknown) => {
    throw asCliError(error, 'cannot open the store');
  });
  try {
    switch (action) {
      case 'create': {
        const { token, secret } = await server.issueToken(store, values.name!, role!);
        io.stdout.write(`${secret}\n`);
        if (!values.quiet) io.stderr.write(`bundle-triage serve: token "${token.name}" (${token.role}) created; it is shown this once\n`);
        return ExitCode.ok;
      }
      case 'list':
        for (const token of await store.listTokens()) {
          io.stdout.write(`${token.id}  ${token.role.padEnd(8)}  ${token.name}${token.revokedAt ? `  (revoked ${token.revokedAt})` : ''}${token.lastUsedAt ? `  last used ${token.lastUsedAt}` : ''}\n`);
        }
        return ExitCode.ok;
      default: // revoke (every other action was refused above)
        if (!(await store.revokeToken(id!, new Date().toISOString()))) throw new CliError('cannot revoke', id!, 'no live token has this id');
        return ExitCode.ok;
    }
  } finally {
    await store.close();
  }
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) throw new UsageError('--port', `"${value}" is not a port (0-65535)`, 'serve');
  return port;
}

/** The service's typed start-up errors are the user's to fix: one line, exit code 2. */
export function asCliError(error: unknown, what: string): unknown {
  const code = (error as { code?: string }).code;
  if (code === 'SERVICE_CONFIG' || code === 'DATA_FOLDER_IN_USE' || code === 'STORE') return new CliError(what, undefined, (error as Error).message, ExitCode.usage, { cause: error });
  if (code === 'EADDRINUSE' || code === 'EACCES') return new CliError(what, undefined, (error as Error).message, ExitCode.usage, { cause: error });
  return error;
}
