/**
 * Events as the kit writes them: a few routine (type Normal) ones, as `v1/events.yaml` shows them
 * after the kit's rewrite, and `addEventPair` for one event in both event lists.
 */
import type { ClusterContext } from './cluster-context.js';

interface EventSpec {
  namespace: string;
  involved: { apiVersion: string; kind: string; name: string };
  reason: string;
  message: string;
  component: string;
  minutesBefore: number;
  count?: number;
}

export function addEvents(context: ClusterContext, specs: readonly EventSpec[]): void {
  for (const spec of specs) {
    const last = context.before(spec.minutesBefore);
    const first = context.before(spec.minutesBefore + (spec.count ?? 1) * 5);
    context.builder.addObject({
      apiVersion: 'v1',
      kind: 'Event',
      count: spec.count ?? 1,
      eventTime: 'null', // JSON null followed by a comma: the kit's regex turns it into a string
      firstTimestamp: first,
      involvedObject: { ...spec.involved, namespace: spec.namespace },
      lastTimestamp: last,
      message: spec.message,
      metadata: { creationTimestamp: first, name: `${spec.involved.name}.${context.random.hex(16)}`, namespace: spec.namespace },
      reason: spec.reason,
      reportingComponent: '',
      reportingInstance: '',
      source: { component: spec.component },
      type: 'Normal',
    });
  }
}

export function routineEvents(context: ClusterContext): EventSpec[] {
  const node = context.nodes[0]!.name;
  return [
    { namespace: 'default', involved: { apiVersion: 'kubevirt.io/v1', kind: 'VirtualMachineInstance', name: 'ubuntu-2204-web' }, reason: 'Started', message: 'VirtualMachineInstance started.', component: `virt-handler`, minutesBefore: 600 },
    { namespace: 'default', involved: { apiVersion: 'kubevirt.io/v1', kind: 'VirtualMachine', name: 'sles15-sp6-db' }, reason: 'SuccessfulCreate', message: 'Started the virtual machine by creating the new virtual machine instance sles15-sp6-db', component: 'virtualmachine-controller', minutesBefore: 580 },
    { namespace: 'harvester-system', involved: { apiVersion: 'harvesterhci.io/v1beta1', kind: 'SupportBundle', name: context.builder.bundleMetadata.bundleName }, reason: 'Generating', message: 'Support bundle is being generated', component: 'harvester-supportbundle-controller', minutesBefore: 2 },
    { namespace: 'longhorn-system', involved: { apiVersion: 'longhorn.io/v1beta2', kind: 'Node', name: node }, reason: 'Ready', message: `Node ${node} is ready`, component: 'longhorn-node-controller', minutesBefore: 900, count: 3 },
  ];
}

export interface EventPair {
  namespace: string;
  involved: { apiVersion: string; kind: string; name: string; uid?: string; fieldPath?: string };
  reason: string;
  type: 'Normal' | 'Warning';
  message: string;
  component: string;
  host: string;
  first: string;
  last: string;
  count: number;
}

/** One event as the kit writes it twice (kit ≥ v0.0.20): core/v1 and events.k8s.io/v1, same uid. */
export function addEventPair(context: ClusterContext, spec: EventPair): void {
  const name = `${spec.involved.name}.${context.random.hex(16)}`;
  const uid = context.random.uuid();
  const involvedObject = { ...spec.involved, namespace: spec.namespace };
  const metadata = { creationTimestamp: spec.first, name, namespace: spec.namespace, uid };
  context.builder.addObject({
    apiVersion: 'v1',
    kind: 'Event',
    count: spec.count,
    eventTime: 'null',
    firstTimestamp: spec.first,
    involvedObject,
    lastTimestamp: spec.last,
    message: spec.message,
    metadata,
    reason: spec.reason,
    reportingComponent: spec.component,
    reportingInstance: spec.host,
    source: { component: spec.component, host: spec.host },
    type: spec.type,
  });
  context.builder.addObject({
    apiVersion: 'events.k8s.io/v1',
    kind: 'Event',
    deprecatedCount: spec.count,
    deprecatedFirstTimestamp: spec.first,
    deprecatedLastTimestamp: spec.last,
    deprecatedSource: { component: spec.component, host: spec.host },
    eventTime: 'null',
    metadata,
    note: spec.message,
    reason: spec.reason,
    regarding: involvedObject,
    reportingController: spec.component,
    reportingInstance: spec.host,
    type: spec.type,
  });
}
