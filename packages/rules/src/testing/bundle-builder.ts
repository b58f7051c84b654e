/**
 * An in-memory Harvester support bundle with the real on-disk layout (bundle-format.md), for rule
 * tests and for the committed fixtures under `testdata/bundles`.
 *
 * The builder holds Kubernetes objects, pod logs and node files, and writes them the way
 * support-bundle-kit does: one `kind: List` per resource and namespace, encoded like yaml.v2,
 * items sorted by namespace/name with `apiVersion`/`kind` injected, `""` rewritten to `"null"`,
 * secrets and excluded resources left out, namespaces that were not collected left out, node
 * bundles as nested Info-ZIP archives, and `metadata.yaml` / `bundleGenerationError.log` at the
 * root. A fixture therefore states *what the cluster looked like*, and the builder takes care of
 * *what the kit would have written* — including the differences between kit versions.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

import { toGoYaml } from './go-yaml.js';
import { infoZip } from './info-zip.js';
import { applyKitNullRewrite } from './kit-null-rewrite.js';
import { KIT_PROFILES, type KitName, type KitProfile } from './kit-profile.js';
import { formatJournalLine, instantNanos, podLogTimestamp, type JournalLine, type PodLogLine } from './log-lines.js';
import {
  groupVersionString,
  isCustomResourceGroup,
  parseApiVersion,
  pluralForKind,
  resourceListPath,
  type ResourceListLocation,
} from './resource-path.js';
import { tar, tarGz, type TarEntry } from './tar-gz.js';
import { xz } from './xz.js';

/** A Kubernetes object as the API serves it (JSON-shaped). */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; [field: string]: unknown };
  [field: string]: unknown;
}

export interface BundleBuilderOptions {
  /** When the kit started, RFC3339 UTC without fractions, e.g. `2025-03-06T22:45:28Z`. */
  createdAt: string;
  /** API server GitVersion, e.g. `v1.30.7+rke2r1`. */
  kubernetesVersion: string;
  /** UID of the `harvester-system` namespace; names the zip and its top folder. Derived from createdAt if absent. */
  namespaceUid?: string;
  /** SupportBundle CR name; `""` in the old kit (as in the v1.0 sample). */
  bundleName?: string;
  /** Which support-bundle-kit wrote the bundle; see kit-profile.ts. Default `current`. */
  kit?: KitName;
  /**
   * Harvester's `support-bundle-file-name` setting (v1.8+, kit ≥ v0.0.82): the kit then names the
   * bundle `supportbundle_<this>_<ts>.zip` instead of using the namespace UID. Ignored by older kits.
   */
  fileName?: string;
}

/**
 * How far an engineer unpacked the bundle before handing it on (bundle-format.md §7). The kit
 * itself always writes `zip` and `archive`; the other forms are the same data, unpacked further.
 */
export interface BundleLayout {
  /**
   * `zip`: `nodes/<node>.zip` (the kit's); `zip+folder`: the zip and `nodes/<node>/` unpacked beside
   * it; `folder`: only the unpacked folders; `none`: no `nodes/` at all (node collection failed or
   * timed out for every node).
   */
  nodes?: 'zip' | 'zip+folder' | 'folder' | 'none';
  /** `archive`: the kit's `.txz`; `archive+folder`: also unpacked beside itself (inside unpacked node folders). */
  supportconfig?: 'archive' | 'archive+folder';
}

/** The node's supportconfig as the builder keeps it until the kit profile places it. */
export interface SupportconfigFiles {
  /** `<file name>` → content, e.g. `basic-health-check.txt`. */
  files: ReadonlyMap<string, string>;
  /** Files the collector's limited module list (kit ≥ v0.0.36) still writes; the rest only appear in full runs. */
  selected: ReadonlySet<string>;
  /** The 6-character random suffix kits ≥ v0.0.65 add to the name. */
  suffix: string;
}

/** Where to file an object when its kind alone does not say it (see resource-path.ts). */
export interface ObjectPlacement {
  /** API resource name, e.g. `network-attachment-definitions`; derived from the kind by default. */
  resource?: string;
  /** API version to list it under (the discovery-preferred one); the object's own by default. */
  version?: string;
}

