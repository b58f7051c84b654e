/**
 * `pvc-lost`: the PersistentVolume behind the stopped VM win2022-jumphost's disk was force-deleted
 * (its finalizer removed), so the claim went Lost and the persistentvolume-controller reported
 * ClaimLost. The Longhorn volume of the same name is left detached in longhorn-system — unless
 * `volumeDeleted`, where it was removed from the Longhorn UI too and the data is gone.
 */
import type { BundleBuilder } from '../../../src/testing/bundle-builder.js';
import { LONGHORN } from '../../../../../testdata/generator/fault-support/longhorn-objects.js';
import { addEvent, vmParts } from '../../../../../testdata/generator/fault-support/storage-objects.js';

export function pvcLost(builder: BundleBuilder, options: { volumeDeleted?: boolean } = {}): { claim: string; volume: string } {
  const { claim, volume } = vmParts(builder, 'win2022-jumphost');
  builder.updateObject('v1', 'PersistentVolumeClaim', 'default', claim.metadata.name, (object) => {
    object.status = { phase: 'Lost' };
  });
  builder.removeObject('v1', 'PersistentVolume', undefined, volume);
  addEvent(builder, {
    namespace: 'default',
    involved: { apiVersion: 'v1', kind: 'PersistentVolumeClaim', name: claim.metadata.name },
    type: 'Warning',
    reason: 'ClaimLost',
    message: 'Bound claim has lost its PersistentVolume. Data on the volume is lost!',
    component: 'persistentvolume-controller',
    firstSecondsBefore: 1500,
  });
  if (options.volumeDeleted) {
    builder.removeObject(LONGHORN, 'Volume', 'longhorn-system', volume);
    builder.removeObject(LONGHORN, 'Engine', 'longhorn-system', `${volume}-e-0`);
    for (const replica of builder.listObjects(LONGHORN, 'Replica', 'longhorn-system')) {
      if ((replica.spec as { volumeName: string }).volumeName === volume) builder.removeObject(LONGHORN, 'Replica', 'longhorn-system', replica.metadata.name);
    }
  }
  return { claim: claim.metadata.name, volume };
}
