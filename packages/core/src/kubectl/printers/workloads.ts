import { humanDuration, parseTimestamp } from '../human-duration.js';
import {
  AGE,
  NAME,
  ageOf,
  boolPointer,
  column,
  containerCells,
  field,
  formatLabelSelector,
  formatLabels,
  integer,
  list,
  nameOf,
  text,
  type ResourcePrinter,
} from './printer.js';

/** Deployments, ReplicaSets, DaemonSets, StatefulSets, Jobs, CronJobs, ReplicationControllers, ControllerRevisions. */

const CONTAINERS = column('Containers', 'string', 1);
const IMAGES = column('Images', 'string', 1);
const SELECTOR = column('Selector', 'string', 1);

function templateContainers(object: unknown, ...path: string[]): [string, string] {
  return containerCells(field(object, ...path, 'spec', 'containers'));
}

/** `spec.replicas` as the API defaults it: 1 when absent. */
function desiredReplicas(object: unknown): number {
  const replicas = field(object, 'spec', 'replicas');
  return replicas === undefined ? 1 : integer(replicas);
}

export const deploymentPrinter: ResourcePrinter = {
  columns: () => [NAME, column('Ready'), column('Up-to-date'), column('Available'), AGE, CONTAINERS, IMAGES, SELECTOR],
  cells: (object, context) => {
    const [names, images] = templateContainers(object, 'spec', 'template');
    const selector = formatLabelSelector(field(object, 'spec', 'selector'));
    return [
      nameOf(object),
      `${integer(field(object, 'status', 'readyReplicas'))}/${desiredReplicas(object)}`,
      integer(field(object, 'status', 'updatedReplicas')),
      integer(field(object, 'status', 'availableReplicas')),
      ageOf(object, context),
      names,
      images,
      selector === '<none>' ? '' : selector,
    ];
  },
};

/** ReplicaSets and ReplicationControllers: DESIRED, CURRENT, READY; they differ in how the selector prints. */
function replicaCountPrinter(selector: (object: unknown) => string): ResourcePrinter {
  return {
    columns: () => [NAME, column('Desired', 'integer'), column('Current', 'integer'), column('Ready', 'integer'), AGE, CONTAINERS, IMAGES, SELECTOR],
    cells: (object, context) => {
      const [names, images] = templateContainers(object, 'spec', 'template');
      return [
        nameOf(object),
        desiredReplicas(object),
        integer(field(object, 'status', 'replicas')),
        integer(field(object, 'status', 'readyReplicas')),
        ageOf(object, context),
        names,
        images,
        selector(object),
      ];
    },
  };
}

export const replicaSetPrinter = replicaCountPrinter((object) => formatLabelSelector(field(object, 'spec', 'selector')));

/** A ReplicationController's selector is a plain label map. */
export const replicationControllerPrinter = replicaCountPrinter((object) => formatLabels(field(object, 'spec', 'selector')));

export const daemonSetPrinter: ResourcePrinter = {
  columns: () => [
    NAME,
    column('Desired', 'integer'),
    column('Current', 'integer'),
    column('Ready', 'integer'),
    column('Up-to-date', 'integer'),
    column('Available', 'integer'),
    column('Node Selector'),
    AGE,
    CONTAINERS,
    IMAGES,
    SELECTOR,
  ],
  cells: (object, context) => {
    const [names, images] = templateContainers(object, 'spec', 'template');
    return [
      nameOf(object),
      integer(field(object, 'status', 'desiredNumberScheduled')),
      integer(field(object, 'status', 'currentNumberScheduled')),
      integer(field(object, 'status', 'numberReady')),
      integer(field(object, 'status', 'updatedNumberScheduled')),
      integer(field(object, 'status', 'numberAvailable')),
      formatLabels(field(object, 'spec', 'template', 'spec', 'nodeSelector')),
      ageOf(object, context),
      names,
      images,
      formatLabelSelector(field(object, 'spec', 'selector')),
    ];
  },
};

export const statefulSetPrinter: ResourcePrinter = {
  columns: () => [NAME, column('Ready'), AGE, CONTAINERS, IMAGES],
  cells: (object, context) => {
    const [names, images] = templateContainers(object, 'spec', 'template');
    return [nameOf(object), `${integer(field(object, 'status', 'readyReplicas'))}/${desiredReplicas(object)}`, ageOf(object, context), names, images];
  },
};

