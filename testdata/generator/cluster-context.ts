/**
 * What every part of the generator shares while it fills one bundle: the builder, the seeded
 * PRNG, the release, the nodes, and a clock anchored at install time.
 */
import type { BundleBuilder } from '../../packages/rules/src/testing/bundle-builder.js';
import type { HarvesterRelease } from './harvester-releases.js';
import type { SeededRandom } from './random.js';
import type { NodeHealth } from './supportconfig.js';

export interface ClusterNode {
  name: string;
  ip: string;
  controlPlane: boolean;
  /** Machine name in fleet-local (`custom-<12 hex>`). */
  machine: string;
  systemUuid: string;
  podCidr: string;
}

export interface ClusterContext {
  builder: BundleBuilder;
  random: SeededRandom;
  release: HarvesterRelease;
  nodes: ClusterNode[];
  /** The management VIP. */
  vip: string;
  /** What each node's supportconfig reports, by node name (see node-bundle.ts updateNodeHealth). */
  nodeHealth: Map<string, NodeHealth>;
  /** RFC3339 time `minutes` after the cluster was installed (installed 30 days before createdAt). */
  at(minutes: number): string;
  /** RFC3339 time `minutes` before the bundle was created. */
  before(minutes: number): string;
}

export function createClock(createdAt: string): Pick<ClusterContext, 'at' | 'before'> {
  const created = Date.parse(createdAt);
  const installed = created - 30 * 24 * 3600_000;
  const format = (ms: number) => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
  return {
    at: (minutes) => format(installed + minutes * 60_000),
    before: (minutes) => format(created - minutes * 60_000),
  };
}

/** A `metadata.managedFields` entry (FieldsV1), kept small but shaped like the API's. */
export function managedField(
  apiVersion: string,
  manager: string,
  time: string,
  fieldsV1: Record<string, unknown>,
  options: { operation?: 'Update' | 'Apply'; subresource?: string } = {},
): Record<string, unknown> {
  return {
    apiVersion,
    fieldsType: 'FieldsV1',
    fieldsV1,
    manager,
    operation: options.operation ?? 'Update',
    ...(options.subresource ? { subresource: options.subresource } : {}),
    time,
  };
}
