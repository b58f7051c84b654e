/**
 * The objects that make a large cluster large: VMs with their disks, Longhorn volumes with
 * replicas and engines, application pods, events and CRDs. Each comes from the fixture
 * generator's own factories (podObject, virtualMachineObjects, longhornVolumeObjects,
 * addWorkloads, addEvents) run against a capturing builder, so shapes stay those of the
 * fixtures; each entity has its own seeded PRNG, so any file can be regenerated on its own.
 */
import type { BundleBuilder, KubeObject } from '../../packages/rules/src/testing/bundle-builder.js';
import type { ClusterContext } from '../../testdata/generator/cluster-context.js';
import { addEvents } from '../../testdata/generator/events.js';
import { longhornVolumeObjects, type LonghornLayout } from '../../testdata/generator/longhorn.js';
import { SeededRandom } from '../../testdata/generator/random.js';
import { virtualMachineObjects, type VmShape, type VmVolume } from '../../testdata/generator/virtual-machines.js';
import { addWorkloads, type WorkloadPods, type WorkloadSpec } from '../../testdata/generator/workloads.js';
import type { BenchSize } from './bench-sizes.js';

/** A context whose builder only collects what the factories add, with a PRNG of its own. */
export function capturingContext(base: ClusterContext, seed: number): { context: ClusterContext; objects: KubeObject[] } {
  const objects: KubeObject[] = [];
  const builder = {
    addObject(object: KubeObject) {
      objects.push(object);
      return builder;
    },
    bundleMetadata: base.builder.bundleMetadata,
  } as unknown as BundleBuilder;
  return { context: { ...base, builder, random: new SeededRandom(seed) }, objects };
}

/** Seeds that do not collide between kinds of entities. */
const seedOf = (base: number, kind: number, index: number) => (base * 7919 + kind * 1_000_003 + index * 104_729) >>> 0;

const ROLES = ['web', 'db', 'cache', 'build', 'batch', 'desktop'];

export interface ScaledVm {
  objects: KubeObject[];
  volumes: VmVolume[];
}

/** VM number `index` (0-based among the added ones): PVCs, VM, VMI, launcher pod, two volumes. */
export function scaledVm(base: ClusterContext, seed: number, index: number, imageName: string): ScaledVm {
  const { context, objects } = capturingContext(base, seedOf(seed, 1, index));
  const shape: VmShape = {
    name: `vm-${String(index).padStart(4, '0')}-${ROLES[index % ROLES.length]}`,
    cores: 2 + (index % 4) * 2,
    memory: `${4 << index % 3}Gi`,
    disk: 21_474_836_480,
  };
  // Index 2 onwards: the healthy cluster's own two VMs are 0 and 1.
  const made = virtualMachineObjects(context, shape, index + 2, imageName);
  const random = context.random;
  const dataPvcName = `${shape.name}-disk-1-${random.podSuffix()}`;
  const dataVolume: VmVolume = { ...made.volume, name: `pvc-${random.uuid()}`, pvcName: dataPvcName, sizeBytes: 107_374_182_400 };
  const rootPvc = made.objects.find((object) => object.kind === 'PersistentVolumeClaim')!;
  const dataPvc = structuredClone(rootPvc);
  dataPvc.metadata.name = dataPvcName;
  delete (dataPvc.metadata.annotations as Record<string, string>)['harvesterhci.io/imageId'];
  dataPvc.spec = { ...(dataPvc.spec as object), resources: { requests: { storage: '100Gi' } }, storageClassName: 'harvester-longhorn', volumeName: dataVolume.name };
  dataPvc.status = { ...(dataPvc.status as object), capacity: { storage: '100Gi' } };
  const vm = made.objects.find((object) => object.kind === 'VirtualMachine')!;
  const template = (vm.spec as { template: { spec: { domain: { devices: { disks: unknown[] } }; volumes: unknown[] } } }).template.spec;
  template.domain.devices.disks.push({ disk: { bus: 'virtio' }, name: 'disk-1' });
  template.volumes.push({ name: 'disk-1', persistentVolumeClaim: { claimName: dataPvcName } });
  return { objects: [...made.objects, dataPvc], volumes: [made.volume, dataVolume] };
}

/** The volume records of every added VM (small), to plan the Longhorn files before writing them. */
export function scaledVolumes(base: ClusterContext, seed: number, size: BenchSize, imageName: string): VmVolume[] {
  const volumes: VmVolume[] = [];
  for (let index = 0; index < size.vms; index += 1) volumes.push(...scaledVm(base, seed, index, imageName).volumes);
  return volumes;
}

