import { buildTimeline, minePatterns, parseObjectSelector, type Bundle, type ObjectSelector, type Timeline } from '@bundle-triage/core';
import { redactText } from '@bundle-triage/report';
import { COMMON_OPTIONS, parseCommandLine } from '../args/parse-command-line.js';
import { parsePositiveInteger } from '../args/positive-integer.js';
import { parseTextOrJson } from '../args/text-or-json.js';
import { parseTimeBound, resolveTimeBound } from '../args/time-bound.js';
import { CliError, UsageError } from '../errors/cli-error.js';
import { ExitCode } from '../exit-codes.js';
import { bundleInput } from '../input/bundle-input.js';
import { withBundleInput } from '../input/open-bundle-input.js';
import { renderTimeline } from '../output/render-timeline.js';
import { Progress } from '../progress.js';
import type { Command } from './command.js';

const DEFAULT_LIMIT = 1000;

const HELP = `Usage: bundle-triage timeline <bundle> [options]

One time-ordered stream of what the bundle records: events (first and last occurrence, count),
condition transitions, creations and deletion requests, Job runs, container terminations,
Harvester upgrade and per-node upgrade states, node boots, and log templates (first and last
line, bursts). Each entry has its source path:line, the object it is about, and its namespace,
owner and node. <bundle> is a .zip, a .tar.gz, an extracted folder, or "-" (stdin).

Options:
      --since <T>         entries at or after T
      --until <T>         entries at or before T
                          T is an RFC 3339 time (2025-03-12T06:00:00Z, any offset; a date
                          alone is its midnight UTC) or a duration before the bundle was made
                          (2h = two hours before it was taken; also 30m, 90s, 1d, 1h30m)
      --object <K/NS/N>   entries about this object or what it owns: KIND/NAMESPACE/NAME, or
                          KIND/NAME for a cluster-scoped one (Node/node1); repeatable
      --namespace <NS>    entries about objects of this namespace
  -f, --format <name>     text or json (default: text on a terminal, json otherwise)
  -n, --limit <N>         the latest N entries of the window (default ${DEFAULT_LIMIT})
      --no-logs           leave log templates out (skips reading every log: much faster)
      --no-redact         show secrets in messages as they are in the bundle
  -q, --quiet             nothing on stderr but errors
      --verbose           stack traces for internal errors
  -h, --help              this help

Times are UTC with the precision their source wrote (events in seconds, pod logs in
nanoseconds). Journal and klog lines carry no year: it is taken from the bundle's creation time
(marked ~). Upgrade states carry no time: they are dated when the bundle was made (marked @).

Exit codes:
  0  done (entries or none)
  2  unusable input or usage, an unknown object (one line on stderr)
  1  internal error`;

