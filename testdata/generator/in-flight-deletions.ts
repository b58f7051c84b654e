/**
 * Deletions a bundle catches halfway, on any healthy cluster: the recurring snapshot job of the
 * first VM volume was removing its oldest Longhorn snapshot seconds before the bundle was taken
 * (deletionTimestamp set, Longhorn's finalizer not yet removed). A stuck deletion is one that
 * stays; this one must not be reported as stuck.
 */
import type { ClusterContext } from './cluster-context.js';

export function addInFlightDeletions(context: ClusterContext): void {
  const { builder } = context;
  const volume = builder.listObjects('longhorn.io/v1beta2', 'Volume', 'longhorn-system')[0];
  if (!volume) return;
  const created = context.before(60 * 24 * 3);
  const deleted = new Date(Date.parse(builder.createdAt) - 6_000).toISOString().replace('.000Z', 'Z');
  builder.addObject({
    apiVersion: 'longhorn.io/v1beta2',
    kind: 'Snapshot',
    metadata: {
      creationTimestamp: created,
      deletionGracePeriodSeconds: 0,
      deletionTimestamp: deleted,
      finalizers: ['longhorn.io'],
      generation: 2,
      labels: { longhornvolume: volume.metadata.name },
      name: `${volume.metadata.name}-daily-snap-c-3b1e2d`,
      namespace: 'longhorn-system',
      ownerReferences: [{ apiVersion: 'longhorn.io/v1beta2', kind: 'Volume', name: volume.metadata.name, uid: volume.metadata.uid }],
    },
    spec: { createSnapshot: true, labels: { RecurringJob: 'daily-snap' }, volume: volume.metadata.name },
    status: {
      checksum: '',
      children: { 'volume-head': true },
      creationTime: created,
      labels: { RecurringJob: 'daily-snap' },
      markRemoved: true,
      ownerID: String((volume.status as Record<string, unknown> | undefined)?.ownerID ?? ''),
      parent: '',
      readyToUse: true,
      restoreSize: Number((volume.spec as Record<string, unknown>).size ?? 0),
      size: 1_073_741_824,
      userCreated: false,
    },
  });
}
