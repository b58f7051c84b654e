import {
  parseSince,
  parseSinceValue,
  podForController,
  readLogLines,
  selectNodeLog,
  selectPodLogs,
  type Bundle,
  type BundleLogLine,
  type LinePattern,
  type LogSource,
} from '@bundle-triage/core';
import { redactText } from '@bundle-triage/report';
import { SafePattern, UnsafePatternError } from '@bundle-triage/rules';
import { parseCommandLine } from '../args/parse-command-line.js';
import { CliError, UsageError } from '../errors/cli-error.js';
import { ExitCode } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import { bundleArguments, withBundle } from '../kubectl/kubectl-bundle.js';
import { kubectlCliError } from '../kubectl/kubectl-error.js';
import { BUNDLE_HELP, KUBECTL_OPTIONS, writeNotes } from '../kubectl/kubectl-options.js';
import type { Command } from './command.js';

const HELP = `Usage: bundle-triage logs <bundle> <pod> [<container>] [options]
       bundle-triage logs <bundle> <type>/<name> [options]        (deploy/x, ds/x, sts/x, job/x, svc/x: one of its pods)
       bundle-triage logs <bundle> node/<node> <log> [options]    (rke2-server, kernel, kubelet, …)

kubectl logs over a support bundle, offline: a container's log as collected
(logs/<ns>/<pod>/<container>.log), its previous run with --previous (<container>.log.1, which
the kit writes only for a container that restarted, from kit v0.0.26 / Harvester v1.1.2 on),
or a file of a node's bundle (nodes/<node>.zip or an extracted nodes/<node>/).

  bundle-triage logs bundle.zip harvester-network-controller-manager-… -n harvester-system --previous
  bundle-triage logs bundle.zip deploy/harvester -n harvester-system --grep 'level=(error|fatal)' --since 2h
  bundle-triage logs bundle.zip node/harvester-node-0 rke2-server --tail 50

${BUNDLE_HELP}

Options:
  -n, --namespace <NS>   the pod's namespace (default: default)
  -c, --container <C>    the container (default: the pod's default container, as kubectl)
      --all-containers   every container of the pod, one after another
  -p, --previous         the previous run (containers: <c>.log.1; nodes: kernel.log.1, …)
      --grep <RE>        only lines whose message matches RE (RE2 syntax: linear time, no
                         lookaround or backreferences; (?i) for case-insensitive)
      --since <T>        only lines from T on: a duration before the bundle was made (90s, 2h,
                         1h30m; 0 for no limit) or an RFC 3339 time; lines without a timestamp
                         are kept
      --tail <N>         only the last N lines (of each container); --tail=-1 (kubectl's
                         default) every line
      --timestamps       pod logs: keep each line's collection timestamp
      --prefix           start each line with its source: [pod/<pod>/<container>]
      --with-path        start each line with its evidence address: <bundle path>:<line>:
      --bundle <PATH>    the bundle (then every argument is a pod, type/name or node/…)
      --no-redact        show secrets in log lines as they are in the bundle
  -q, --quiet            no notes on stderr
  -h, --help             this help

Exit codes:
  0  printed (also when no line matched)
  4  no such pod, container, previous run or node log in the bundle
  2  usage, a refused pattern, or an unreadable bundle
  1  internal error`;

const LOGS_OPTIONS = {
  ...KUBECTL_OPTIONS,
  container: { type: 'string', short: 'c' },
  'all-containers': { type: 'boolean' },
  previous: { type: 'boolean', short: 'p' },
  grep: { type: 'string' },
  since: { type: 'string' },
  tail: { type: 'string' },
  timestamps: { type: 'boolean' },
  prefix: { type: 'boolean' },
  'with-path': { type: 'boolean' },
} as const;

/** Output is written in chunks of about this size: one write per line would be slow on big logs. */
const WRITE_CHUNK = 64 * 1024;

export const logsCommand: Command = {
  name: 'logs',
  summary: "kubectl logs over a bundle: a container's log (or previous run), a node's journal",
  help: HELP,
  async run(args, io) {
    const { values, positionals } = parseCommandLine('logs', args, LOGS_OPTIONS);
    if (values.help) {
      io.stdout.write(`${HELP}\n`);
      return ExitCode.ok;
    }
    const bundle = bundleArguments('logs', positionals, values.bundle, io);
    const [target, second, ...extra] = bundle.rest;
    if (target === undefined) throw new UsageError(undefined, 'say whose logs: a pod, type/name, or node/<node> <log>', 'logs');
    if (extra.length > 0) throw new UsageError(extra[0], 'too many arguments', 'logs');
    const grep = values.grep === undefined ? undefined : linePattern(values.grep);
    const tail = values.tail === undefined ? undefined : lineCount(values.tail);
    // A malformed --since is refused before the bundle is opened (and before any note is written).
    if (values.since !== undefined) sinceValue(values.since);
    if (values.container !== undefined && values['all-containers']) throw new UsageError('--container', 'give --container or --all-containers, not both', 'logs');
    const quiet = values.quiet ?? false;
    const redact = !values['no-redact'];

    try {
      return await withBundle(bundle.input, io, async (opened) => {
        const { sources, notes } = await selectSources(opened, target, second, values);
        writeNotes(io, notes, quiet);
        const createdAt = (await opened.facts()).createdAt;
        const since = values.since === undefined ? undefined : parseSince(values.since, createdAt ? Date.parse(createdAt) : undefined);
        await writeLines(io, readLogLines(sources, { ...(since === undefined ? {} : { since }), ...(grep ? { grep } : {}), ...(tail === undefined ? {} : { tail }), ...(io.signal ? { signal: io.signal } : {}) }), {
          timestamps: values.timestamps ?? false,
          prefix: values.prefix ?? false,
          withPath: values['with-path'] ?? false,
          redact,
        });
        return ExitCode.ok;
      });
    } catch (error) {
      throw kubectlCliError(error);
    }
  },
};