/** Kubernetes 1.30 added STATUS (kubernetes/kubernetes#123226). */
export const jobPrinter: ResourcePrinter = {
  columns: (context) => [
    NAME,
    ...(context.serverMinor === undefined || context.serverMinor >= 30 ? [column('Status')] : []),
    column('Completions'),
    column('Duration'),
    AGE,
    CONTAINERS,
    IMAGES,
    SELECTOR,
  ],
  cells: (object, context) => {
    const succeeded = integer(field(object, 'status', 'succeeded'));
    const completionsSpec = field(object, 'spec', 'completions');
    const parallelism = integer(field(object, 'spec', 'parallelism'));
    const completions =
      completionsSpec !== undefined && completionsSpec !== null
        ? `${succeeded}/${integer(completionsSpec)}`
        : parallelism > 1
          ? `${succeeded}/1 of ${parallelism}`
          : `${succeeded}/1`;
    const start = parseTimestamp(field(object, 'status', 'startTime'));
    const end = parseTimestamp(field(object, 'status', 'completionTime'));
    const duration = start === undefined ? '' : end !== undefined ? humanDuration(end - start) : context.now !== undefined ? humanDuration(context.now - start) : '<unknown>';
    const [names, images] = templateContainers(object, 'spec', 'template');
    const status = jobStatus(object);
    return [
      nameOf(object),
      ...(context.serverMinor === undefined || context.serverMinor >= 30 ? [status] : []),
      completions,
      duration,
      ageOf(object, context),
      names,
      images,
      formatLabelSelector(field(object, 'spec', 'selector')),
    ];
  },
};

function jobStatus(object: unknown): string {
  const has = (type: string) => {
    const condition = list(field(object, 'status', 'conditions')).find((item) => field(item, 'type') === type);
    return condition !== undefined && field(condition, 'status') === 'True';
  };
  if (has('Complete')) return 'Complete';
  if (has('Failed')) return 'Failed';
  if (field(object, 'metadata', 'deletionTimestamp') !== undefined) return 'Terminating';
  if (has('Suspended')) return 'Suspended';
  if (has('FailureTarget')) return 'FailureTarget';
  return 'Running';
}

/**
 * TIMEZONE is printed by the API server from Kubernetes 1.30 (kubernetes/kubernetes#122231, milestone
 * v1.30), although `spec.timeZone` exists since 1.25: a 1.25–1.29 cluster prints no such column.
 */
const TIMEZONE_FROM_MINOR = 30;
const printsTimezone = (context: { serverMinor?: number }) => context.serverMinor === undefined || context.serverMinor >= TIMEZONE_FROM_MINOR;

export const cronJobPrinter: ResourcePrinter = {
  columns: (context) => [
    NAME,
    column('Schedule'),
    ...(printsTimezone(context) ? [column('Timezone')] : []),
    column('Suspend', 'boolean'),
    column('Active', 'integer'),
    column('Last Schedule'),
    AGE,
    CONTAINERS,
    IMAGES,
    SELECTOR,
  ],
  cells: (object, context) => {
    const last = field(object, 'status', 'lastScheduleTime');
    const [names, images] = templateContainers(object, 'spec', 'jobTemplate', 'spec', 'template');
    return [
      nameOf(object),
      text(field(object, 'spec', 'schedule')),
      ...(printsTimezone(context) ? [text(field(object, 'spec', 'timeZone')) || '<none>'] : []),
      boolPointer(field(object, 'spec', 'suspend')),
      list(field(object, 'status', 'active')).length,
      last === undefined ? '<none>' : lastScheduleAge(last, context.now),
      ageOf(object, context),
      names,
      images,
      formatLabelSelector(field(object, 'spec', 'jobTemplate', 'spec', 'selector')),
    ];
  },
};

function lastScheduleAge(last: unknown, now: number | undefined): string {
  const time = parseTimestamp(last);
  return time === undefined || now === undefined ? '<unknown>' : humanDuration(now - time);
}

export const controllerRevisionPrinter: ResourcePrinter = {
  columns: () => [NAME, column('Controller'), column('Revision'), AGE],
  cells: (object, context) => {
    const controller = list(object.metadata.ownerReferences).find((owner) => field(owner, 'controller') === true);
    let controllerName = '<none>';
    if (controller !== undefined) {
      const apiVersion = text(field(controller, 'apiVersion'));
      const group = apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '';
      const kind = text(field(controller, 'kind'));
      controllerName = `${(group ? `${kind}.${group}` : kind).toLowerCase()}/${text(field(controller, 'name'))}`;
    }
    return [nameOf(object), controllerName, integer(field(object, 'revision')), ageOf(object, context)];
  },
};
