import type { Bundle } from '../bundle.js';
import type { BundleFacts } from '../facts/bundle-facts.js';
import type { KubeObject } from '../resources/kube-object.js';
import { FieldLocator } from '../resources/field-locator.js';
import { field, text } from '../resources/object-fields.js';
import type { NodeDetail, NodeOverview } from './overview-types.js';

const ROLE_LABEL = /^node-role\.(?:kubernetes\.io|harvesterhci\.io)\/(.+)$/;

/**
 * One line per node: roles, Ready, cordoned, kernel, OS and kubelet. The OS comes from the node
 * bundle's `configs/etc/os-release` when the bundle has it (what is installed), else from the
 * Node's `status.nodeInfo.osImage`; kernel and kubelet from `status.nodeInfo`. A node known only
 * from its node bundle (not in nodes.yaml) is listed with what its files say.
 */
export async function nodeOverviews(bundle: Bundle, facts: BundleFacts, nodes: readonly KubeObject[]): Promise<NodeOverview[]> {
  const locator = new FieldLocator(bundle);
  const withBundle = new Set(bundle.index.nodes());
  const byName = new Map(nodes.map((node) => [node.metadata.name, node]));
  const names = [...new Set([...facts.nodes, ...byName.keys()])].sort();
  const overviews: NodeOverview[] = [];
  for (const name of names) {
    const node = byName.get(name);
    const overview: NodeOverview = { name, roles: [], cordoned: false, nodeBundle: withBundle.has(name) };
    if (node) {
      const origin = bundle.origin(node);
      if (origin) overview.source = { path: origin.path, line: origin.line };
      overview.roles = Object.keys(node.metadata.labels ?? {}).flatMap((label) => ROLE_LABEL.exec(label)?.[1] ?? []).sort();
      overview.cordoned = field(node, 'spec', 'unschedulable') === true;
      const conditions = field(node, 'status', 'conditions');
      const ready = Array.isArray(conditions) ? conditions.find((condition) => field(condition, 'type') === 'Ready') : undefined;
      const status = text(field(ready, 'status'));
      if (status) overview.ready = status;
      const reason = text(field(ready, 'reason'));
      if (reason) overview.readyReason = reason;
      const since = text(field(ready, 'lastTransitionTime'));
      if (since) overview.readySince = since;
      for (const [key, detail] of [
        ['kernel', 'kernelVersion'],
        ['os', 'osImage'],
        ['kubelet', 'kubeletVersion'],
      ] as const) {
        const value = text(field(node, 'status', 'nodeInfo', detail));
        if (value) overview[key] = await nodeInfoDetail(locator, node, value, detail, origin?.path ?? '');
      }
    }
    const osRelease = await osReleaseOf(bundle, name);
    if (osRelease) overview.os = osRelease;
    overviews.push(overview);
  }
  return overviews;
}

async function nodeInfoDetail(locator: FieldLocator, node: KubeObject, value: string, key: string, path: string): Promise<NodeDetail> {
  const line = await locator.line(node, `/status/nodeInfo/${key}`);
  return { value, source: line === undefined ? { path } : { path, line } };
}

/** `PRETTY_NAME` of the node bundle's `configs/etc/os-release` (else `NAME VERSION`). */
async function osReleaseOf(bundle: Bundle, node: string): Promise<NodeDetail | undefined> {
  const entry = bundle.nodeFile(node, 'configs/etc/os-release');
  if (!entry || entry.size > 64 * 1024) return undefined;
  let content: string;
  try {
    content = await bundle.readText(entry.path);
  } catch {
    return undefined;
  }
  const lines = content.split('\n');
  const valueOf = (key: string) => {
    const index = lines.findIndex((line) => line.startsWith(`${key}=`));
    if (index < 0) return undefined;
    const value = lines[index]!.slice(key.length + 1).trim().replace(/^"(.*)"$/, '$1').replace(/^'(.*)'$/, '$1');
    return value ? { value, line: index + 1 } : undefined;
  };
  const pretty = valueOf('PRETTY_NAME');
  if (pretty) return { value: pretty.value, source: { path: entry.path, line: pretty.line } };
  const name = valueOf('NAME');
  if (!name) return undefined;
  const version = valueOf('VERSION');
  return { value: version ? `${name.value} ${version.value}` : name.value, source: { path: entry.path, line: name.line } };
}
