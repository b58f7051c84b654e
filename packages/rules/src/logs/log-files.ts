import type { Bundle, LogFile } from '@bundle-triage/core';
import type { LogInputSpec, NodeFileInputSpec } from '../rule/rule-types.js';

/** The log files a log or node-file input names (nothing is read). */
export function logFilesFor(spec: LogInputSpec | NodeFileInputSpec, bundle: Bundle): LogFile[] {
  if ('nodeFile' in spec) return nodeFiles(spec.nodeFile.path, bundle);
  const query = spec.logs;
  if (query.nodeFile !== undefined) return nodeFiles(query.nodeFile, bundle);
  return bundle
    .logs({
      kind: 'pod',
      ...(query.namespace ? { namespace: query.namespace } : {}),
      ...(query.container ? { container: query.container } : {}),
      ...(query.previous === undefined ? {} : { previous: query.previous }),
    })
    .filter((file) => query.podPrefix === undefined || (file.pod ?? '').startsWith(query.podPrefix));
}

/** A node file of every node that has it, logs or not (`configs/etc/harvester-release.yaml` too). */
function nodeFiles(file: string, bundle: Bundle): LogFile[] {
  return bundle.index
    .nodeFiles()
    .filter((entry) => entry.file === file)
    .flatMap((entry) => bundle.log(entry.path) ?? [])
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
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