interface LogsValues {
  namespace?: string | undefined;
  container?: string | undefined;
  'all-containers'?: boolean | undefined;
  previous?: boolean | undefined;
}

async function selectSources(bundle: Bundle, target: string, second: string | undefined, values: LogsValues): Promise<{ sources: LogSource[]; notes: string[] }> {
  const slash = target.indexOf('/');
  const kind = slash >= 0 ? target.slice(0, slash).toLowerCase() : undefined;
  if (kind === 'node' || kind === 'nodes' || kind === 'no') {
    const node = target.slice(slash + 1);
    if (node === '') throw new UsageError(target, 'say which node: node/<node> <log>, e.g. node/harvester-node-0 kernel', 'logs');
    if (second === undefined) {
      await bundle.openNestedArchives({ nodeBundles: true });
      const logs = [...new Set(bundle.index.nodeFiles(node).filter((file) => file.file.startsWith('logs/')).map((file) => file.file.slice(5).replace(/\.log$/, '')))];
      throw new UsageError(undefined, `say which log of node ${node}${logs.length > 0 ? `: ${logs.join(', ')}` : ''}`, 'logs');
    }
    if (values.container !== undefined || values['all-containers']) throw new UsageError('--container', 'a node log has no containers', 'logs');
    const selection = await selectNodeLog(bundle, { node, file: second, previous: values.previous ?? false });
    return { sources: selection.sources, notes: [] };
  }
  const notes: string[] = [];
  let pod = target;
  const namespace = values.namespace ?? 'default';
  if (kind === 'pod' || kind === 'pods' || kind === 'po') {
    pod = target.slice(slash + 1);
  } else if (kind !== undefined) {
    const chosen = await podForController(bundle, target, namespace);
    pod = chosen.pod.metadata.name;
    if (chosen.found > 1) notes.push(`Found ${chosen.found} pods, using pod/${pod}`);
  }
  if (second !== undefined && values.container !== undefined && second !== values.container) {
    throw new UsageError(second, `the container is given twice (${second} and --container ${values.container})`, 'logs');
  }
  const container = values.container ?? second;
  const selection = await selectPodLogs(bundle, {
    namespace,
    pod,
    ...(container === undefined ? {} : { container }),
    previous: values.previous ?? false,
    allContainers: values['all-containers'] ?? false,
  });
  return { sources: selection.sources, notes: [...notes, ...selection.notes] };
}

/** `--tail N`; -1 (kubectl's default) is every line. */
function lineCount(value: string): number | undefined {
  if (value === '-1') return undefined;
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(Number(value))) throw new UsageError('--tail', `"${value}" is not a whole number (or -1 for every line)`, 'logs');
  return Number(value);
}

function sinceValue(text: string): void {
  try {
    parseSinceValue(text);
  } catch (error) {
    throw kubectlCliError(error);
  }
}

function linePattern(source: string): LinePattern {
  try {
    return new SafePattern(source);
  } catch (error) {
    if (error instanceof UnsafePatternError) throw new CliError('usage', '--grep', error.message.replace(/^pattern /, ''));
    throw error;
  }
}

async function writeLines(
  io: CliIo,
  lines: AsyncIterable<BundleLogLine>,
  options: { timestamps: boolean; prefix: boolean; withPath: boolean; redact: boolean },
): Promise<void> {
  let buffer = '';
  for await (const line of lines) {
    // A pod log line without --timestamps is what the container wrote; a node file's line is the file's.
    let text = line.source.kind === 'pod' && !options.timestamps ? line.text : line.raw;
    if (options.redact) text = redactText(text).text;
    if (options.prefix) text = `[${line.source.kind === 'pod' ? `pod/${line.source.pod}/${line.source.container}` : `node/${line.source.node}/${line.source.nodeFile}`}] ${text}`;
    if (options.withPath) text = `${line.path}:${line.line}: ${text}`;
    buffer += `${text}\n`;
    if (buffer.length >= WRITE_CHUNK) {
      io.stdout.write(buffer);
      buffer = '';
    }
  }
  if (buffer !== '') io.stdout.write(buffer);
}
