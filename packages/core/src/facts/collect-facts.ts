import { load as loadYaml, JSON_SCHEMA } from 'js-yaml';
import type { BundleIndex } from '../index/bundle-index.js';
import type { NodeFileEntry } from '../index/index-entry.js';
import type { KubeObject } from '../resources/kube-object.js';
import type { ResourceQuery } from '../resources/resource-query.js';
import { releaseSemver, type BundleFacts, type FactSource, type HarvesterVersionFact } from './bundle-facts.js';

export interface FactReaders {
  index: BundleIndex;
  /** The files of a node's bundle (opening the node bundles first, when they are opened on demand). */
  nodeFiles(node: string): Promise<NodeFileEntry[]>;
  root: string;
  readText(path: string): Promise<string>;
  resources(query: ResourceQuery): Promise<KubeObject[]>;
  locate(object: KubeObject, pointer: string): Promise<number | undefined>;
  originPath(object: KubeObject): string | undefined;
  isEmptyList(path: string): Promise<boolean>;
  report(path: string, message: string): void;
}

const STUB_MAX_BYTES = 512;

export async function collectFacts(readers: FactReaders): Promise<BundleFacts> {
  const metadata = await readMetadata(readers);
  const facts: BundleFacts = {
    nodes: [],
    nodesWithoutBundle: [],
    collectedNamespaces: [],
    uncollectedNamespaces: [],
    oldKit: false,
    emptyListFiles: 0,
  };

  const createdAt = stringField(metadata, 'bundlecreatedat');
  if (createdAt) {
    facts.createdAt = createdAt;
    facts.createdAtSource = { path: 'metadata.yaml', ...lineOf(metadata, 'bundlecreatedat'), description: 'metadata.yaml bundlecreatedat' };
  } else {
    // The bundle folder is named supportbundle_<id>_<YYYY-MM-DDTHH-MM-SSZ>.
    const stamp = /_(\d{4}-\d\d-\d\d)T(\d\d)-(\d\d)-(\d\d)Z$/.exec(readers.root);
    if (stamp) {
      facts.createdAt = `${stamp[1]}T${stamp[2]}:${stamp[3]}:${stamp[4]}Z`;
      facts.createdAtSource = { path: '', description: 'bundle folder name' };
    }
  }
  const kubernetesVersion = stringField(metadata, 'kubernetesversion');
  if (kubernetesVersion) {
    facts.kubernetesVersion = kubernetesVersion;
    facts.kubernetesVersionSource = { path: 'metadata.yaml', ...lineOf(metadata, 'kubernetesversion'), description: 'metadata.yaml kubernetesversion' };
  }
  for (const [key, field] of [
    ['bundlename', 'bundleName'],
    ['issueurl', 'issueUrl'],
    ['issuedescription', 'issueDescription'],
    ['projectnamespaceuuid', 'projectNamespaceUid'],
  ] as const) {
    const value = stringField(metadata, key);
    if (value) facts[field] = value;
  }

  const clusterNodes = await readers.resources({ group: '', resource: 'nodes', namespace: null });
  if (!facts.kubernetesVersion) {
    const kubelet = clusterNodes.map((node) => nested(node, ['status', 'nodeInfo', 'kubeletVersion'])).find((v) => typeof v === 'string');
    if (typeof kubelet === 'string') {
      facts.kubernetesVersion = kubelet;
      facts.kubernetesVersionSource = { path: readers.originPath(clusterNodes[0]!) ?? '', description: 'node status.nodeInfo.kubeletVersion' };
    }
  }
  const withBundle = readers.index.nodes();
  const listed = clusterNodes.map((node) => node.metadata.name).filter(Boolean);
  facts.nodes = [...new Set([...listed, ...withBundle])].sort();
  facts.nodesWithoutBundle = listed.filter((node) => !withBundle.includes(node)).sort();

  const harvesterVersion = await readHarvesterVersion(readers, withBundle);
  if (harvesterVersion) facts.harvesterVersion = harvesterVersion;

  const collected = new Set([...readers.index.namespaceFolders(), ...readers.index.logNamespaces()]);
  // Since kit v0.0.29 an empty list writes no file, so a collected namespace with no objects has
  // no folder. Namespaces the collector always asks for count as collected when any YAML exists.
  if (readers.index.resourceFiles().length > 0) {
    for (const namespace of await alwaysCollectedNamespaces(readers)) collected.add(namespace);
  }
  facts.collectedNamespaces = [...collected].sort();
  const existing = await readers.resources({ group: '', resource: 'namespaces', namespace: null });
  facts.uncollectedNamespaces = existing
    .map((namespace) => namespace.metadata.name)
    .filter((name) => name && !collected.has(name))
    .sort();

  let stubs = 0;
  for (const file of readers.index.resourceFiles()) {
    if (file.size > STUB_MAX_BYTES) continue;
    if (await readers.isEmptyList(file.path)) stubs += 1;
  }
  facts.emptyListFiles = stubs;
  facts.oldKit = stubs > 0;
  return facts;
}

