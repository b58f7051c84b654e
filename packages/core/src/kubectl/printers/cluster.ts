import { AGE, NAME, ageOf, column, field, list, nameOf, record, text, type ResourcePrinter } from './printer.js';

/** Nodes, Namespaces, ComponentStatuses. */

const NODE_ROLE_PREFIX = 'node-role.kubernetes.io/';

export const nodePrinter: ResourcePrinter = {
  columns: () => [
    NAME,
    column('Status'),
    column('Roles'),
    AGE,
    column('Version'),
    column('Internal-IP', 'string', 1),
    column('External-IP', 'string', 1),
    column('OS-Image', 'string', 1),
    column('Kernel-Version', 'string', 1),
    column('Container-Runtime', 'string', 1),
  ],
  cells: (node, context) => {
    const ready = list(field(node, 'status', 'conditions')).find((condition) => field(condition, 'type') === 'Ready');
    const status = ready === undefined ? ['Unknown'] : [field(ready, 'status') === 'True' ? 'Ready' : 'NotReady'];
    if (field(node, 'spec', 'unschedulable') === true) status.push('SchedulingDisabled');
    const roles = nodeRoles(record(node.metadata.labels));
    const address = (type: string) =>
      text(field(list(field(node, 'status', 'addresses')).find((item) => field(item, 'type') === type), 'address')) || '<none>';
    const info = (key: string) => text(field(node, 'status', 'nodeInfo', key)) || '<unknown>';
    return [
      nameOf(node),
      status.join(','),
      roles.length === 0 ? '<none>' : roles.join(','),
      ageOf(node, context),
      text(field(node, 'status', 'nodeInfo', 'kubeletVersion')),
      address('InternalIP'),
      address('ExternalIP'),
      info('osImage'),
      info('kernelVersion'),
      info('containerRuntimeVersion'),
    ];
  },
};

/** `node-role.kubernetes.io/<role>` labels and `kubernetes.io/role=<role>`, sorted. */
export function nodeRoles(labels: Record<string, unknown>): string[] {
  const roles = new Set<string>();
  for (const [key, value] of Object.entries(labels)) {
    if (key.startsWith(NODE_ROLE_PREFIX) && key.length > NODE_ROLE_PREFIX.length) roles.add(key.slice(NODE_ROLE_PREFIX.length));
    else if (key === 'kubernetes.io/role' && text(value) !== '') roles.add(text(value));
  }
  return [...roles].sort();
}

export const namespacePrinter: ResourcePrinter = {
  columns: () => [NAME, column('Status'), AGE],
  cells: (object, context) => [nameOf(object), text(field(object, 'status', 'phase')), ageOf(object, context)],
};

export const componentStatusPrinter: ResourcePrinter = {
  columns: () => [NAME, column('Status'), column('Message'), column('Error')],
  cells: (object) => {
    const healthy = list(field(object, 'conditions')).find((condition) => field(condition, 'type') === 'Healthy');
    const status = healthy === undefined ? 'Unknown' : field(healthy, 'status') === 'True' ? 'Healthy' : 'Unhealthy';
    return [nameOf(object), status, text(field(healthy, 'message')), text(field(healthy, 'error'))];
  },
};
