import { BadRequestError, parseSince, readLogLines, selectNodeLog, selectPodLogs, type Bundle, type BundleLogLine, type LogSource } from '@bundle-triage/core';
import { redactObject } from '@bundle-triage/report';
import { SafePattern, UnsafePatternError } from '@bundle-triage/rules';
import { BadParameterError } from '../errors.js';
import type { LogPage } from '../http/browse-schemas.js';
import { nodeLogChoices, podLogChoices } from './log-choices.js';

/** Which lines of a log: `bundle-triage logs`' filters, and a page of the result. */
export interface LogLinesRequest {
  /** RE2 syntax, compiled with the rules package's SafePattern: linear time whatever a user types. */
  grep?: string;
  /** A duration before the bundle was made (`2h`) or an RFC 3339 time. */
  since?: string;
  /** The last N matching lines (then offset and limit do not apply). */
  tail?: number;
  limit: number;
  offset: number;
  /** Stops reading when the client has gone. */
  signal?: AbortSignal;
}

export interface PodLogTarget {
  namespace: string;
  pod: string;
  container?: string;
  previous: boolean;
}

/** A page of a container's log (`logs/<ns>/<pod>/<container>.log`, or `.log.1` for the previous run). */
export async function podLogPage(bundle: Bundle, analysisId: string, target: PodLogTarget, request: LogLinesRequest): Promise<LogPage> {
  const selection = await selectPodLogs(bundle, {
    namespace: target.namespace,
    pod: target.pod,
    ...(target.container === undefined ? {} : { container: target.container }),
    previous: target.previous,
  });
  const source = selection.sources[0];
  const container = source?.kind === 'pod' ? source.container : (target.container ?? null);
  return logPage(bundle, analysisId, {
    source: { kind: 'pod', namespace: target.namespace, pod: target.pod, container, node: null, file: null, previous: target.previous },
    sources: selection.sources,
    logs: podLogChoices(bundle, analysisId, target.namespace, target.pod),
    notes: selection.notes,
    request,
  });
}

export interface NodeLogTarget {
  node: string;
  /** Undefined: no log chosen yet; the page lists the node's logs. */
  file?: string;
  previous: boolean;
}

/** A page of a node's log (`nodes/<node>.zip!/<node>/logs/…`), or the list of its logs. */
export async function nodeLogPage(bundle: Bundle, analysisId: string, target: NodeLogTarget, request: LogLinesRequest): Promise<LogPage> {
  const logs = nodeLogChoices(bundle, analysisId, target.node);
  let sources: LogSource[] = [];
  if (target.file !== undefined) {
    sources = (await selectNodeLog(bundle, { node: target.node, file: target.file, previous: target.previous })).sources;
  } else if (bundle.index.nodeFiles(target.node).length === 0) {
    // A node without files: selectNodeLog says why (no node bundle, which nodes there are) before it looks for any file.
    await selectNodeLog(bundle, { node: target.node, file: 'logs', previous: false });
  }
  return logPage(bundle, analysisId, {
    source: { kind: 'node', namespace: null, pod: null, container: null, node: target.node, file: target.file ?? null, previous: target.previous },
    sources,
    logs,
    notes: target.file === undefined ? [`choose one of the ${logs.length} logs of node ${target.node}`] : [],
    request,
  });
}

async function logPage(
  bundle: Bundle,
  analysisId: string,
  parts: { source: LogPage['source']; sources: LogSource[]; logs: LogPage['logs']; notes: string[]; request: LogLinesRequest },
): Promise<LogPage> {
  const { request } = parts;
  const grep = request.grep === undefined ? undefined : safePattern(request.grep);
  const since = request.since === undefined ? undefined : await sinceOf(bundle, request.since);
  const read = readLogLines(parts.sources, {
    ...(grep ? { grep } : {}),
    ...(since === undefined ? {} : { since }),
    ...(request.tail === undefined ? {} : { tail: request.tail }),
    ...(request.signal ? { signal: request.signal } : {}),
  });
  const lines: BundleLogLine[] = [];
  let skipped = 0;
  let more = false;
  for await (const line of read) {
    if (request.tail === undefined) {
      if (skipped < request.offset) {
        skipped += 1;
        continue;
      }
      if (lines.length === request.limit) {
        more = true;
        break;
      }
    }
    lines.push(line);
  }
  const { value, masked } = redactObject({
    lines: lines.map((line) => ({ path: line.path, line: line.line, time: line.time === undefined ? null : new Date(line.time).toISOString(), text: line.text, truncated: line.truncated === true })),
    notes: parts.notes,
  });
  return {
    analysisId,
    source: parts.source,
    files: parts.sources.map((source) => source.file.path),
    logs: parts.logs,
    lines: value.lines,
    offset: request.tail === undefined ? request.offset : 0,
    nextOffset: more ? request.offset + lines.length : null,
    notes: value.notes,
    masked,
  };
}

function safePattern(source: string): SafePattern {
  try {
    return new SafePattern(source);
  } catch (error) {
    if (error instanceof UnsafePatternError) throw new BadParameterError('grep', error.message.replace(/^pattern /, ''));
    throw error;
  }
}

async function sinceOf(bundle: Bundle, text: string): Promise<number | undefined> {
  const createdAt = (await bundle.facts()).createdAt;
  try {
    return parseSince(text, createdAt ? Date.parse(createdAt) : undefined);
  } catch (error) {
    if (error instanceof BadRequestError) throw new BadParameterError('since', error.message.replace(/^--since: /, ''));
    throw error;
  }
}
