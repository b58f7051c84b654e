import { AGE, NAME, ageOf, column, field, formatLabelSelector, formatLabels, integer, list, nameOf, text, type ResourcePrinter } from './printer.js';

/** Services, Endpoints, EndpointSlices, Ingresses, IngressClasses, NetworkPolicies. */

const LOAD_BALANCER_WIDTH = 16;

function loadBalancerAddresses(ingress: unknown, wide: boolean): string {
  const addresses = [...new Set(list(ingress).map((item) => text(field(item, 'ip')) || text(field(item, 'hostname'))).filter((address) => address !== ''))].sort();
  const joined = addresses.join(',');
  return !wide && joined.length > LOAD_BALANCER_WIDTH ? `${joined.slice(0, LOAD_BALANCER_WIDTH - 3)}...` : joined;
}

/** `getServiceExternalIP`; a table has one EXTERNAL-IP cell, as printed without `-o wide`. */
function externalIP(service: unknown): string {
  const externalIPs = list(field(service, 'spec', 'externalIPs')).map(text);
  switch (text(field(service, 'spec', 'type'))) {
    case 'ClusterIP':
    case 'NodePort':
      return externalIPs.length > 0 ? externalIPs.join(',') : '<none>';
    case 'LoadBalancer': {
      const balancer = loadBalancerAddresses(field(service, 'status', 'loadBalancer', 'ingress'), false);
      if (externalIPs.length > 0) return [...(balancer ? balancer.split(',') : []), ...externalIPs].join(',');
      return balancer || '<pending>';
    }
    case 'ExternalName':
      return text(field(service, 'spec', 'externalName'));
    default:
      return '<unknown>';
  }
}

export const servicePrinter: ResourcePrinter = {
  columns: () => [NAME, column('Type'), column('Cluster-IP'), column('External-IP'), column('Port(s)'), AGE, column('Selector', 'string', 1)],
  cells: (service, context) => {
    const ports = list(field(service, 'spec', 'ports'))
      .map((port) => {
        const nodePort = integer(field(port, 'nodePort'));
        const protocol = text(field(port, 'protocol')) || 'TCP';
        return nodePort > 0 ? `${integer(field(port, 'port'))}:${nodePort}/${protocol}` : `${integer(field(port, 'port'))}/${protocol}`;
      })
      .join(',');
    return [
      nameOf(service),
      text(field(service, 'spec', 'type')),
      text(field(service, 'spec', 'clusterIPs', 0)) || text(field(service, 'spec', 'clusterIP')) || '<none>',
      externalIP(service),
      ports === '' ? '<none>' : ports,
      ageOf(service, context),
      formatLabels(field(service, 'spec', 'selector')),
    ];
  },
};

export const endpointsPrinter: ResourcePrinter = {
  columns: () => [NAME, column('Endpoints'), AGE],
  cells: (object, context) => [nameOf(object), formatEndpoints(object), ageOf(object, context)],
};

function formatEndpoints(endpoints: unknown): string {
  const subsets = list(field(endpoints, 'subsets'));
  if (subsets.length === 0) return '<none>';
  const shown: string[] = [];
  const max = 3;
  let count = 0;
  let more = false;
  for (const subset of subsets) {
    const addresses = list(field(subset, 'addresses'));
    const ports = list(field(subset, 'ports'));
    if (ports.length === 0) {
      count += addresses.length;
      for (const address of addresses) {
        if (shown.length === max) {
          more = true;
          break;
        }
        shown.push(text(field(address, 'ip')));
      }
      continue;
    }
    for (const port of ports) {
      count += addresses.length;
      for (const address of addresses) {
        if (shown.length === max) {
          more = true;
          break;
        }
        const ip = text(field(address, 'ip'));
        shown.push(`${ip.includes(':') ? `[${ip}]` : ip}:${integer(field(port, 'port'))}`);
      }
    }
  }
  return more ? `${shown.join(',')} + ${count - max} more...` : shown.join(',');
}

function listWithMore(items: string[], max: number, total: number): string {
  if (total > max) return `${items.slice(0, max).join(',')} + ${total - max} more...`;
  return items.length === 0 ? '<unset>' : items.join(',');
}

export const endpointSlicePrinter: ResourcePrinter = {
  columns: () => [NAME, column('AddressType'), column('Ports'), column('Endpoints'), AGE],
  cells: (object, context) => {
    const ports = list(field(object, 'ports')).map((port) => {
      const number = field(port, 'port');
      return number !== undefined && number !== null ? String(integer(number)) : text(field(port, 'name')) || '*';
    });
    const addresses = list(field(object, 'endpoints')).flatMap((endpoint) => list(field(endpoint, 'addresses')).map(text));
    return [nameOf(object), text(field(object, 'addressType')), listWithMore(ports, 3, ports.length), listWithMore(addresses, 3, addresses.length), ageOf(object, context)];
  },
};

export const ingressPrinter: ResourcePrinter = {
  columns: () => [NAME, column('Class'), column('Hosts'), column('Address'), column('Ports'), AGE],
  cells: (object, context) => {
    const rules = list(field(object, 'spec', 'rules'));
    const hosts = rules.map((rule) => text(field(rule, 'host'))).filter((host) => host !== '');
    const hostText = hosts.length === 0 ? '*' : rules.length > 3 ? `${hosts.slice(0, 3).join(',')} + ${rules.length - 3} more...` : hosts.join(',');
    return [
      nameOf(object),
      text(field(object, 'spec', 'ingressClassName')) || '<none>',
      hostText,
      loadBalancerAddresses(field(object, 'status', 'loadBalancer', 'ingress'), false),
      list(field(object, 'spec', 'tls')).length > 0 ? '80, 443' : '80',
      ageOf(object, context),
    ];
  },
};

export const ingressClassPrinter: ResourcePrinter = {
  columns: () => [NAME, column('Controller'), column('Parameters'), AGE],
  cells: (object, context) => {
    const parameters = field(object, 'spec', 'parameters');
    let shown = '<none>';
    if (parameters !== undefined && parameters !== null) {
      const group = text(field(parameters, 'apiGroup'));
      shown = `${text(field(parameters, 'kind'))}${group ? `.${group}` : ''}/${text(field(parameters, 'name'))}`;
    }
    return [nameOf(object), text(field(object, 'spec', 'controller')), shown, ageOf(object, context)];
  },
};

export const networkPolicyPrinter: ResourcePrinter = {
  columns: () => [NAME, column('Pod-Selector'), AGE],
  cells: (object, context) => [nameOf(object), formatLabelSelector(field(object, 'spec', 'podSelector')), ageOf(object, context)],
};
