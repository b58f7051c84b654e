import { nodeArchiveName, parseNodePath, parseSupportconfigPath } from '../source/node-layout.js';
import type { IndexEntry } from './index-entry.js';

/**
 * Decides what a bundle path is from its name alone (bundle-format.md §1.5). Segments are
 * counted, never searched for dots: `apps`, `batch` and `policy` are groups without one.
 * Anything that does not fit the grammar is `other`; this function never throws.
 */
export function classifyPath(path: string, size = 0): IndexEntry {
  if (path.startsWith('nodes/')) return classifyNodePath(path, size);
  if (path.includes('!/')) return other(path, size);

  const parts = path.split('/');
  const top = parts[0];
  if (parts.length === 1) {
    if (path === 'metadata.yaml') return { type: 'metadata', path, size };
    if (path === 'bundleGenerationError.log') return { type: 'generationErrors', path, size };
    if (path === 'prometheus-alerts.json') return { type: 'prometheusAlerts', path, size };
    return other(path, size);
  }
  if (top === 'yamls') return classifyResourcePath(parts, path, size);
  if (top === 'logs') return classifyPodLogPath(parts, path, size);
  return other(path, size);
}

function classifyResourcePath(parts: string[], path: string, size: number): IndexEntry {
  const file = parts[parts.length - 1]!;
  if (!file.endsWith('.yaml') || file.length <= '.yaml'.length) return other(path, size);
  const resource = file.slice(0, -'.yaml'.length);
  const scope = parts[1];
  // yamls/cluster/<v>/<r>.yaml (4) | yamls/cluster/<g>/<v>/<r>.yaml (5)
  if (scope === 'cluster') {
    if (parts.length === 4) return resourceEntry(path, size, 'cluster', undefined, '', parts[2]!, resource);
    if (parts.length === 5) return resourceEntry(path, size, 'cluster', undefined, parts[2]!, parts[3]!, resource);
  }
  // yamls/namespaced/<ns>/<v>/<r>.yaml (5) | yamls/namespaced/<ns>/<g>/<v>/<r>.yaml (6)
  if (scope === 'namespaced') {
    if (parts.length === 5) return resourceEntry(path, size, 'namespaced', parts[2]!, '', parts[3]!, resource);
    if (parts.length === 6) return resourceEntry(path, size, 'namespaced', parts[2]!, parts[3]!, parts[4]!, resource);
  }
  return other(path, size);
}

function resourceEntry(
  path: string,
  size: number,
  scope: 'cluster' | 'namespaced',
  namespace: string | undefined,
  group: string,
  version: string,
  resource: string,
): IndexEntry {
  // An empty segment (`a//b`) means the name does not follow the grammar.
  if (namespace === '' || version === '' || resource === '') return other(path, size);
  return namespace === undefined
    ? { type: 'resource', path, size, scope, group, version, resource }
    : { type: 'resource', path, size, scope, namespace, group, version, resource };
}

function classifyPodLogPath(parts: string[], path: string, size: number): IndexEntry {
  // logs/<ns>/<pod>/<container>.log | <container>.log.1
  if (parts.length !== 4) return other(path, size);
  const [, namespace, pod, file] = parts as [string, string, string, string];
  if (!namespace || !pod) return other(path, size);
  const previous = file.endsWith('.log.1');
  const suffix = previous ? '.log.1' : '.log';
  if (!file.endsWith(suffix) || file.length <= suffix.length) return other(path, size);
  return { type: 'podLog', path, size, namespace, pod, container: file.slice(0, -suffix.length), previous };
}

function classifyNodePath(path: string, size: number): IndexEntry {
  const node = nodeArchiveName(path);
  if (node !== undefined) return { type: 'nodeArchive', path, size, node };
  const parsed = parseNodePath(path);
  if (!parsed) return other(path, size);
  const supportconfig = parseSupportconfigPath(parsed.file);
  if (supportconfig?.kind === 'archive') return { type: 'nodeFile', path, size, node: parsed.node, file: parsed.file, supportconfigArchive: true };
  if (supportconfig?.kind === 'member') return { type: 'nodeFile', path, size, node: parsed.node, file: `supportconfig/${supportconfig.file}` };
  return { type: 'nodeFile', path, size, node: parsed.node, file: parsed.file };
}

function other(path: string, size: number): IndexEntry {
  return { type: 'other', path, size };
}
