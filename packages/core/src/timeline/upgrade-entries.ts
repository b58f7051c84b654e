import type { KubeObject } from '../resources/kube-object.js';
import type { TimePoint } from '../time/time-point.js';
import { objectRef } from '../resources/kube-object.js';
import { describeObject, field, pointerSegment, text } from '../resources/object-fields.js';
import { neighboursOf } from './object-neighbours.js';
import type { PendingEntry } from './pending-entry.js';

/**
 * A Harvester upgrade's state (the `harvesterhci.io/upgradeState` label) and each node's
 * (`status.nodeStatuses`). They carry no time of their own, so they are dated when the bundle
 * was made and marked `inferred: 'collected'`: "as the bundle found it". The upgrade's
 * conditions and creation come from the general condition and lifecycle entries.
 */
export function upgradeEntries(upgrade: KubeObject, path: string, bundleCreatedAt: TimePoint | undefined): PendingEntry[] {
  if (!bundleCreatedAt) return [];
  const entries: PendingEntry[] = [];
  const collected = (pointer: string, textValue: string, level: 'info' | 'warning' | 'error', node?: string): PendingEntry => ({
    entry: {
      time: bundleCreatedAt.time,
      at: bundleCreatedAt.at,
      precision: bundleCreatedAt.precision,
      inferred: 'collected',
      kind: 'upgrade-state',
      level,
      text: textValue,
      source: { path },
      object: objectRef(upgrade),
      related: { ...neighboursOf(upgrade), ...(node ? { node } : {}) },
    },
    locate: { object: upgrade, pointer },
    sourceKey: path,
  });
  const state = text(field(upgrade, 'metadata', 'labels', 'harvesterhci.io/upgradeState'));
  const version = text(field(upgrade, 'spec', 'version'));
  const previous = text(field(upgrade, 'status', 'previousVersion'));
  if (state) {
    entries.push(
      collected(
        `/metadata/labels/${pointerSegment('harvesterhci.io/upgradeState')}`,
        `${describeObject(upgrade)}${previous || version ? ` (${previous ?? '?'} → ${version ?? '?'})` : ''} state ${state} when the bundle was made`,
        state === 'Failed' ? 'error' : state === 'Succeeded' ? 'info' : 'warning',
      ),
    );
  }
  const nodeStatuses = field(upgrade, 'status', 'nodeStatuses');
  if (nodeStatuses && typeof nodeStatuses === 'object') {
    for (const [node, status] of Object.entries(nodeStatuses as Record<string, unknown>)) {
      const nodeState = text(field(status, 'state')) ?? '?';
      const reason = text(field(status, 'reason'));
      const message = text(field(status, 'message'));
      entries.push(
        collected(
          `/status/nodeStatuses/${pointerSegment(node)}/state`,
          `${describeObject(upgrade)} node ${node}: ${nodeState}${reason ? ` (${reason})` : ''}${message ? `: ${message}` : ''}`,
          /fail/i.test(nodeState) ? 'error' : 'info',
          node,
        ),
      );
    }
  }
  return entries;
}

