/**
 * `cdi-datavolume-failed`: a VM, opensuse-leap-15, was created forty minutes ago with a root disk
 * imported by CDI from an image URL that answers 404. The DataVolume stays ImportInProgress, its
 * Running condition is False with reason Error and the importer's message, and CDI has restarted
 * the importer four times; the claim it fills is Pending (populator) and KubeVirt shows the VM as
 * DataVolumeError. Other states: `failed` (phase Failed), `restarting` (no error recorded, the
 * importer running again after three restarts) and, as near misses, `importing` (progress, no
 * restart) and `succeeded`.
 */
import type { BundleBuilder, KubeObject } from '../../../src/testing/bundle-builder.js';
import { secondsBefore } from '../../../../../testdata/generator/fault-support/longhorn-objects.js';
import { KUBEVIRT, copyVm } from '../../../../../testdata/generator/fault-support/storage-objects.js';

export type DataVolumeState = 'error' | 'failed' | 'restarting' | 'importing' | 'succeeded';

export const IMAGE_URL = 'https://download.opensuse.org/distribution/leap/15.6/appliances/openSUSE-Leap-15.6-Minimal-VM.x86_64-Cloud.qcow2';
export const NOT_FOUND = 'Unable to connect to http data source: expected status code 200, got 404. Status: 404 Not Found';

export function cdiDataVolumeFailed(builder: BundleBuilder, state: DataVolumeState = 'error'): { vm: string; dataVolume: string } {
  const vm = 'opensuse-leap-15';
  const seconds = 2400;
  const { claim, vmi, launcherPod } = copyVm(builder, 'ubuntu-2204-web', vm, 'x8dq2', seconds);
  const dataVolume = claim.metadata.name;
  if (vmi) builder.removeObject(KUBEVIRT, 'VirtualMachineInstance', 'default', vm);
  if (launcherPod) builder.removeObject('v1', 'Pod', 'default', launcherPod.metadata.name);
  const created = secondsBefore(builder, seconds);
  const at = (offset: number) => secondsBefore(builder, seconds - offset);
  const condition = (type: string, status: string, reason: string, message = '', offset = 2) => ({ lastHeartbeatTime: secondsBefore(builder, 5), lastTransitionTime: at(offset), message, reason, status, type });
  const done = state === 'succeeded';
  const running = {
    error: condition('Running', 'False', 'Error', NOT_FOUND, 2300),
    failed: condition('Running', 'False', 'Error', NOT_FOUND, 2300),
    restarting: condition('Running', 'True', 'Pod is running', '', 2350),
    importing: condition('Running', 'True', 'Pod is running', '', 10),
    succeeded: condition('Running', 'False', 'Completed', 'Import Complete', 900),
  }[state];
  const status: Record<string, unknown> = {
    claimName: dataVolume,
    conditions: [condition('Bound', 'True', 'Bound', `PVC ${dataVolume} Bound`), condition('Ready', done ? 'True' : 'False', done ? 'Ready' : 'TransferRunning', '', done ? 900 : 3), running],
    phase: { error: 'ImportInProgress', failed: 'Failed', restarting: 'ImportInProgress', importing: 'ImportInProgress', succeeded: 'Succeeded' }[state],
    progress: { error: 'N/A', failed: 'N/A', restarting: '12.40%', importing: '45.31%', succeeded: '100.0%' }[state],
    ...(state === 'error' || state === 'failed' ? { restartCount: 4 } : state === 'restarting' ? { restartCount: 3 } : {}),
  };
  const object: KubeObject = {
    apiVersion: 'cdi.kubevirt.io/v1beta1',
    kind: 'DataVolume',
    metadata: {
      annotations: { 'cdi.kubevirt.io/storage.usePopulator': 'true', 'harvesterhci.io/imageId': 'default/image-opensuse-leap' },
      creationTimestamp: created,
      generation: 1,
      labels: { 'kubevirt.io/created-by': builder.getObject(KUBEVIRT, 'VirtualMachine', 'default', vm)!.metadata.uid as string },
      name: dataVolume,
      namespace: 'default',
      ownerReferences: [{ apiVersion: KUBEVIRT, blockOwnerDeletion: true, controller: true, kind: 'VirtualMachine', name: vm, uid: builder.getObject(KUBEVIRT, 'VirtualMachine', 'default', vm)!.metadata.uid }],
    },
    spec: { source: { http: { url: IMAGE_URL } }, storage: { accessModes: ['ReadWriteMany'], resources: { requests: { storage: '30Gi' } }, storageClassName: 'harvester-longhorn', volumeMode: 'Block' } },
    status,
  };
  builder.addObject(object);
  builder.updateObject('v1', 'PersistentVolumeClaim', 'default', dataVolume, (pvc) => {
    pvc.metadata.annotations = { 'cdi.kubevirt.io/storage.contentType': 'kubevirt', 'cdi.kubevirt.io/storage.usePopulator': 'true', 'volume.kubernetes.io/storage-provisioner': 'driver.longhorn.io' };
    pvc.metadata.ownerReferences = [{ apiVersion: 'cdi.kubevirt.io/v1beta1', blockOwnerDeletion: true, controller: true, kind: 'DataVolume', name: dataVolume, uid: object.metadata.uid ?? '' }];
    Object.assign(pvc.spec as Record<string, unknown>, { dataSourceRef: { apiGroup: 'cdi.kubevirt.io', kind: 'VolumeImportSource', name: `volume-import-source-${dataVolume}` }, storageClassName: 'harvester-longhorn' });
    pvc.status = done ? { accessModes: ['ReadWriteMany'], capacity: { storage: '30Gi' }, phase: 'Bound' } : { phase: 'Pending' };
    if (done) (pvc.spec as Record<string, unknown>).volumeName = 'pvc-6d1f3a0e-3c2b-4f5e-9a8b-7c6d5e4f3a21';
  });
  builder.updateObject(KUBEVIRT, 'VirtualMachine', 'default', vm, (object) => {
    const template = (object.spec as { template: { spec: { volumes: Record<string, unknown>[] } } }).template.spec;
    template.volumes = [{ dataVolume: { name: dataVolume }, name: 'disk-0' }];
    (object.spec as Record<string, unknown>).dataVolumeTemplates = [{ metadata: { name: dataVolume }, spec: { source: { http: { url: IMAGE_URL } }, storage: { resources: { requests: { storage: '30Gi' } }, storageClassName: 'harvester-longhorn' } } }];
    object.status = done
      ? object.status
      : {
          conditions: [{ lastProbeTime: null, lastTransitionTime: created, message: 'VMI does not exist', reason: 'VMINotExists', status: 'False', type: 'Ready' }],
          printableStatus: { error: 'DataVolumeError', failed: 'DataVolumeError', restarting: 'Provisioning', importing: 'Provisioning' }[state as 'error'],
          ready: false,
        };
  });
  return { vm, dataVolume };
}
