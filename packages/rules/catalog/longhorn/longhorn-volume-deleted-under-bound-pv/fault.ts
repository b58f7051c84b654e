/**
 * `longhorn-volume-deleted-under-bound-pv`, as the real v1.0 sample shows it: the running VM
 * sles15-sp6-db's claim and PV were deleted while its virt-launcher pod still mounted the claim,
 * and the Longhorn volume, its engine and replicas went with them. The claim and the PV stay,
 * held by kubernetes.io/pvc-protection and the external-attacher (`deletionSecondsBefore` ago);
 * the PV is still Bound. The virt-launcher pod mounts the claim, as real ones do (the generator's
 * pods carry no volumes). `released` leaves the PV in phase Released instead, as a reclaim in
 * progress shows it (a near miss).
 */
import type { BundleBuilder } from '../../../src/testing/bundle-builder.js';
import { LONGHORN, secondsBefore } from '../../../../../testdata/generator/fault-support/longhorn-objects.js';
import { vmParts } from '../../../../../testdata/generator/fault-support/storage-objects.js';

export function longhornVolumeDeletedUnderBoundPv(
  builder: BundleBuilder,
  options: { vm?: string; deletionSecondsBefore?: number; released?: boolean } = {},
): { claim: string; volume: string; launcherPod: string | undefined } {
  const { claim, volume, launcherPod } = vmParts(builder, options.vm ?? 'sles15-sp6-db');
  const deleted = secondsBefore(builder, options.deletionSecondsBefore ?? 15 * 86_400);
  builder.updateObject('v1', 'PersistentVolumeClaim', claim.metadata.namespace, claim.metadata.name, (object) => {
    object.metadata.deletionGracePeriodSeconds = 0;
    object.metadata.deletionTimestamp = deleted;
    object.metadata.finalizers = ['kubernetes.io/pvc-protection'];
  });
  builder.updateObject('v1', 'PersistentVolume', undefined, volume, (object) => {
    object.metadata.deletionGracePeriodSeconds = 0;
    object.metadata.deletionTimestamp = deleted;
    object.metadata.finalizers = ['kubernetes.io/pv-protection', 'external-attacher/driver-longhorn-io'];
    if (options.released) object.status = { phase: 'Released' };
  });
  if (launcherPod) {
    builder.updateObject('v1', 'Pod', launcherPod.metadata.namespace, launcherPod.metadata.name, (pod) => {
      const spec = pod.spec as { volumes?: unknown[] };
      spec.volumes = [...(spec.volumes ?? []), { name: 'disk-0', persistentVolumeClaim: { claimName: claim.metadata.name } }];
    });
  }
  builder.removeObject(LONGHORN, 'Volume', 'longhorn-system', volume);
  for (const engine of builder.listObjects(LONGHORN, 'Engine', 'longhorn-system')) {
    if ((engine.spec as { volumeName?: string }).volumeName === volume) builder.removeObject(LONGHORN, 'Engine', 'longhorn-system', engine.metadata.name);
  }
  for (const replica of builder.listObjects(LONGHORN, 'Replica', 'longhorn-system')) {
    if ((replica.spec as { volumeName?: string }).volumeName === volume) builder.removeObject(LONGHORN, 'Replica', 'longhorn-system', replica.metadata.name);
  }
  return { claim: claim.metadata.name, volume, launcherPod: launcherPod?.metadata.name };
}