export const timelineCommand: Command = {
  name: 'timeline',
  summary: 'one time-ordered stream of events, conditions, jobs, upgrades, boots and log templates',
  help: HELP,
  async run(args, io) {
    const { values, positionals } = parseCommandLine('timeline', args, {
      ...COMMON_OPTIONS,
      since: { type: 'string' },
      until: { type: 'string' },
      object: { type: 'string', multiple: true },
      namespace: { type: 'string' },
      format: { type: 'string', short: 'f' },
      limit: { type: 'string', short: 'n' },
      'no-logs': { type: 'boolean' },
      'no-redact': { type: 'boolean' },
    });
    if (values.help) {
      io.stdout.write(`${HELP}\n`);
      return ExitCode.ok;
    }
    if (positionals.length !== 1) throw new UsageError(undefined, positionals.length === 0 ? 'no bundle given' : 'takes one bundle', 'timeline');
    const format = parseTextOrJson(values.format, io.isTTY.stdout, 'timeline');
    const since = values.since === undefined ? undefined : parseTimeBound(values.since, '--since', 'timeline');
    const until = values.until === undefined ? undefined : parseTimeBound(values.until, '--until', 'timeline');
    const objects = (values.object ?? []).map((text) => {
      const selector = parseObjectSelector(text);
      if (!selector) throw new UsageError('--object', `"${text}" is not KIND/NAMESPACE/NAME or KIND/NAME`, 'timeline');
      return selector;
    });
    const limit = values.limit === undefined ? DEFAULT_LIMIT : parsePositiveInteger(values.limit, '--limit', 'timeline');

    const progress = Progress.forTerminal(io.stderr, io.isTTY.stderr, values.quiet ?? false);
    return withBundleInput(bundleInput(positionals[0]!), io, progress, values.verbose ?? false, async (bundle, name) => {
      const facts = await bundle.facts();
      const sinceMs = since && resolveTimeBound(since, '--since', facts.createdAt);
      const untilMs = until && resolveTimeBound(until, '--until', facts.createdAt);
      if (sinceMs !== undefined && untilMs !== undefined && sinceMs > untilMs) throw new UsageError('--since', `${values.since} is after --until ${values.until}`, 'timeline');
      for (const object of objects) await assertKnownObject(bundle, object, facts.nodes);
      if (values.namespace !== undefined && !facts.collectedNamespaces.includes(values.namespace) && !facts.uncollectedNamespaces.includes(values.namespace)) {
        throw new CliError('unknown namespace', values.namespace, `not in this bundle (collected: ${facts.collectedNamespaces.join(', ') || 'none'})`);
      }
      if (values.namespace !== undefined && facts.uncollectedNamespaces.includes(values.namespace) && !values.quiet) {
        progress.clear();
        io.stderr.write(`bundle-triage: warning: ${name}: namespace ${values.namespace} exists but was not collected; only what other namespaces record about it can show\n`);
      }
      const patterns = values['no-logs']
        ? undefined
        : await minePatterns(bundle, {
            ...(io.signal ? { signal: io.signal } : {}),
            onProgress: (event) => progress.update(`${name}: logs ${event.filesDone}/${event.files}`),
          });
      progress.update(`${name}: timeline`);
      const options = {
        ...(sinceMs === undefined ? {} : { since: sinceMs }),
        ...(untilMs === undefined ? {} : { until: untilMs }),
        ...(values.namespace === undefined ? {} : { namespace: values.namespace }),
        ...(objects.length > 0 ? { objects } : {}),
        ...(patterns ? { patterns } : {}),
        ...(io.signal ? { signal: io.signal } : {}),
      };
      const timeline = await buildTimeline(bundle, { ...options, limit });
      progress.clear();
      const filter = {
        ...(sinceMs === undefined ? {} : { since: isoTime(sinceMs) }),
        ...(untilMs === undefined ? {} : { until: isoTime(untilMs) }),
        ...(values.namespace === undefined ? {} : { namespace: values.namespace }),
        ...(objects.length > 0 ? { objects: values.object! } : {}),
      };
      const view = { source: name, ...(facts.createdAt ? { createdAt: facts.createdAt } : {}), timeline: values['no-redact'] ? timeline : redactTimeline(timeline), filter, inWindow: timeline.stats.kept };
      // Prose wraps to a terminal's width, as the text report's does; elsewhere to the report's default.
      io.stdout.write(renderTimeline(view, format, io.isTTY.stdout && io.columns ? io.columns : undefined));
      return ExitCode.ok;
    });
  },
};

/** An --object that names nothing in the bundle is a mistake to say, not an empty timeline. */
async function assertKnownObject(bundle: Bundle, selector: ObjectSelector, nodes: readonly string[]): Promise<void> {
  const kind = selector.kind.toLowerCase();
  if (kind === 'node' && selector.namespace === undefined && nodes.includes(selector.name)) return;
  const plurals = new Set([`${kind}s`, `${kind}es`, kind.replace(/y$/, 'ies'), kind]);
  const files = bundle.index.resourceFiles({ namespace: selector.namespace ?? null }).filter((file) => plurals.has(file.resource.toLowerCase()));
  for (const file of files) {
    const found = await bundle.resources({ group: file.group, resource: file.resource, version: file.version, namespace: file.namespace ?? null, name: selector.name });
    if (found.some((object) => object.kind.toLowerCase() === kind)) return;
  }
  const where = `${selector.kind}/${selector.namespace ? `${selector.namespace}/` : ''}${selector.name}`;
  throw new CliError('unknown object', where, files.length === 0 ? `the bundle has no ${selector.kind} list${selector.namespace ? ` in namespace ${selector.namespace}` : ''}` : 'no such object in the bundle');
}

/** RFC 3339 without the milliseconds when there are none. */
function isoTime(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

function redactTimeline(timeline: Timeline): Timeline {
  return { ...timeline, entries: timeline.entries.map((entry) => ({ ...entry, text: redactText(entry.text).text })) };
}
