/**
 * A setting the controller could not apply. By default `overcommit-config` was changed to a
 * storage over-provisioning of 300 % while longhorn-manager's admission webhook was unreachable,
 * so the syncer could not update Longhorn's `storage-over-provisioning-percentage` and recorded
 * the API error. With `storage-network`, the storage network change has waited an hour for the
 * VM volumes to be detached ("In Progress"). With `default-target`, the near miss: backup-target
 * back to its default, configured False without a message.
 */
import type { BundleBuilder } from '../../../src/testing/bundle-builder.js';
import { secondsBefore } from '../../../../../testdata/generator/fault-support/helm-objects.js';

export type HarvesterSettingRejectedVariant = 'overcommit' | 'storage-network' | 'default-target';

export const WEBHOOK_ERROR =
  'Internal error occurred: failed calling webhook "validator.longhorn.io": failed to call webhook: Post "https://longhorn-admission-webhook.longhorn-system.svc:9502/v1/webhook/validaton?timeout=10s": dial tcp 10.53.190.14:9502: connect: connection refused';

export function harvesterSettingRejected(builder: BundleBuilder, variant: HarvesterSettingRejectedVariant = 'overcommit'): string {
  const name = variant === 'overcommit' ? 'overcommit-config' : variant === 'storage-network' ? 'storage-network' : 'backup-target';
  builder.updateObject('harvesterhci.io/v1beta1', 'Setting', undefined, name, (setting) => {
    setting.metadata.generation = Number(setting.metadata.generation ?? 1) + 1;
    if (variant === 'overcommit') {
      setting.value = '{"cpu":1600,"memory":150,"storage":300}';
      setting.metadata.annotations = { 'harvesterhci.io/hash': '0d0e46d3c0d5a4b5b3a3c5c4b6e0d1a9e2b7c8d4f1a2b3c4d5e6f7a8' };
      setting.status = { conditions: [{ lastUpdateTime: secondsBefore(builder, 12 * 60), message: WEBHOOK_ERROR, status: 'False', type: 'configured' }] };
    } else if (variant === 'storage-network') {
      setting.value = '{"vlan":100,"clusterNetwork":"storage","range":"192.168.100.0/24"}';
      setting.status = {
        conditions: [{ lastUpdateTime: secondsBefore(builder, 62 * 60), message: 'Waiting for all volumes detached: pvc-3f0c9a7e-1b2d-4c5e-8f9a-0b1c2d3e4f50,pvc-7a8b9c0d-1e2f-4a3b-9c4d-5e6f7a8b9c0d', reason: 'In Progress', status: 'False', type: 'configured' }],
      };
    } else {
      setting.value = '{"type":"","endpoint":""}';
      setting.status = { conditions: [{ lastUpdateTime: secondsBefore(builder, 5 * 60), status: 'False', type: 'configured' }] };
    }
  });
  return name;
}
