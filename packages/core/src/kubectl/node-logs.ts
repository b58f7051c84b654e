import type { Bundle } from '../bundle.js';
import { NotInBundleError } from './kubectl-errors.js';
import type { LogSource } from './log-lines.js';

export interface NodeLogRequest {
  node: string;
  /** `rke2-server`, `rke2-server.log`, `logs/kernel.log`, or any file of the node bundle. */
  file: string;
  /** The previous boot's or rotation's file: `kernel.log.1`. */
  previous?: boolean;
}

export interface NodeLogSelection {
  node: string;
  sources: LogSource[];
}

/**
 * A file of a node's bundle (`nodes/<node>.zip` or an extracted `nodes/<node>/`), named as
 * `kubectl logs` names a container on the kit's simulator: `rke2-server` is `logs/rke2-server.log`.
 */
export async function selectNodeLog(bundle: Bundle, request: NodeLogRequest): Promise<NodeLogSelection> {
  // A bundle opened with nestedArchives: 'when-needed' opens its node bundles here, the first
  // read of a node file (and the supportconfig archives only for a file inside them).
  await bundle.openNestedArchives({ nodeBundles: true, supportconfig: request.file.replace(/^\/+/, '').startsWith('supportconfig/') });
  const entries = bundle.index.nodeFiles(request.node).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  if (entries.length === 0) {
    const facts = await bundle.facts();
    const reason = facts.nodesWithoutBundle.includes(request.node)
      ? 'the node is in the cluster but has no node bundle (its collection timed out, it was NotReady, or the bundle was trimmed)'
      : facts.nodes.length > 0
        ? `the bundle's nodes: ${facts.nodes.join(', ')}`
        : 'the bundle has no node bundles';
    throw new NotInBundleError(`node "${request.node}"`, `node "${request.node}" has no files in the bundle`, reason);
  }
  const suffix = request.previous ? '.1' : '';
  const name = request.file.replace(/^\/+/, '');
  const candidates = [`${name}${suffix}`, `logs/${name}${suffix}`, `logs/${name}.log${suffix}`];
  const entry = candidates.map((candidate) => entries.find((file) => file.file === candidate)).find((found) => found !== undefined);
  if (!entry) {
    const logs = entries.filter((file) => file.file.startsWith('logs/')).map((file) => file.file.slice('logs/'.length).replace(/\.log$/, ''));
    throw new NotInBundleError(
      `node file "${request.file}"`,
      `node ${request.node} has no ${request.previous ? 'previous ' : ''}log "${request.file}" in the bundle`,
      logs.length > 0 ? `its logs: ${[...new Set(logs)].join(', ')}` : 'its node bundle has no logs/ folder',
    );
  }
  const file = bundle.log(entry.path);
  if (!file) throw new NotInBundleError(`node file "${request.file}"`, `${entry.path} cannot be read as a log`);
  return { node: request.node, sources: [{ kind: 'node', file, node: request.node, nodeFile: entry.file }] };
}
