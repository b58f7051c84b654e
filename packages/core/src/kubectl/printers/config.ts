import { AGE, NAME, ageOf, column, field, integer, list, nameOf, record, text, type ResourcePrinter } from './printer.js';

/** ConfigMaps, Secrets, ServiceAccounts, Leases, PriorityClasses, webhooks, RBAC bindings, PDBs, APIServices. */

export const configMapPrinter: ResourcePrinter = {
  columns: () => [NAME, column('Data', 'integer'), AGE],
  cells: (object, context) => [nameOf(object), Object.keys(record(field(object, 'data'))).length + Object.keys(record(field(object, 'binaryData'))).length, ageOf(object, context)],
};

export const secretPrinter: ResourcePrinter = {
  columns: () => [NAME, column('Type'), column('Data', 'integer'), AGE],
  cells: (object, context) => [nameOf(object), text(field(object, 'type')), Object.keys(record(field(object, 'data'))).length, ageOf(object, context)],
};

export const serviceAccountPrinter: ResourcePrinter = {
  columns: () => [NAME, column('Secrets', 'integer'), AGE],
  cells: (object, context) => [nameOf(object), list(field(object, 'secrets')).length, ageOf(object, context)],
};

export const leasePrinter: ResourcePrinter = {
  columns: () => [NAME, column('Holder'), AGE],
  cells: (object, context) => [nameOf(object), text(field(object, 'spec', 'holderIdentity')), ageOf(object, context)],
};

export const priorityClassPrinter: ResourcePrinter = {
  columns: () => [NAME, column('Value', 'integer'), column('Global-Default', 'boolean'), AGE, column('PreemptionPolicy', 'string', 1)],
  cells: (object, context) => [
    nameOf(object),
    integer(field(object, 'value')),
    field(object, 'globalDefault') === true,
    ageOf(object, context),
    text(field(object, 'preemptionPolicy')),
  ],
};

export const webhookConfigurationPrinter: ResourcePrinter = {
  columns: () => [NAME, column('Webhooks', 'integer'), AGE],
  cells: (object, context) => [nameOf(object), list(field(object, 'webhooks')).length, ageOf(object, context)],
};

export const roleBindingPrinter: ResourcePrinter = {
  columns: () => [NAME, column('Role'), AGE, column('Users', 'string', 1), column('Groups', 'string', 1), column('ServiceAccounts', 'string', 1)],
  cells: (object, context) => {
    const subjects = list(field(object, 'subjects'));
    const of = (kind: string) => subjects.filter((subject) => field(subject, 'kind') === kind);
    return [
      nameOf(object),
      `${text(field(object, 'roleRef', 'kind'))}/${text(field(object, 'roleRef', 'name'))}`,
      ageOf(object, context),
      of('User').map((subject) => text(field(subject, 'name'))).join(', '),
      of('Group').map((subject) => text(field(subject, 'name'))).join(', '),
      of('ServiceAccount').map((subject) => `${text(field(subject, 'namespace'))}:${text(field(subject, 'name'))}`).join(', '),
    ];
  },
};

export const podDisruptionBudgetPrinter: ResourcePrinter = {
  columns: () => [NAME, column('Min Available'), column('Max Unavailable'), column('Allowed Disruptions', 'integer'), AGE],
  cells: (object, context) => {
    const minAvailable = field(object, 'spec', 'minAvailable');
    const maxUnavailable = field(object, 'spec', 'maxUnavailable');
    return [
      nameOf(object),
      minAvailable === undefined ? 'N/A' : text(minAvailable),
      maxUnavailable === undefined ? 'N/A' : text(maxUnavailable),
      integer(field(object, 'status', 'disruptionsAllowed')),
      ageOf(object, context),
    ];
  },
};

/** kube-aggregator's APIService printer. */
export const apiServicePrinter: ResourcePrinter = {
  columns: () => [NAME, column('Service'), column('Available'), AGE],
  cells: (object, context) => {
    const service = field(object, 'spec', 'service');
    const available = list(field(object, 'status', 'conditions')).find((condition) => field(condition, 'type') === 'Available');
    let availability = 'Unknown';
    if (available !== undefined) {
      const status = text(field(available, 'status'));
      const reason = text(field(available, 'reason'));
      availability = status === 'True' || reason === '' ? status : `${status} (${reason})`;
    }
    return [
      nameOf(object),
      service === undefined || service === null ? 'Local' : `${text(field(service, 'namespace'))}/${text(field(service, 'name'))}`,
      availability,
      ageOf(object, context),
    ];
  },
};
