/**
 * Free addresses of a Whereabouts IPPool, for pre-checks 19 and 20 (storage network and RWX
 * network). The script compares the free addresses of the network's pool with the pods the
 * upgrade is about to start on it; an exhausted pool leaves the new Longhorn managers without an
 * address and the upgrade stalls. Counted exactly: the usable IPv4 addresses of the range
 * (network and broadcast address left out, as Whereabouts does), minus the excluded CIDRs, minus
 * the allocations that fall on an address still in that set.
 */
import type { KubeObject } from '@bundle-triage/core';
import type { RuleContext } from '../../rule/rule.js';
import { recordOf } from '../../rule/object-fields.js';

/** The part of a storage-network / rwx-network setting value Whereabouts is configured from. */
export interface NetworkRange {
  range: string;
  exclude: string[];
}

export interface PoolCapacity {
  /** Usable addresses of the range, excluded ones left out. */
  usable: number;
  /** Allocations on one of those addresses. */
  allocated: number;
  free: number;
}

interface Interval {
  first: number;
  last: number;
}

const IPV4_CIDR = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;

/** The IPPool Whereabouts keeps for a range: `192.168.100.0/24` → `192.168.100.0-24` (`:` → `-` for IPv6). */
export function whereaboutsPoolName(range: string): string {
  return range.replace(/:/g, '-').replace(/\//g, '-');
}

/** First and last address of an IPv4 CIDR (the masked network and its broadcast), or undefined. */
export function ipv4Block(cidr: string): Interval | undefined {
  const match = IPV4_CIDR.exec(cidr.trim());
  if (!match) return undefined;
  const octets = match.slice(1, 5).map(Number);
  const prefix = Number(match[5]);
  if (octets.some((octet) => octet > 255) || prefix > 32) return undefined;
  const address = octets.reduce((value, octet) => value * 256 + octet, 0);
  const size = 2 ** (32 - prefix);
  const first = Math.floor(address / size) * size;
  return { first, last: first + size - 1 };
}

export function formatIpv4(address: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(address / 2 ** shift) % 256).join('.');
}

/**
 * Why the range cannot be counted here (IPv6, not a CIDR, a broken exclude), or undefined when
 * it can.
 */
export function unsupportedRange(network: NetworkRange): string | undefined {
  if (network.range.includes(':')) return `the range ${network.range} is IPv6; this analyzer counts IPv4 pools only`;
  if (!ipv4Block(network.range)) return `the range ${JSON.stringify(network.range)} is not an IPv4 CIDR`;
  const broken = network.exclude.find((cidr) => !ipv4Block(cidr));
  if (broken !== undefined) return `the excluded range ${JSON.stringify(broken)} is not an IPv4 CIDR`;
  return undefined;
}

/**
 * Usable, allocated and free addresses of the pool of `network`. `allocations` is the pool's
 * `spec.allocations`: offsets from the range's network address (decimal strings) to
 * `{id, podref}`. Call `unsupportedRange` first; this throws on a range it rejects.
 */
export function poolCapacity(network: NetworkRange, allocations: Record<string, unknown>): PoolCapacity {
  const block = ipv4Block(network.range);
  if (!block) throw new Error(`not an IPv4 CIDR: ${network.range}`);
  const usable = usableIntervals(block, network.exclude.map((cidr) => ipv4Block(cidr)!));
  const usableCount = usable.reduce((sum, interval) => sum + interval.last - interval.first + 1, 0);
  let allocated = 0;
  for (const offset of Object.keys(allocations)) {
    if (!/^\d+$/.test(offset)) continue;
    const address = block.first + Number(offset);
    if (usable.some((interval) => address >= interval.first && address <= interval.last)) allocated += 1;
  }
  return { usable: usableCount, allocated, free: usableCount - allocated };
}

/** The usable part of a block (Whereabouts hands out neither its first nor its last address) minus the excluded blocks. */
function usableIntervals(block: Interval, excluded: Interval[]): Interval[] {
  if (block.last - block.first < 2) return [];
  let remaining: Interval[] = [{ first: block.first + 1, last: block.last - 1 }];
  for (const cut of excluded) {
    remaining = remaining.flatMap((interval) => {
      if (cut.last < interval.first || cut.first > interval.last) return [interval];
      const pieces: Interval[] = [];
      if (cut.first > interval.first) pieces.push({ first: interval.first, last: cut.first - 1 });
      if (cut.last < interval.last) pieces.push({ first: cut.last + 1, last: interval.last });
      return pieces;
    });
  }
  return remaining;
}

/**
 * The shortest prefix (widest range) on the same network address whose pool would hold
 * `needed` addresses once the excluded ones are left out; undefined below /8.
 */
export function widerRange(network: NetworkRange, needed: number): string | undefined {
  const block = ipv4Block(network.range);
  if (!block) return undefined;
  const excluded = network.exclude.map((cidr) => ipv4Block(cidr)!);
  for (let prefix = 32 - Math.log2(block.last - block.first + 1) - 1; prefix >= 8; prefix -= 1) {
    const size = 2 ** (32 - prefix);
    const first = Math.floor(block.first / size) * size;
    const wider = usableIntervals({ first, last: first + size - 1 }, excluded);
    if (wider.reduce((sum, interval) => sum + interval.last - interval.first + 1, 0) >= needed) return `${formatIpv4(first)}/${prefix}`;
  }
  return undefined;
}

/**
 * The Whereabouts IPPool of `range` in kube-system; ends the rule as skipped, with the reason,
 * when the bundle cannot show it.
 */
export function findIpPool(context: RuleContext, pools: readonly KubeObject[], network: NetworkRange, what: string): KubeObject {
  const name = whereaboutsPoolName(network.range);
  const command = `kubectl get ippools.whereabouts.cni.cncf.io -n kube-system ${name} -o yaml`;
  if (!context.facts.collectedNamespaces.includes('kube-system')) {
    return context.skip('missing-input', `namespace kube-system was not collected in this bundle, so the Whereabouts IPPool kube-system/${name} of the ${what} ${network.range} cannot be read; check it with ${command}`);
  }
  const pool = pools.find((candidate) => candidate.metadata.namespace === 'kube-system' && candidate.metadata.name === name);
  if (pool) return pool;
  const listed = pools.some((candidate) => candidate.metadata.namespace === 'kube-system');
  return context.skip('missing-input',
    `the Whereabouts IPPool kube-system/${name} of the ${what} ${network.range} is not in this bundle (${listed ? 'the ippools list of kube-system does not hold it' : 'kube-system was collected but has no whereabouts.cni.cncf.io ippools list'}); check it with ${command}`,
  );
}

/** `spec.allocations` of an IPPool (`{}` when none). */
export function poolAllocations(pool: KubeObject): Record<string, unknown> {
  return recordOf(pool, 'spec.allocations');
}
