import type { Bundle, LogFile } from '@bundle-triage/core';
import type { LogInputSpec, NodeFileInputSpec } from '../rule/rule-types.js';

/**
 * The log files a log or node-file input names (nothing is read), as one log per series: a
 * container's previous run (`<c>.log.1`) before its current one, a node's `kernel.log.2`,
 * `kernel.log.1` before `kernel.log` (core's `bundle.logSeries`). Each file is still searched, and
 * each line cited, on its own; only the order says which line came first, so evidence starts with
 * the oldest and `last` is the latest. `previous: true` is the previous run alone, `false` the
 * current one alone.
 */
export function logFilesFor(spec: LogInputSpec | NodeFileInputSpec, bundle: Bundle): LogFile[] {
  if ('nodeFile' in spec) return nodeFiles(spec.nodeFile.path, bundle);
  const query = spec.logs;
  if (query.nodeFile !== undefined) return nodeFiles(query.nodeFile, bundle);
  return bundle
    .logSeries({
      kind: 'pod',
      ...(query.namespace ? { namespace: query.namespace } : {}),
      ...(query.container ? { container: query.container } : {}),
    })
    .filter((series) => query.podPrefix === undefined || (series.pod ?? '').startsWith(query.podPrefix))
    .flatMap((series) => series.files)
    .filter((file) => query.previous === undefined || Boolean(file.previous) === query.previous);
}

/**
 * A node file of every node that has it, logs or not (`configs/etc/harvester-release.yaml` too);
 * a log under `logs/` with its rotations, oldest first. Nodes in name order.
 */
function nodeFiles(file: string, bundle: Bundle): LogFile[] {
  return bundle.logSeries({ kind: 'node', file }).flatMap((series) => series.files);
}

/**
 * One pod's logs as a podLog condition reads them: container by container (in name order), each
 * container's previous run (`<c>.log.1`) before its current one (`<c>.log`).
 */
export function podLogFiles(bundle: Bundle, query: { namespace: string; pod: string; container?: string; previous?: boolean }): LogFile[] {
  return bundle
    .logSeries({ kind: 'pod', namespace: query.namespace, pod: query.pod, ...(query.container === undefined ? {} : { container: query.container }) })
    .flatMap((series) => series.files)
    .filter((file) => query.previous === undefined || (file.previous === true) === query.previous);
}
