import { describe, expect, it } from 'vitest';
import { BundleBuilder } from '../../../rules/src/testing/bundle-builder.js';
import { openBundle } from '../bundle.js';

const MANAGED = [
  {
    apiVersion: 'v1',
    fieldsType: 'FieldsV1',
    fieldsV1: { 'f:metadata': { 'f:labels': { '.': {}, 'f:app': {} } }, 'f:status': { 'f:phase': {}, 'f:message': {} } },
    manager: 'kubelet',
    operation: 'Update',
    subresource: 'status',
    time: '2026-02-02T03:30:00Z',
  },
];

function podBundle(): Uint8Array {
  return new BundleBuilder({ createdAt: '2026-02-02T03:33:41Z', kubernetesVersion: 'v1.33.5+rke2r1', kit: 'v0.0.84' })
    .collectNamespace('harvester-system')
    .addObject({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'virt-api-0', namespace: 'harvester-system', labels: { app: 'virt-api' }, managedFields: MANAGED },
      status: { phase: 'Running', message: '' },
    })
    .toZip();
}

describe('managedFields', () => {
  it('are left out of decoded objects, and read again from the file when asked for', async () => {
    const bundle = await openBundle(podBundle());
    try {
      const [pod] = await bundle.resources({ group: '', resource: 'pods', namespace: 'harvester-system' });
      expect(pod!.metadata).not.toHaveProperty('managedFields');
      expect(pod!.metadata.labels).toEqual({ app: 'virt-api' });
      expect(await bundle.managedFields(pod!)).toEqual([{ ...MANAGED[0], fieldsV1: MANAGED[0]!.fieldsV1 }]);
    } finally {
      await bundle.close();
    }
  });

  it('never become evidence lines: locate refuses a pointer into them, and finds the field itself elsewhere', async () => {
    const bundle = await openBundle(podBundle());
    try {
      const [pod] = await bundle.resources({ group: '', resource: 'pods', namespace: 'harvester-system' });
      expect(await bundle.locate(pod!, '/metadata/managedFields/0/manager')).toBeUndefined();
      expect(await bundle.locate(pod!, '/metadata/managedFields')).toBeUndefined();
      const origin = bundle.origin(pod!)!;
      const phaseLine = await bundle.locate(pod!, '/status/phase');
      expect(await bundle.lineText(origin.path, phaseLine!)).toBe('    phase: Running');
      const labelLine = await bundle.locate(pod!, '/metadata/labels/app');
      expect(await bundle.lineText(origin.path, labelLine!)).toBe('      app: virt-api');
    } finally {
      await bundle.close();
    }
  });
});