async function readMetadata(readers: FactReaders): Promise<{ values: Record<string, unknown>; text: string } | undefined> {
  if (!readers.index.has('metadata.yaml')) {
    readers.report('metadata.yaml', 'metadata.yaml is missing; creation time and Kubernetes version come from elsewhere');
    return undefined;
  }
  try {
    const text = await readers.readText('metadata.yaml');
    const values = loadYaml(text, { schema: JSON_SCHEMA, json: true });
    if (values === null || typeof values !== 'object' || Array.isArray(values)) throw new Error('not a map of fields');
    return { values: values as Record<string, unknown>, text };
  } catch (error) {
    readers.report('metadata.yaml', `cannot read metadata.yaml: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    return undefined;
  }
}

function stringField(metadata: { values: Record<string, unknown> } | undefined, key: string): string | undefined {
  const value = metadata?.values[key];
  if (typeof value !== 'string') return undefined;
  return value === '' || value === 'null' ? undefined : value;
}

function lineOf(metadata: { text: string } | undefined, key: string): { line?: number } {
  if (!metadata) return {};
  const index = metadata.text.split('\n').findIndex((line) => line.startsWith(`${key}:`));
  return index < 0 ? {} : { line: index + 1 };
}

/**
 * Harvester's version is not in metadata.yaml. In order of trust: the `server-version` setting
 * (what the running cluster reports), a node's harvester-release.yaml (what is installed on
 * disk; the only source in old bundles), the `harvester` ManagedChart's spec.version.
 */
async function readHarvesterVersion(readers: FactReaders, nodesWithBundle: string[]): Promise<HarvesterVersionFact | undefined> {
  const settings = await readers.resources({ group: 'harvesterhci.io', resource: 'settings', namespace: null, name: 'server-version' });
  const setting = settings[0];
  const settingValue = setting && (typeof setting.value === 'string' && setting.value ? setting.value : setting.default);
  if (setting && typeof settingValue === 'string' && settingValue) {
    const pointer = typeof setting.value === 'string' && setting.value ? '/value' : '/default';
    return versionFact(settingValue, {
      path: readers.originPath(setting) ?? '',
      ...optionalLine(await readers.locate(setting, pointer)),
      description: 'setting server-version',
    });
  }

  for (const node of nodesWithBundle) {
    const release = (await readers.nodeFiles(node)).find((entry) => entry.file === 'configs/etc/harvester-release.yaml');
    if (!release) continue;
    try {
      const text = await readers.readText(release.path);
      const values = loadYaml(text, { schema: JSON_SCHEMA, json: true }) as Record<string, unknown> | null;
      const value = values?.harvester;
      if (typeof value === 'string' && value) {
        const line = text.split('\n').findIndex((candidate) => candidate.startsWith('harvester:'));
        return versionFact(value, { path: release.path, ...optionalLine(line < 0 ? undefined : line + 1), description: `node ${node} harvester-release.yaml` });
      }
    } catch (error) {
      readers.report(release.path, `cannot read harvester-release.yaml: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    }
  }

  const charts = await readers.resources({ group: 'management.cattle.io', resource: 'managedcharts', namespace: 'fleet-local', name: 'harvester' });
  const chart = charts[0];
  const chartVersion = chart && nested(chart, ['spec', 'version']);
  if (chart && typeof chartVersion === 'string' && chartVersion) {
    return versionFact(chartVersion, {
      path: readers.originPath(chart) ?? '',
      ...optionalLine(await readers.locate(chart, '/spec/version')),
      description: 'ManagedChart fleet-local/harvester spec.version',
    });
  }
  return undefined;
}

/**
 * The kit always collects `default`, `kube-system` and `cattle-system`; Harvester adds its
 * DefaultNamespaces (bundle-format.md §1.5) and the SupportBundle's extra namespaces. Only the
 * namespaces present since v1.0 are assumed; later additions are counted when they have files.
 */
async function alwaysCollectedNamespaces(readers: FactReaders): Promise<string[]> {
  const namespaces = new Set(['default', 'kube-system', 'cattle-system', 'cattle-dashboards', 'cattle-monitoring-system', 'fleet-local', 'harvester-system', 'local', 'longhorn-system']);
  const supportBundles = await readers.resources({ group: 'harvesterhci.io', resource: 'supportbundles', namespace: 'harvester-system' });
  for (const bundle of supportBundles) {
    const extra = nested(bundle, ['spec', 'extraCollectionNamespaces']);
    if (Array.isArray(extra)) for (const namespace of extra) if (typeof namespace === 'string' && namespace) namespaces.add(namespace);
  }
  return [...namespaces];
}

function versionFact(value: string, source: FactSource): HarvesterVersionFact {
  const semver = releaseSemver(value);
  return semver === undefined ? { value, development: true, source } : { value, semver, development: false, source };
}

function optionalLine(line: number | undefined): { line?: number } {
  return line === undefined ? {} : { line };
}

function nested(object: unknown, path: string[]): unknown {
  let current = object;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}
