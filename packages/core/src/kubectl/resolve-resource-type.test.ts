import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBundle, type Bundle } from '../bundle.js';
import { UnknownResourceTypeError } from './kubectl-errors.js';
import { resolveResourceType, resolveResourceTypes } from './resolve-resource-type.js';
import { qualifiedResource } from './resource-type.js';
import { WORKLOADS, workloadsVariant } from './test-bundles.js';

let bundle: Bundle;
beforeAll(async () => {
  bundle = await openBundle(WORKLOADS.zip);
});
afterAll(() => bundle.close());

const resolve = async (typed: string) => qualifiedResource((await resolveResourceType(bundle, typed)).type);

describe('resource names resolve as kubectl resolves them', () => {
  it.each([
    ['pods', 'pods'],
    ['pod', 'pods'],
    ['po', 'pods'],
    ['Pod', 'pods'],
    ['vms', 'virtualmachines.kubevirt.io'],
    ['vm', 'virtualmachines.kubevirt.io'],
    ['virtualmachines.kubevirt.io', 'virtualmachines.kubevirt.io'],
    ['VirtualMachine', 'virtualmachines.kubevirt.io'],
    ['vmi', 'virtualmachineinstances.kubevirt.io'],
    ['vmim', 'virtualmachineinstancemigrations.kubevirt.io'],
    ['volumes', 'volumes.longhorn.io'],
    ['lhv', 'volumes.longhorn.io'],
    ['replicas', 'replicas.longhorn.io'],
    ['engines', 'engines.longhorn.io'],
    ['pvc', 'persistentvolumeclaims'],
    ['pv', 'persistentvolumes'],
    ['bundles', 'bundles.fleet.cattle.io'],
    ['managedcharts', 'managedcharts.management.cattle.io'],
    ['ev', 'events'],
    ['events', 'events'],
    ['helmcharts', 'helmcharts.helm.cattle.io'],
    ['jobs', 'jobs.batch'],
    ['no', 'nodes'],
    ['deploy', 'deployments.apps'],
    ['ds', 'daemonsets.apps'],
    ['sts', 'statefulsets.apps'],
    ['svc', 'services'],
    ['cm', 'configmaps'],
    ['ns', 'namespaces'],
    ['upgrades', 'upgrades.harvesterhci.io'],
    ['deployments.v1.apps', 'deployments.apps'],
    ['deployments.apps', 'deployments.apps'],
    ['settings.longhorn.io', 'settings.longhorn.io'],
    ['network-attachment-definitions', 'network-attachment-definitions.k8s.cni.cncf.io'],
  ])('%s is %s', async (typed, expected) => {
    expect(await resolve(typed)).toBe(expected);
  });

  it('takes settings as Harvester\'s, the group discovery lists first, and says which others the name fits', async () => {
    const resolved = await resolveResourceType(bundle, 'settings');
    expect(qualifiedResource(resolved.type)).toBe('settings.harvesterhci.io');
    expect(resolved.alsoMatches.map(qualifiedResource)).toEqual(['settings.longhorn.io', 'settings.management.cattle.io']);
    expect(resolved.explanation).toContain('settings.longhorn.io');
  });

  it('takes nodes as the core Nodes and names Longhorn\'s, but not the metrics view of the same nodes', async () => {
    const resolved = await resolveResourceType(bundle, 'nodes');
    expect(qualifiedResource(resolved.type)).toBe('nodes');
    expect(resolved.alsoMatches.map(qualifiedResource)).toEqual(['nodes.longhorn.io']);
    // The core group wins as everyone expects: no note on every `get nodes`, as kubectl prints none.
    expect(resolved.explanation).toBeUndefined();
  });

  it('takes clusters as provisioning.cattle.io\'s: v1.provisioning sorts before v1alpha1.fleet and v3.management', async () => {
    expect(await resolve('clusters')).toBe('clusters.provisioning.cattle.io');
  });

  it('gives a short name that two groups use to the first, with kubectl\'s warning for the other', async () => {
    const resolved = await resolveResourceType(bundle, 'vmrestore');
    expect(qualifiedResource(resolved.type)).toBe('virtualmachinerestores.snapshot.kubevirt.io');
    expect(resolved.explanation).toBe('short name "vmrestore" could also match lower priority resource virtualmachinerestores.harvesterhci.io');
  });

  it('does not warn about the same events listed under core and events.k8s.io', async () => {
    expect((await resolveResourceType(bundle, 'ev')).explanation).toBeUndefined();
  });

  it('refuses an unknown name with close names, as a typed error', async () => {
    const error = await resolveResourceType(bundle, 'vmz').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UnknownResourceTypeError);
    expect((error as UnknownResourceTypeError).suggestions).toContain('vm');
    expect((error as Error).message).toMatch(/^the bundle has no resource type "vmz" \(did you mean /);
  });

  it('expands all to the "all" category in discovery order, CRDs included', async () => {
    const names = (await resolveResourceTypes(bundle, 'all')).map((entry) => qualifiedResource(entry.type));
    expect(names.slice(0, 7)).toEqual(['pods', 'replicationcontrollers', 'services', 'daemonsets.apps', 'deployments.apps', 'replicasets.apps', 'statefulsets.apps']);
    expect(names).toContain('virtualmachines.kubevirt.io');
  });

  it('resolves a comma list to each type once', async () => {
    expect((await resolveResourceTypes(bundle, 'po,svc,pods')).map((entry) => qualifiedResource(entry.type))).toEqual(['pods', 'services']);
  });

  it("learns a type's short name from the bundle's CRD list when the built-in table does not know the type", async () => {
    const custom = await workloadsVariant(({ builder, at }) => {
      builder.addObject({
        apiVersion: 'apiextensions.k8s.io/v1',
        kind: 'CustomResourceDefinition',
        metadata: { creationTimestamp: at(3), name: 'loadbalancers.loadbalancer.harvesterhci.io' },
        spec: {
          group: 'loadbalancer.harvesterhci.io',
          names: { kind: 'LoadBalancer', listKind: 'LoadBalancerList', plural: 'loadbalancers', shortNames: ['hlb'], singular: 'loadbalancer' },
          scope: 'Namespaced',
          versions: [{ name: 'v1beta1', served: true, storage: true }],
        },
      });
    });
    try {
      expect(qualifiedResource((await resolveResourceType(custom, 'hlb')).type)).toBe('loadbalancers.loadbalancer.harvesterhci.io');
    } finally {
      await custom.close();
    }
  });
});
