import { AGE, NAME, ageOf, column, field, list, nameOf, record, text, type ResourcePrinter } from './printer.js';

/** PersistentVolumes, PersistentVolumeClaims, StorageClasses, VolumeAttachments, CSIDrivers, CSINodes. */

const ACCESS_MODES: readonly [string, string][] = [
  ['ReadWriteOnce', 'RWO'],
  ['ReadOnlyMany', 'ROX'],
  ['ReadWriteMany', 'RWX'],
  ['ReadWriteOncePod', 'RWOP'],
];

/** `GetAccessModesAsString`: the short forms in a fixed order. */
function accessModes(modes: unknown): string {
  const present = new Set(list(modes).map(text));
  return ACCESS_MODES.filter(([mode]) => present.has(mode)).map(([, short]) => short).join(',');
}

const BETA_STORAGE_CLASS = 'volume.beta.kubernetes.io/storage-class';

function storageClassOf(object: { metadata: { annotations?: Record<string, string> } }, spec: unknown): string {
  const annotation = object.metadata.annotations?.[BETA_STORAGE_CLASS];
  return annotation !== undefined ? annotation : text(field(spec, 'storageClassName'));
}

/** VOLUMEATTRIBUTESCLASS came with VolumeAttributesClass in Kubernetes 1.29. */
function showsAttributesClass(serverMinor: number | undefined): boolean {
  return serverMinor === undefined || serverMinor >= 29;
}

export const persistentVolumePrinter: ResourcePrinter = {
  columns: (context) => [
    NAME,
    column('Capacity'),
    column('Access Modes'),
    column('Reclaim Policy'),
    column('Status'),
    column('Claim'),
    column('StorageClass'),
    ...(showsAttributesClass(context.serverMinor) ? [column('VolumeAttributesClass')] : []),
    column('Reason'),
    AGE,
    column('VolumeMode', 'string', 1),
  ],
  cells: (pv, context) => {
    const claim = field(pv, 'spec', 'claimRef');
    const phase = pv.metadata.deletionTimestamp !== undefined ? 'Terminating' : text(field(pv, 'status', 'phase'));
    return [
      nameOf(pv),
      text(field(pv, 'spec', 'capacity', 'storage')),
      accessModes(field(pv, 'spec', 'accessModes')),
      text(field(pv, 'spec', 'persistentVolumeReclaimPolicy')),
      phase,
      claim === undefined ? '' : `${text(field(claim, 'namespace'))}/${text(field(claim, 'name'))}`,
      storageClassOf(pv, pv.spec),
      ...(showsAttributesClass(context.serverMinor) ? [text(field(pv, 'spec', 'volumeAttributesClassName')) || '<unset>'] : []),
      text(field(pv, 'status', 'reason')),
      ageOf(pv, context),
      text(field(pv, 'spec', 'volumeMode')) || '<unset>',
    ];
  },
};

export const persistentVolumeClaimPrinter: ResourcePrinter = {
  columns: (context) => [
    NAME,
    column('Status'),
    column('Volume'),
    column('Capacity'),
    column('Access Modes'),
    column('StorageClass'),
    ...(showsAttributesClass(context.serverMinor) ? [column('VolumeAttributesClass')] : []),
    AGE,
    column('VolumeMode', 'string', 1),
  ],
  cells: (pvc, context) => {
    const volumeName = text(field(pvc, 'spec', 'volumeName'));
    const phase = pvc.metadata.deletionTimestamp !== undefined ? 'Terminating' : text(field(pvc, 'status', 'phase'));
    return [
      nameOf(pvc),
      phase,
      volumeName,
      volumeName === '' ? '' : text(field(pvc, 'status', 'capacity', 'storage')),
      volumeName === '' ? '' : accessModes(field(pvc, 'status', 'accessModes')),
      storageClassOf(pvc, pvc.spec),
      ...(showsAttributesClass(context.serverMinor) ? [text(field(pvc, 'spec', 'volumeAttributesClassName')) || '<unset>'] : []),
      ageOf(pvc, context),
      text(field(pvc, 'spec', 'volumeMode')) || '<unset>',
    ];
  },
};

export const storageClassPrinter: ResourcePrinter = {
  columns: () => [NAME, column('Provisioner'), column('ReclaimPolicy'), column('VolumeBindingMode'), column('AllowVolumeExpansion'), AGE],
  cells: (object, context) => {
    const annotations = record(object.metadata.annotations);
    const isDefault =
      annotations['storageclass.kubernetes.io/is-default-class'] === 'true' || annotations['storageclass.beta.kubernetes.io/is-default-class'] === 'true';
    return [
      isDefault ? `${nameOf(object)} (default)` : nameOf(object),
      text(field(object, 'provisioner')),
      text(field(object, 'reclaimPolicy')) || 'Delete',
      text(field(object, 'volumeBindingMode')) || 'Immediate',
      field(object, 'allowVolumeExpansion') === true,
      ageOf(object, context),
    ];
  },
};

export const volumeAttachmentPrinter: ResourcePrinter = {
  columns: () => [NAME, column('Attacher'), column('PV'), column('Node'), column('Attached', 'boolean'), AGE],
  cells: (object, context) => [
    nameOf(object),
    text(field(object, 'spec', 'attacher')),
    text(field(object, 'spec', 'source', 'persistentVolumeName')),
    text(field(object, 'spec', 'nodeName')),
    field(object, 'status', 'attached') === true,
    ageOf(object, context),
  ],
};

export const csiDriverPrinter: ResourcePrinter = {
  columns: () => [
    NAME,
    column('AttachRequired', 'boolean'),
    column('PodInfoOnMount', 'boolean'),
    column('StorageCapacity', 'boolean'),
    column('TokenRequests'),
    column('RequiresRepublish', 'boolean'),
    column('Modes'),
    AGE,
  ],
  cells: (object, context) => {
    const spec = field(object, 'spec');
    const tokenRequests = field(spec, 'tokenRequests');
    const modes = list(field(spec, 'volumeLifecycleModes')).map(text).join(',');
    return [
      nameOf(object),
      field(spec, 'attachRequired') !== false,
      field(spec, 'podInfoOnMount') === true,
      field(spec, 'storageCapacity') === true,
      tokenRequests === undefined || tokenRequests === null ? '<unset>' : list(tokenRequests).map((request) => text(field(request, 'audience'))).join(','),
      field(spec, 'requiresRepublish') === true,
      modes === '' ? '<none>' : modes,
      ageOf(object, context),
    ];
  },
};

export const csiNodePrinter: ResourcePrinter = {
  columns: () => [NAME, column('Drivers', 'integer'), AGE],
  cells: (object, context) => [nameOf(object), list(field(object, 'spec', 'drivers')).length, ageOf(object, context)],
};
