/**
 * Kubernetes Node objects for a healthy Harvester cluster: Ready, schedulable, RKE2 labels and
 * annotations, and an image list whose sizes come out in yaml.v2's exponent form (`9.5247316e+07`).
 */
import { managedField, type ClusterContext, type ClusterNode } from './cluster-context.js';

const NODE_IMAGES: [string, number][] = [
  ['registry.suse.com/suse/sles/15.6/virt-launcher:1.3.1-150600.5.9.1', 395_771_458],
  ['docker.io/rancher/harvester:v{v}', 287_119_616],
  ['docker.io/longhornio/longhorn-manager:v{lh}', 104_826_331],
  ['docker.io/longhornio/longhorn-instance-manager:v{lh}', 266_032_910],
  ['docker.io/rancher/rancher:v{r}', 611_042_839],
  ['docker.io/rancher/fleet-agent:v0.11.3', 35_274_112],
  ['docker.io/rancher/hardened-kubernetes:{k}-build20241121', 193_881_201],
  ['docker.io/rancher/support-bundle-kit:v0.0.46', 95_247_316],
  ['registry.suse.com/harvester-beta/vmdp:2.5.4.3', 4_190_211],
];

export function createNodes(context: Pick<ClusterContext, 'random'>, count: number): ClusterNode[] {
  return Array.from({ length: count }, (_, index) => ({
    name: `harvester-node-${index}`,
    ip: `192.168.122.${11 + index}`,
    controlPlane: index < 3,
    machine: `custom-${context.random.hex(12)}`,
    systemUuid: context.random.uuid(),
    podCidr: `10.52.${index}.0/24`,
  }));
}

export function addNodes(context: ClusterContext): void {
  const { release } = context;
  const images = NODE_IMAGES.map(([name, size]) => ({
    names: [
      `${name.replace('{v}', release.harvester.slice(1)).replace('{lh}', release.longhorn.slice(1)).replace('{r}', release.rancher.slice(1)).replace('{k}', release.kubernetes.replace('+', '-'))}`,
    ],
    sizeBytes: size,
  }));
  context.nodes.forEach((node, index) => {
    const roles: Record<string, string> = node.controlPlane
      ? {
          'node-role.kubernetes.io/control-plane': 'true',
          'node-role.kubernetes.io/etcd': 'true',
          'node-role.kubernetes.io/master': 'true',
        }
      : { 'node-role.harvesterhci.io/worker': 'true' };
    const joined = context.at(5 + index * 40);
    const heartbeat = context.before(1 + index);
    context.builder.addObject({
      apiVersion: 'v1',
      kind: 'Node',
      metadata: {
        annotations: {
          'cluster.x-k8s.io/cluster-name': 'local',
          'cluster.x-k8s.io/cluster-namespace': 'fleet-local',
          'cluster.x-k8s.io/machine': node.machine,
          'csi.volume.kubernetes.io/nodeid': `{"driver.longhorn.io":"${node.name}"}`,
          'kubevirt.io/heartbeat': heartbeat,
          'node.alpha.kubernetes.io/ttl': '0',
          'rke2.io/hostname': node.name,
          'rke2.io/internal-ip': node.ip,
          'rke2.io/node-args': `["${node.controlPlane ? 'server' : 'agent'}","--node-label","rke.cattle.io/machine=${node.systemUuid}","--token","********"]`,
          'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
        },
        creationTimestamp: joined,
        finalizers: ['wrangler.cattle.io/node', 'wrangler.cattle.io/managed-etcd-controller'],
        labels: {
          'beta.kubernetes.io/arch': 'amd64',
          'beta.kubernetes.io/instance-type': 'rke2',
          'beta.kubernetes.io/os': 'linux',
          'cpu-manager.harvesterhci.io/status': 'disabled',
          'harvesterhci.io/managed': 'true',
          'kubernetes.io/arch': 'amd64',
          'kubernetes.io/hostname': node.name,
          'kubernetes.io/os': 'linux',
          'kubevirt.io/schedulable': 'true',
          ...roles,
          'node.kubernetes.io/instance-type': 'rke2',
          'rke.cattle.io/machine': node.systemUuid,
        },
        managedFields: [
          managedField('v1', 'rke2', joined, {
            'f:metadata': { 'f:annotations': { 'f:rke2.io/hostname': {}, 'f:rke2.io/internal-ip': {}, 'f:rke2.io/node-args': {} } },
          }),
          managedField('v1', 'kubelet', heartbeat, {
            'f:status': { 'f:conditions': { 'k:{"type":"Ready"}': { 'f:lastHeartbeatTime': {}, 'f:status': {} } }, 'f:images': {} },
          }, { subresource: 'status' }),
        ],
        name: node.name,
      },
      spec: { podCIDR: node.podCidr, podCIDRs: [node.podCidr], providerID: `rke2://${node.name}` },
      status: {
        addresses: [
          { address: node.ip, type: 'InternalIP' },
          { address: node.name, type: 'Hostname' },
        ],
        allocatable: { cpu: '16', 'devices.kubevirt.io/kvm': '1k', 'ephemeral-storage': '149527126718', memory: '65644200Ki', pods: '200' },
        capacity: { cpu: '16', 'devices.kubevirt.io/kvm': '1k', 'ephemeral-storage': '153707984Ki', memory: '65644200Ki', pods: '200' },
        conditions: [
          nodeCondition('MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available', heartbeat, joined),
          nodeCondition('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure', heartbeat, joined),
          nodeCondition('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available', heartbeat, joined),
          nodeCondition('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status', heartbeat, context.at(6 + index * 40)),
        ],
        daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
        images,
        nodeInfo: {
          architecture: 'amd64',
          bootID: context.random.uuid(),
          containerRuntimeVersion: 'containerd://1.7.23-k3s2',
          kernelVersion: '5.14.21-150500.55.88-default',
          kubeProxyVersion: release.kubernetes,
          kubeletVersion: release.kubernetes,
          machineID: context.random.hex(32),
          operatingSystem: 'linux',
          osImage: `Harvester ${release.harvester}`,
          systemUUID: node.systemUuid,
        },
      },
    });
  });
}

function nodeCondition(type: string, status: string, reason: string, message: string, heartbeat: string, transition: string) {
  return { lastHeartbeatTime: heartbeat, lastTransitionTime: transition, message, reason, status, type };
}
