import { SeededRandom } from '../random.js';

/** The variable parts of log lines, in the shapes a Harvester cluster gives them. */
export class Variables {
  readonly random: SeededRandom;
  readonly nodes: readonly string[];

  constructor(seed: number, nodes: readonly string[] = ['harvester-node-0', 'harvester-node-1', 'harvester-node-2']) {
    this.random = new SeededRandom(seed);
    this.nodes = nodes;
  }

  int(min: number, max: number): number {
    return this.random.int(min, max);
  }

  pick<T>(items: readonly T[]): T {
    return this.random.pick(items);
  }

  uuid(): string {
    return this.random.uuid();
  }

  hex(length: number): string {
    return this.random.hex(length);
  }

  node(): string {
    return this.pick(this.nodes);
  }

  /** A Longhorn volume: `pvc-<uuid>`. */
  volume(): string {
    return `pvc-${this.uuid()}`;
  }

  vm(): string {
    return `vm-${this.pick(['web', 'db', 'build', 'win', 'k8s'])}-${String(this.int(1, 40)).padStart(2, '0')}`;
  }

  /** A pod of a ReplicaSet: `<base>-<hash>-<suffix>`. */
  replicaPod(base: string): string {
    return `${base}-${this.random.podSuffix(this.int(8, 10))}-${this.random.podSuffix()}`;
  }

  /** A pod of a DaemonSet or a Job: `<base>-<suffix>`. */
  daemonPod(base: string): string {
    return `${base}-${this.random.podSuffix()}`;
  }

  suffix(): string {
    return this.random.podSuffix();
  }

  ip(): string {
    return `10.52.${this.int(0, 3)}.${this.int(2, 250)}`;
  }

  hostIp(): string {
    return `192.168.122.${this.int(10, 60)}`;
  }

  port(): number {
    return this.int(10000, 10030);
  }

  /** Go's time.Duration text: `5m0s`, `2m2s`, `30s`, `250ms`. */
  duration(): string {
    return this.pick(['5m0s', '2m2s', '1m4s', '30s', '10s', '250ms', '1.5s']);
  }

  /** An RFC 3339 time around the bundle (for messages that quote one). */
  time(): string {
    return new Date(Date.UTC(2025, 2, 12, this.int(0, 9), this.int(0, 59), this.int(0, 59))).toISOString().replace('.000Z', 'Z');
  }

  device(): string {
    return `sd${String.fromCharCode(98 + this.int(0, 6))}`;
  }

  namespace(): string {
    return this.pick(['default', 'harvester-system', 'longhorn-system', 'cattle-system', 'production-vms']);
  }
}