/** The fields of `metadata.yaml` (the kit's `BundleMeta`), in the kit's field order. */
export interface BundleMetadata {
  bundleName: string;
  bundleVersion: string;
  kubernetesVersion: string;
  projectNamespaceUuid: string;
  bundleCreatedAt: string;
  issueUrl: string;
  issueDescription: string;
}

export interface PodLogOptions {
  /** The previous container instance (`<container>.log.1`), written only by kits that collect it. */
  previous?: boolean;
}

interface StoredObject {
  object: KubeObject;
  location: ResourceListLocation;
}

/** Namespaces the kit always collects; Harvester adds its own (DefaultNamespaces) on top. */
const KIT_DEFAULT_NAMESPACES = ['default', 'kube-system', 'cattle-system'];

/** Namespaced resources every cluster serves, stubbed by the old kit even when nothing else uses them. */
const BASELINE_NAMESPACED_RESOURCES = [
  'v1/configmaps', 'v1/endpoints', 'v1/events', 'v1/limitranges', 'v1/persistentvolumeclaims', 'v1/pods',
  'v1/podtemplates', 'v1/replicationcontrollers', 'v1/resourcequotas', 'v1/serviceaccounts', 'v1/services',
  'apps/v1/controllerrevisions', 'apps/v1/daemonsets', 'apps/v1/deployments', 'apps/v1/replicasets',
  'apps/v1/statefulsets', 'batch/v1/cronjobs', 'batch/v1/jobs', 'coordination.k8s.io/v1/leases',
  'discovery.k8s.io/v1/endpointslices', 'events.k8s.io/v1/events', 'networking.k8s.io/v1/ingresses',
  'networking.k8s.io/v1/networkpolicies', 'policy/v1/poddisruptionbudgets',
  'rbac.authorization.k8s.io/v1/rolebindings', 'rbac.authorization.k8s.io/v1/roles',
];

/** Resources Harvester tells the kit to leave out (getExcludeResources), besides core secrets. */
const EXCLUDED_RESOURCES = new Set([
  'management.cattle.io/authconfigs', 'management.cattle.io/authtokens', 'management.cattle.io/samltokens',
  'management.cattle.io/tokens', 'management.cattle.io/users',
]);

/** Keys the kit keeps in `fleet-local` machine-plan secrets (getSecretsTargetData). */
const MACHINE_PLAN_DATA_KEYS = new Set([
  'applied-checksum', 'applied-output', 'applied-periodic-output', 'failed-checksum', 'failed-output',
  'failure-count', 'failure-threshold', 'last-apply-time', 'max-failures', 'probe-statuses', 'success-count',
]);

/** Harvester settings the harvester collector drops before writing settings.yaml. */
const REDACTED_SETTINGS = new Set(['cluster-registration-url', 'containerd-registry', 'additional-ca', 'ssl-certificates']);

/** How far apart the builder's clock stamps consecutive untimed pod log lines. */
const UNTIMED_LINE_STEP_NANOS = 250_000_137n;

const encoder = new TextEncoder();

export class BundleBuilder {
  readonly kit: KitProfile;
  private readonly metadata: BundleMetadata;
  private readonly objects = new Map<string, StoredObject>();
  private readonly namespaces: string[] = [...KIT_DEFAULT_NAMESPACES];
  private readonly podLogs = new Map<string, string[]>();
  private readonly nodeFiles = new Map<string, Map<string, Uint8Array>>();
  private readonly supportconfigs = new Map<string, SupportconfigFiles>();
  private readonly fileName: string | undefined;
  private readonly rootFiles = new Map<string, Uint8Array>();
  private readonly generationErrors: string[] = [];
  private nextResourceVersion = 1000;