/** Volume, Engine and Replicas of one volume; `kind` picks which. */
export function scaledLonghornObjects(base: ClusterContext, seed: number, layout: LonghornLayout, volume: VmVolume, index: number): KubeObject[] {
  const { context } = capturingContext(base, seedOf(seed, 2, index));
  return longhornVolumeObjects(context, layout, volume);
}

/** Application Deployments and their pods in one extra namespace. */
export function appWorkloads(base: ClusterContext, seed: number, namespace: string, namespaceIndex: number, pods: number): { objects: KubeObject[]; workloads: WorkloadPods[] } {
  const { context, objects } = capturingContext(base, seedOf(seed, 3, namespaceIndex));
  const replicas = Math.min(3, base.nodes.length);
  const specs: WorkloadSpec[] = [];
  for (let made = 0, index = 0; made < pods; index += 1, made += replicas) {
    const name = `app-${String(index).padStart(3, '0')}-${ROLES[index % ROLES.length]}`;
    specs.push({ namespace, name, kind: 'Deployment', replicas, containers: [{ name: 'app', image: `registry.example.com/${namespace}/${name}:1.${index % 9}.0` }] });
  }
  const workloads = addWorkloads(context, specs);
  return { objects, workloads };
}

export interface EventTarget {
  namespace: string;
  involved: { apiVersion: string; kind: string; name: string };
  reasons: readonly [reason: string, message: string, component: string][];
}

/** `count` routine events about the given objects, in one namespace. */
export function scaledEvents(base: ClusterContext, seed: number, fileIndex: number, targets: readonly EventTarget[], count: number): KubeObject[] {
  const { context, objects } = capturingContext(base, seedOf(seed, 4, fileIndex));
  const specs = [];
  for (let index = 0; index < count; index += 1) {
    const target = targets[index % targets.length]!;
    const [reason, message, component] = target.reasons[index % target.reasons.length]!;
    specs.push({ namespace: target.namespace, involved: target.involved, reason, message, component, minutesBefore: 1 + (index % 1400), count: 1 + (index % 5) });
  }
  addEvents(context, specs);
  return objects;
}

const CRD_GROUPS = ['longhorn.io', 'kubevirt.io', 'harvesterhci.io', 'management.cattle.io', 'fleet.cattle.io', 'cdi.kubevirt.io', 'monitoring.coreos.com', 'cluster.x-k8s.io'];

/** A CRD with a deep, wide openAPIV3Schema, like the KubeVirt and Longhorn ones that make the CRD list several MB. */
export function crdObject(seed: number, index: number): KubeObject {
  const random = new SeededRandom(seedOf(seed, 5, index));
  const group = CRD_GROUPS[index % CRD_GROUPS.length]!;
  const kind = `Resource${String(index).padStart(3, '0')}`;
  const plural = `${kind.toLowerCase()}s`;
  const schema = (depth: number): Record<string, unknown> => {
    const properties: Record<string, unknown> = {};
    const width = depth === 0 ? 10 : 5;
    for (let field = 0; field < width; field += 1) {
      const name = `field${random.hex(4)}`;
      properties[name] =
        depth < 4 && field % 2 === 0
          ? { description: `${name} configures the ${kind} ${random.pick(['controller', 'engine', 'volume', 'network', 'template'])}.`, type: 'object', properties: schema(depth + 1).properties }
          : { description: `${name} is the ${random.pick(['number of', 'name of', 'list of', 'timeout for'])} ${random.pick(['replicas', 'retries', 'nodes', 'disks'])}.`, type: random.pick(['string', 'integer', 'boolean']) };
    }
    return { type: 'object', properties };
  };
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { annotations: { 'controller-gen.kubebuilder.io/version': 'v0.16.5' }, creationTimestamp: '2025-02-10T09:14:07Z', generation: 1, name: `${plural}.${group}`, uid: `${random.hex(8)}-${random.hex(4)}-4${random.hex(3)}-a${random.hex(3)}-${random.hex(12)}`, resourceVersion: String(1000 + index) },
    spec: {
      conversion: { strategy: 'None' },
      group,
      names: { kind, listKind: `${kind}List`, plural, singular: kind.toLowerCase() },
      scope: 'Namespaced',
      versions: [{ name: 'v1beta1', schema: { openAPIV3Schema: { properties: { spec: schema(0), status: schema(1) }, type: 'object' } }, served: true, storage: true, subresources: { status: {} } }],
    },
    status: { acceptedNames: { kind, plural }, conditions: [{ lastTransitionTime: '2025-02-10T09:14:07Z', message: 'no conflicts found', reason: 'NoConflicts', status: 'True', type: 'NamesAccepted' }], storedVersions: ['v1beta1'] },
  };
}
