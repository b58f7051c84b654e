import type { Bundle } from '../bundle.js';
import type { PodLogEntry } from '../index/index-entry.js';
import type { KubeObject } from '../resources/kube-object.js';
import { BadRequestError, NotInBundleError } from './kubectl-errors.js';
import type { LogSource } from './log-lines.js';

export interface PodLogRequest {
  /** Default `default`, as kubectl. */
  namespace?: string;
  pod: string;
  container?: string;
  /** The container's previous run: `<container>.log.1`. */
  previous?: boolean;
  /** Every container of the pod, in the pod's order. */
  allContainers?: boolean;
}

export interface PodLogSelection {
  namespace: string;
  pod: string;
  /** The Pod as the bundle holds it; undefined when only its logs were collected. */
  object: KubeObject | undefined;
  sources: LogSource[];
  /** What kubectl would say on stderr (`Defaulted container "a" out of: a, b`), and bundle caveats. */
  notes: string[];
}

const DEFAULT_CONTAINER_ANNOTATION = 'kubectl.kubernetes.io/default-container';

/**
 * The log files `kubectl logs` would show for a pod: `logs/<ns>/<pod>/<container>.log`, or with
 * `previous` the container's last run, `<container>.log.1` — which support-bundle-kit writes
 * only when the container has restarted and only from kit v0.0.26 (Harvester v1.1.2) on. The
 * container defaults like kubectl's: the `kubectl.kubernetes.io/default-container` annotation,
 * else the first container. What the bundle cannot show is a `NotInBundleError` saying why.
 */
export async function selectPodLogs(bundle: Bundle, request: PodLogRequest): Promise<PodLogSelection> {
  const namespace = request.namespace ?? 'default';
  const object = await bundle.resource({ group: '', resource: 'pods', namespace, name: request.pod });
  const files = bundle.index.podLogs({ namespace, pod: request.pod });
  const notes: string[] = [];
  if (!object && files.length === 0) {
    throw new NotInBundleError(`pods "${request.pod}"`, `pods "${request.pod}" not found in namespace "${namespace}"`, await whyNoPod(bundle, namespace));
  }
  if (!object) notes.push(`the bundle has no Pod object ${namespace}/${request.pod}, only its logs`);

  const specContainers = containerNames(object, 'containers');
  const initContainers = containerNames(object, 'initContainers');
  const logContainers = [...new Set(files.map((file) => file.container))].sort();
  const known = specContainers.length > 0 ? specContainers : logContainers;

  let containers: string[];
  if (request.container !== undefined) {
    if (initContainers.includes(request.container)) {
      throw new NotInBundleError(
        `container "${request.container}"`,
        `container "${request.container}" of pod "${request.pod}" has no log in the bundle`,
        'support-bundle-kit does not collect logs of init containers',
      );
    }
    if (!known.includes(request.container)) {
      throw new NotInBundleError(`container "${request.container}"`, `container ${request.container} is not valid for pod ${request.pod}`, `its containers: ${known.join(', ')}`);
    }
    containers = [request.container];
  } else if (request.allContainers) {
    containers = known;
  } else if (object) {
    const annotated = object.metadata.annotations?.[DEFAULT_CONTAINER_ANNOTATION];
    const chosen = annotated !== undefined && known.includes(annotated) ? annotated : known[0];
    if (chosen === undefined) throw new NotInBundleError(`pods "${request.pod}"`, `pod ${request.pod} has no containers`);
    if (known.length > 1 && annotated === undefined) notes.push(`Defaulted container "${chosen}" out of: ${known.join(', ')}`);
    containers = [chosen];
  } else if (known.length === 1) {
    containers = known;
  } else {
    throw new BadRequestError(`a container name must be specified for pod ${request.pod}, choose one of: [${known.join(' ')}]`);
  }

  const sources: LogSource[] = [];
  for (const container of containers) {
    const entry = files.find((file) => file.container === container && file.previous === (request.previous === true));
    if (!entry) {
      if (request.allContainers && !request.previous) {
        notes.push(`container ${container} has no log in the bundle`);
        continue;
      }
      if (request.allContainers && request.previous) continue;
      throw missingLog(bundle, object, namespace, request.pod, container, request.previous === true, files);
    }
    const file = bundle.log(entry.path);
    if (file) sources.push({ kind: 'pod', file, namespace, pod: request.pod, container, previous: entry.previous });
  }
  if (sources.length === 0 && request.allContainers && request.previous) {
    throw new NotInBundleError(`pods "${request.pod}"`, `no previous terminated container in pod "${request.pod}" has a log in the bundle`, previousReason(object, undefined));
  }
  return { namespace, pod: request.pod, object, sources, notes };
}

function containerNames(object: KubeObject | undefined, field: 'containers' | 'initContainers'): string[] {
  const spec = object?.spec as Record<string, unknown> | undefined;
  const list = spec?.[field];
  return Array.isArray(list) ? list.map((item) => String((item as Record<string, unknown>)?.name ?? '')).filter((name) => name !== '') : [];
}

function missingLog(bundle: Bundle, object: KubeObject | undefined, namespace: string, pod: string, container: string, previous: boolean, files: readonly PodLogEntry[]): NotInBundleError {
  if (previous) {
    return new NotInBundleError(`container "${container}"`, `previous terminated container "${container}" in pod "${pod}" not found`, previousReason(object, container));
  }
  const reason = !bundle.index.logNamespaces().includes(namespace)
    ? bundle.index.namespaceFolders().includes(namespace)
      ? `the bundle has no pod logs of namespace ${namespace}, though its objects were collected (see bundleGenerationError.log)`
      : `the bundle has no pod logs of namespace ${namespace}: it was not collected (the kit collects default, kube-system, cattle-system, Harvester's namespaces and those of the support-bundle-namespaces setting)`
    : files.length === 0
      ? 'the kit wrote no log for this pod (see bundleGenerationError.log)'
      : `the kit wrote no log for this container (see bundleGenerationError.log); logs of this pod: ${[...new Set(files.map((file) => file.container))].join(', ')}`;
  return new NotInBundleError(`container "${container}"`, `container "${container}" in pod "${pod}" has no log in the bundle`, reason);
}

function previousReason(object: KubeObject | undefined, container: string | undefined): string {
  const statuses = (object?.status as Record<string, unknown> | undefined)?.containerStatuses;
  const restarts = Array.isArray(statuses)
    ? statuses
        .filter((status) => container === undefined || (status as Record<string, unknown>)?.name === container)
        .reduce((sum: number, status) => sum + Number((status as Record<string, unknown>)?.restartCount ?? 0), 0)
    : undefined;
  if (restarts === 0) return 'it has not restarted (restartCount 0), so there is no previous run';
  return 'support-bundle-kit writes <container>.log.1 only for a container that restarted, and only from kit v0.0.26 (Harvester v1.1.2) on; this bundle has none for it';
}

async function whyNoPod(bundle: Bundle, namespace: string): Promise<string | undefined> {
  const facts = await bundle.facts();
  if (facts.uncollectedNamespaces.includes(namespace)) return `namespace ${namespace} was not collected in this bundle`;
  if (!bundle.index.logNamespaces().includes(namespace) && bundle.resourceFiles({ group: '', resource: 'pods', namespace }).length === 0) {
    return `the bundle has neither pods nor logs of namespace ${namespace}`;
  }
  return undefined;
}
