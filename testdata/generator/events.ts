/** A few routine (type Normal) events, as `v1/events.yaml` shows them after the kit's rewrite. */
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