  constructor(options: BundleBuilderOptions) {
    if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(options.createdAt)) {
      throw new Error(`createdAt must be RFC3339 UTC without fractions (time.Now().UTC().Format(RFC3339)), got ${options.createdAt}`);
    }
    this.kit = KIT_PROFILES[options.kit ?? 'current'];
    this.fileName = options.fileName;
    const namespaceUid = options.namespaceUid ?? deterministicUid(`namespace/harvester-system/${options.createdAt}`);
    this.metadata = {
      bundleName: options.bundleName ?? (this.kit.emptyListStubs ? '' : `bundle-${namespaceUid.slice(0, 5)}`),
      bundleVersion: '0.1.0',
      kubernetesVersion: options.kubernetesVersion,
      projectNamespaceUuid: namespaceUid,
      bundleCreatedAt: options.createdAt,
      issueUrl: '',
      issueDescription: '',
    };
  }

  /**
   * `supportbundle_<nsUID>_<createdAt with ':' → '-'>`: the zip's top folder and base name
   * (`supportbundle_<fileName>_…` when a kit ≥ v0.0.82 was given a file name).
   */
  get topFolderName(): string {
    const id = this.kit.customFileName && this.fileName ? this.fileName : this.metadata.projectNamespaceUuid;
    return `supportbundle_${id}_${this.metadata.bundleCreatedAt.replaceAll(':', '-')}`;
  }

  get createdAt(): string {
    return this.metadata.bundleCreatedAt;
  }

  /** What `metadata.yaml` will say. */
  get bundleMetadata(): Readonly<BundleMetadata> {
    return { ...this.metadata };
  }

  /** The namespaces whose objects and pod logs the kit collects, in collection order. */
  get collectedNamespaces(): readonly string[] {
    return this.namespaces;
  }

  setMetadata(patch: Partial<BundleMetadata>): this {
    Object.assign(this.metadata, patch);
    return this;
  }

  /** Adds namespaces to collect (Harvester's DefaultNamespaces, `support-bundle-namespaces`). */
  collectNamespace(...namespaces: string[]): this {
    for (const namespace of namespaces) if (!this.namespaces.includes(namespace)) this.namespaces.push(namespace);
    return this;
  }

  isCollected(namespace: string): boolean {
    return this.namespaces.includes(namespace);
  }

  /**
   * Adds (or replaces) an object. Missing `uid`, `resourceVersion` and `creationTimestamp` are
   * filled in deterministically. The object is copied; later changes go through updateObject.
   */
  addObject(object: KubeObject, placement: ObjectPlacement = {}): this {
    const copy = structuredClone(object);
    const { group, version } = parseApiVersion(copy.apiVersion);
    const location: ResourceListLocation = {
      group,
      version: placement.version ?? version,
      resource: placement.resource ?? pluralForKind(copy.kind),
      ...(copy.metadata.namespace === undefined ? {} : { namespace: copy.metadata.namespace }),
    };
    const key = objectKey(copy.apiVersion, copy.kind, copy.metadata.namespace, copy.metadata.name);
    const metadata = copy.metadata;
    metadata.uid ??= deterministicUid(key);
    metadata.resourceVersion ??= String(this.nextResourceVersion++);
    metadata.creationTimestamp ??= this.metadata.bundleCreatedAt;
    this.objects.set(key, { object: copy, location });
    return this;
  }

  getObject(apiVersion: string, kind: string, namespace: string | undefined, name: string): KubeObject | undefined {
    const stored = this.objects.get(objectKey(apiVersion, kind, namespace, name));
    return stored && structuredClone(stored.object);
  }

  /** Objects of one kind (optionally in one namespace), sorted by namespace/name. */
  listObjects(apiVersion: string, kind: string, namespace?: string): KubeObject[] {
    const { group } = parseApiVersion(apiVersion);
    return [...this.objects.values()]
      .filter(({ object }) => object.kind === kind && parseApiVersion(object.apiVersion).group === group)
      .filter(({ object }) => namespace === undefined || object.metadata.namespace === namespace)
      .map(({ object }) => structuredClone(object))
      .sort(byNamespaceAndName);
  }

  /** Changes an existing object in place (`mutate` may also return a replacement). Throws if absent. */
  updateObject(
    apiVersion: string,
    kind: string,
    namespace: string | undefined,
    name: string,
    mutate: (object: KubeObject) => KubeObject | void,
  ): this {
    const key = objectKey(apiVersion, kind, namespace, name);
    const stored = this.objects.get(key);
    if (!stored) throw new Error(`no ${kind} ${namespace ? `${namespace}/` : ''}${name} (${apiVersion}) in this bundle`);
    const replacement = mutate(stored.object);
    if (replacement) stored.object = structuredClone(replacement);
    return this;
  }

  removeObject(apiVersion: string, kind: string, namespace: string | undefined, name: string): boolean {
    return this.objects.delete(objectKey(apiVersion, kind, namespace, name));
  }

  /**
   * Removes every object of one API resource (in one namespace, or in all when `namespace` is
   * undefined; `null` for cluster-scoped): a bundle whose kit did not write that list. Returns how
   * many objects went.
   */
  removeResource(group: string, resource: string, namespace?: string | null): number {
    let removed = 0;
    for (const [key, { location }] of this.objects) {
      if (location.group !== group || location.resource !== resource) continue;
      if (namespace !== undefined && (location.namespace ?? null) !== namespace) continue;
      this.objects.delete(key);
      removed += 1;
    }
    return removed;
  }

  /**
   * Writes `logs/<ns>/<pod>/<container>.log` (or `.log.1`), each line prefixed with its
   * RFC3339Nano timestamp. Untimed lines are stamped 250 ms after the previous line (the first
   * one hour before createdAt). Appends when called again for the same container.
   */
  addPodLog(namespace: string, pod: string, container: string, lines: readonly PodLogLine[], options: PodLogOptions = {}): this {
    const path = `logs/${namespace}/${pod}/${container}.log${options.previous ? '.1' : ''}`;
    const existing = this.podLogs.get(path) ?? [];
    let clock = instantNanos(this.metadata.bundleCreatedAt) - 3_600_000_000_000n;
    for (const line of lines) {
      clock = typeof line === 'string' ? clock + UNTIMED_LINE_STEP_NANOS : instantNanos(line.time);
      const text = typeof line === 'string' ? line : line.text;
      existing.push(`${podLogTimestamp(clock)} ${text}`);
    }
    this.podLogs.set(path, existing);
    return this;
  }

  /** Removes every log of a pod (current and previous, all containers): a pod that is gone has none. */
  removePodLogs(namespace: string, pod: string): this {
    for (const path of [...this.podLogs.keys()]) if (path.startsWith(`logs/${namespace}/${pod}/`)) this.podLogs.delete(path);
    return this;
  }

  /** A file inside `nodes/<node>.zip`, path relative to `<node>/` (e.g. `configs/etc/hostname`). */
  addNodeFile(node: string, path: string, content: string | Uint8Array): this {
    let files = this.nodeFiles.get(node);
    if (!files) {
      files = new Map();
      this.nodeFiles.set(node, files);
    }
    files.set(path, typeof content === 'string' ? encoder.encode(content) : content);
    return this;
  }

  /** Drops one file of a node bundle (e.g. a config the node no longer has); false when absent. */
  removeNodeFile(node: string, path: string): boolean {
    return this.nodeFiles.get(node)?.delete(path) ?? false;
  }

  /** Drops a node's whole `nodes/<node>.zip`, as when its collection timed out; false when absent. */
  removeNodeBundle(node: string): boolean {
    this.supportconfigs.delete(node);
    return this.nodeFiles.delete(node);
  }

  /** Drops a node's supportconfig, as from a node bundle collected without one; false when it had none. */
  removeSupportconfig(node: string): boolean {
    return this.supportconfigs.delete(node);
  }

  /**
   * The node's supportconfig (`supportconfig -B supportconfig_<node>[-<suffix>]`), placed as the
   * kit profile says: `logs/` (kit v0.0.26–v0.0.38) or `scc/` (≥ v0.0.39), the random suffix from
   * v0.0.65, all files (full run, before v0.0.36) or the selected modules' ones; nothing before
   * v0.0.26. Written as an xz-compressed tar with one top folder named like the archive.
   */
  addSupportconfig(node: string, supportconfig: SupportconfigFiles): this {
    if (!this.nodeFiles.has(node)) this.nodeFiles.set(node, new Map());
    this.supportconfigs.set(node, supportconfig);
    return this;
  }

  /**
   * A journal log in the node bundle (`logs/<name>`), in the kit's journalctl format. The network
   * unit's log goes where the kit collects it: lines given for `NetworkManager.log` on a kit that
   * collects wicked (or the other way round) leave that unit's journal empty (`-- No entries --`),
   * and kits v0.0.72–v0.0.73 collect neither.
   */
  addNodeLog(node: string, name: string, lines: readonly JournalLine[]): this {
    const network = name === 'NetworkManager.log' || name === 'wicked.log';
    // The kit collects one network unit's journal: wicked's before v0.0.72, none until v0.0.74, then NetworkManager's.
    if (network && (this.kit.networkLogName === undefined || this.kit.networkLogName !== name)) {
      if (this.kit.networkLogName === undefined) return this;
      return this.addNodeFile(node, `logs/${this.kit.networkLogName}`, '-- No entries --\n');
    }
    const text = lines.map((line) => formatJournalLine(line, node, this.kit.preciseJournal)).join('\n');
    return this.addNodeFile(node, `logs/${name}`, lines.length === 0 ? '' : `${text}\n`);
  }

  /** More journal lines at the end of a node's `logs/<name>` (what the node logged after the lines already there). */
  appendNodeLog(node: string, name: string, lines: readonly JournalLine[]): this {
    const existing = this.nodeFiles.get(node)?.get(`logs/${name}`);
    const text = `${lines.map((line) => formatJournalLine(line, node, this.kit.preciseJournal)).join('\n')}\n`;
    if (!existing || existing.length === 0) return this.addNodeFile(node, `logs/${name}`, text);
    const before = new TextDecoder().decode(existing);
    return this.addNodeFile(node, `logs/${name}`, `${before}${before.endsWith('\n') ? '' : '\n'}${text}`);
  }

  /** Any other file at the bundle root, e.g. `prometheus-alerts.json`. */
  addFile(path: string, content: string | Uint8Array): this {
    this.rootFiles.set(path, typeof content === 'string' ? encoder.encode(content) : content);
    return this;
  }

  /** A line of `bundleGenerationError.log` (no timestamp, as the kit writes them). */
  addGenerationError(line: string): this {
    this.generationErrors.push(line);
    return this;
  }

  // --- output ----------------------------------------------------------------------------------

  /** Every file of the bundle, by path relative to the bundle root, in a stable order. */
  toFiles(layout: BundleLayout = {}): Map<string, Uint8Array> {
    const files = new Map<string, Uint8Array>();
    files.set('metadata.yaml', encoder.encode(this.metadataYaml()));
    files.set('bundleGenerationError.log', encoder.encode(this.generationErrors.map((line) => `${line}\n`).join('')));
    for (const [path, content] of [...this.rootFiles].sort(([a], [b]) => byteOrder(a, b))) {
      if (path === 'prometheus-alerts.json' && !this.kit.prometheusAlerts) continue; // kit ≥ v0.0.40 only
      files.set(path, content);
    }
    for (const [path, text] of this.resourceListFiles()) files.set(path, encoder.encode(text));
    for (const [path, lines] of [...this.podLogs].sort(([a], [b]) => byteOrder(a, b))) {
      const namespace = path.split('/')[1]!;
      if (!this.isCollected(namespace)) continue;
      if (path.endsWith('.log.1') && !this.kit.previousPodLogs) continue;
      files.set(path, encoder.encode(lines.map((line) => `${line}\n`).join('')));
    }
    const nodes = layout.nodes ?? 'zip';
    if (nodes === 'none') return files;
    const unpacked: [string, Uint8Array][] = [];
    for (const node of [...this.nodeFiles.keys()].sort(byteOrder)) {
      const nodeFiles = this.nodeBundleFiles(node);
      if (nodes !== 'folder') files.set(`nodes/${node}.zip`, infoZip(node, nodeFiles, this.metadata.bundleCreatedAt));
      if (nodes === 'zip') continue;
      for (const [path, content] of nodeFiles) {
        unpacked.push([`nodes/${node}/${path}`, content]);
        const archive = /^(?:logs|scc)\/(scc_[^/]+)\.txz$/.exec(path);
        if (archive && layout.supportconfig === 'archive+folder') {
          const folder = path.slice(0, -'.txz'.length);
          for (const [name, text] of this.supportconfigFilesFor(node)) unpacked.push([`nodes/${node}/${folder}/${name}`, encoder.encode(text)]);
        }
      }
    }
    for (const [path, content] of unpacked.sort(([a], [b]) => byteOrder(a, b))) files.set(path, content);
    return files;
  }

  /** The bundle as Harvester's UI downloads it: one top folder, Info-ZIP layout. */
  toZip(layout: BundleLayout = {}): Uint8Array {
    return infoZip(this.topFolderName, this.toFiles(layout), this.metadata.bundleCreatedAt);
  }

  /** The extracted bundle re-packed with `tar czf` (top folder kept, node zips left zipped). */
  toTarGz(layout: BundleLayout = {}): Uint8Array {
    const files = this.toFiles(layout);
    const entries: TarEntry[] = [];
    const seen = new Set<string>();
    for (const path of [...files.keys()].sort(byteOrder)) {
      const parts = `${this.topFolderName}/${path}`.split('/');
      for (let depth = 1; depth < parts.length; depth++) {
        const folder = parts.slice(0, depth).join('/');
        if (!seen.has(folder)) {
          seen.add(folder);
          entries.push({ path: folder });
        }
      }
      entries.push({ path: parts.join('/'), data: files.get(path)! });
    }
    return tarGz(entries, this.metadata.bundleCreatedAt);
  }

  /** Writes the bundle root (metadata.yaml, yamls/, logs/, nodes/) into `directory`. */
  writeDirectory(directory: string, layout: BundleLayout = {}): void {
    for (const [path, content] of this.toFiles(layout)) {
      const target = join(directory, path);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, content);
    }
  }

  writeZip(path: string): void {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, this.toZip());
  }

  writeTarGz(path: string): void {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, this.toTarGz());
  }

  // --- what the kit writes -----------------------------------------------------------------------

  /** yaml.v2 output of the BundleMeta struct: lower-cased field names, struct order, no "null" rewrite. */
  private metadataYaml(): string {
    const m = this.metadata;
    const fields: [string, string][] = [
      ['bundlename', m.bundleName],
      ['bundleversion', m.bundleVersion],
      ['kubernetesversion', m.kubernetesVersion],
      ['projectnamespaceuuid', m.projectNamespaceUuid],
      ['bundlecreatedat', m.bundleCreatedAt],
      ['issueurl', m.issueUrl],
      ['issuedescription', m.issueDescription],
    ];
    return fields.map(([key, value]) => toGoYaml({ [key]: value })).join('');
  }

  /** `yamls/**.yaml`: one List per resource (and namespace), as the kit's collectors write them. */
  private resourceListFiles(): [string, string][] {
    const lists = new Map<string, { location: ResourceListLocation; items: KubeObject[] }>();
    for (const { object, location } of this.objects.values()) {
      const written = this.asWrittenByKit(object, location);
      if (!written) continue;
      const path = resourceListPath(location);
      const list = lists.get(path) ?? { location, items: [] };
      list.items.push(written);
      lists.set(path, list);
    }
    if (this.kit.emptyListStubs) {
      for (const stub of this.emptyListStubs()) if (!lists.has(resourceListPath(stub))) lists.set(resourceListPath(stub), { location: stub, items: [] });
    }
    const paths = [...lists.keys()].sort(byteOrder);
    // Each LIST is answered at a later resourceVersion than any object it holds.
    let listResourceVersion = this.nextResourceVersion + 100;
    return paths.map((path) => {
      const { location, items } = lists.get(path)!;
      items.sort(byNamespaceAndName);
      const listMetadata: Record<string, string> = { resourceVersion: String(listResourceVersion++) };
      if (isCustomResourceGroup(location.group)) listMetadata.continue = 'null';
      return [path, toGoYaml({ apiVersion: 'v1', items, kind: 'List', metadata: listMetadata })];
    });
  }

  /** The object as the kit writes it, or undefined when the kit leaves it out. */
  private asWrittenByKit(object: KubeObject, location: ResourceListLocation): KubeObject | undefined {
    const { group, resource, namespace } = location;
    if (namespace !== undefined && !this.isCollected(namespace)) return undefined;
    if (EXCLUDED_RESOURCES.has(`${group}/${resource}`)) return undefined;
    let item = structuredClone(object);
    if (group === '' && resource === 'secrets') {
      // Core secrets are excluded; the harvester collector writes back only fleet-local
      // machine-plan secrets, with their data reduced to an allow-list.
      if (namespace !== 'fleet-local' || item.type !== 'rke.cattle.io/machine-plan') return undefined;
      const data = (item.data ?? {}) as Record<string, unknown>;
      item.data = Object.fromEntries(Object.entries(data).filter(([key]) => MACHINE_PLAN_DATA_KEYS.has(key)));
    }
    if (group === 'harvesterhci.io' && resource === 'settings') {
      if (!this.kit.harvesterSettings || REDACTED_SETTINGS.has(item.metadata.name)) return undefined;
    }
    // LIST responses leave apiVersion/kind out of items; the kit injects the listed ones.
    item = { ...item, apiVersion: groupVersionString(location), kind: object.kind };
    return applyKitNullRewrite(item);
  }

  /** Old kits: every namespaced resource in use anywhere, in every collected namespace. */
  private emptyListStubs(): ResourceListLocation[] {
    const resources = new Set(BASELINE_NAMESPACED_RESOURCES);
    for (const { location } of this.objects.values()) {
      if (location.namespace !== undefined) resources.add(`${groupVersionString(location)}/${location.resource}`);
    }
    const stubs: ResourceListLocation[] = [];
    for (const namespace of this.namespaces) {
      for (const entry of resources) {
        const parts = entry.split('/');
        const resource = parts.pop()!;
        const version = parts.pop()!;
        stubs.push({ group: parts.join('/'), version, resource, namespace });
      }
    }
    return stubs;
  }

  /** The files of `nodes/<node>.zip`, relative to `<node>/`, as this kit writes them. */
  private nodeBundleFiles(node: string): Map<string, Uint8Array> {
    const files = new Map<string, Uint8Array>();
    if (!this.kit.nodeCollector) return files;
    for (const [path, content] of this.nodeFiles.get(node)!) {
      if (this.kit.nodeFilesAbsent.some((pattern) => pattern.test(path))) continue;
      if (this.kit.supportconfig === undefined && /^(?:scc\/|logs\/scc_)/.test(path)) continue;
      files.set(path, content);
    }
    const placement = this.supportconfigPlacement(node);
    if (placement) {
      const entries: TarEntry[] = [{ path: `${placement.name}/` }];
      for (const [name, text] of this.supportconfigFilesFor(node)) entries.push({ path: `${placement.name}/${name}`, data: encoder.encode(text) });
      files.set(placement.path, xz(tar(entries, this.metadata.bundleCreatedAt)));
    }
    return new Map([...files].sort(([a], [b]) => byteOrder(a, b)));
  }

  /** Where this kit puts the node's supportconfig archive, and the folder name inside it. */
  private supportconfigPlacement(node: string): { path: string; name: string } | undefined {
    const supportconfig = this.supportconfigs.get(node);
    const placement = this.kit.supportconfig;
    if (!supportconfig || !placement || !this.kit.nodeCollector) return undefined;
    const name = `scc_supportconfig_${node}${placement.suffix ? `-${supportconfig.suffix}` : ''}`;
    return { path: `${placement.folder}/${name}.txz`, name };
  }

  /** The random suffix of a node's supportconfig, when one was added. */
  supportconfigSuffix(node: string): string | undefined {
    return this.supportconfigs.get(node)?.suffix;
  }

  /** The supportconfig files this kit's collector run writes (all, or the selected modules' ones), by name. */
  private supportconfigFilesFor(node: string): [string, string][] {
    const supportconfig = this.supportconfigs.get(node);
    if (!supportconfig) return [];
    const all = this.kit.supportconfig?.modules === 'all';
    return [...supportconfig.files].filter(([name]) => all || supportconfig.selected.has(name)).sort(([a], [b]) => byteOrder(a, b));
  }
}

function objectKey(apiVersion: string, kind: string, namespace: string | undefined, name: string): string {
  // Keyed by group, not version: a bundle lists each resource under one version only.
  return `${parseApiVersion(apiVersion).group}/${kind}/${namespace ?? ''}/${name}`;
}

function byNamespaceAndName(a: KubeObject, b: KubeObject): number {
  return byteOrder(a.metadata.namespace ?? '', b.metadata.namespace ?? '') || byteOrder(a.metadata.name, b.metadata.name);
}

function byteOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A UUID-shaped id that depends only on `seed`, so fixtures are reproducible. */
export function deterministicUid(seed: string): string {
  const hex = createHash('sha256').update(seed).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
