/**
 * The bundle sizes the benchmark generates. L is a large production cluster as the issue
 * describes it (≈ 1 GiB uncompressed); M is the same cluster at a fifth of the scale (≈ 200 MB),
 * so that L / M says whether time and memory grow with the bundle; S is a smoke-test size.
 */

/** Raise when the generator's output changes: cached bundles of another version are regenerated. */
export const GENERATOR_VERSION = 4;

export interface BenchSize {
  name: string;
  /** Kubernetes nodes (the first three are control-plane nodes); one node zip each. */
  nodes: number;
  /** Running VMs in `default`, each with a root and a data disk (two Longhorn volumes). */
  vms: number;
  /** Pods in all, reached by adding application pods in extra collected namespaces. */
  pods: number;
  /** Extra collected namespaces that hold the application pods. */
  appNamespaces: number;
  /** Events, spread over the collected namespaces. */
  events: number;
  /** CustomResourceDefinitions in `yamls/cluster/apiextensions.k8s.io/v1/customresourcedefinitions.yaml`. */
  crds: number;
  /** Bytes of each node's `logs/kernel.log` (journal format). */
  kernelLogBytes: number;
  /** Bytes of each node's `logs/rancher-system-agent.log` (a journal unit log, capped at 10 MiB by the kit). */
  journalLogBytes: number;
  /** Bytes of each node's `logs/kubelet.log`. */
  kubeletLogBytes: number;
  /** Bytes of each longhorn-manager pod's log (one per node). */
  longhornManagerLogBytes: number;
  /** Bytes of each virt-handler pod's log (one per node). */
  virtHandlerLogBytes: number;
  /** Bytes of the harvester apiserver log (each replica). */
  harvesterLogBytes: number;
  /** Bytes of each virt-launcher `compute` log. */
  launcherLogBytes: number;
  /** Bytes of the log of every 4th application pod. */
  appLogBytes: number;
}

const MiB = 1024 * 1024;

export const BENCH_SIZES: Record<string, BenchSize> = {
  S: {
    name: 'S',
    // Three nodes: some signatures (a degraded volume blocking the upgrade) need three.
    nodes: 3,
    vms: 6,
    pods: 80,
    appNamespaces: 1,
    events: 200,
    crds: 5,
    kernelLogBytes: 512 * 1024,
    journalLogBytes: 256 * 1024,
    kubeletLogBytes: 64 * 1024,
    longhornManagerLogBytes: 256 * 1024,
    virtHandlerLogBytes: 64 * 1024,
    harvesterLogBytes: 128 * 1024,
    launcherLogBytes: 8 * 1024,
    appLogBytes: 4 * 1024,
  },
  M: {
    name: 'M',
    nodes: 4,
    vms: 100,
    pods: 600,
    appNamespaces: 3,
    events: 4_000,
    crds: 60,
    kernelLogBytes: 20_000_000,
    journalLogBytes: 10 * MiB,
    kubeletLogBytes: 2 * MiB,
    longhornManagerLogBytes: 8 * MiB,
    virtHandlerLogBytes: 3 * MiB,
    harvesterLogBytes: 10 * MiB,
    launcherLogBytes: 48 * 1024,
    appLogBytes: 24 * 1024,
  },
  L: {
    name: 'L',
    nodes: 20,
    vms: 500,
    pods: 3_000,
    appNamespaces: 12,
    events: 20_000,
    crds: 60,
    kernelLogBytes: 20_000_000,
    journalLogBytes: 10 * MiB,
    kubeletLogBytes: 2 * MiB,
    longhornManagerLogBytes: 8 * MiB,
    virtHandlerLogBytes: 3 * MiB,
    harvesterLogBytes: 10 * MiB,
    launcherLogBytes: 48 * 1024,
    appLogBytes: 24 * 1024,
  },
};

export function benchSize(name: string): BenchSize {
  const size = BENCH_SIZES[name];
  if (!size) throw new Error(`unknown bench size ${name}; known: ${Object.keys(BENCH_SIZES).join(', ')}`);
  return size;
}
