import type { KubeObject } from '@bundle-triage/core';
import { defineCodeRule } from '../../../src/rule/rule.js';
import { VALIDATOR_V141, field } from '../../../src/catalog/support/readiness-references.js';

const ACTIVE_STATES = new Set(['creating', 'attaching', 'attached']);

/** Check 10 of the v1.4.1 validator: active single-replica Longhorn volumes, listed as <pvc ns>/<pvc name>. */
export default defineCodeRule({
  id: 'upgrade-gate-single-replica-volumes',
  title: 'Upgrade refused: "The backing volumes of the following PVCs have single replica configured"',
  description:
    'Check 10 of the upgrade validator (v1.4.1 checkSingleReplicaVolumes): on a cluster of more than one node, every Longhorn volume with spec.numberOfReplicas 1 that is creating, attaching or attached would block the node drain, so the upgrade is refused with the list of their PVCs. The volumes are read from longhorn-system, so PVCs in namespaces the bundle did not collect are listed too.',
  severity: 'critical',
  component: 'upgrade',
  tags: ['upgrade-gate', 'upgrade', 'longhorn'],
  references: [VALIDATOR_V141, { title: 'Harvester docs: upgrade from v1.1.2 to v1.2.0, known issue 5.1 (single-replica volumes)', url: 'https://docs.harvesterhci.io/v1.2/upgrade/v1-1-2-to-v1-2-0' }],
  whyCode: 'the message lists "<namespace>/<pvc>" built from two fields of each volume (status.kubernetesStatus.namespace and pvcName); templates can only map one field',
  inputs: {
    nodes: { resource: { group: '', resource: 'nodes', namespace: null }, required: true },
    volumes: { resource: { group: 'longhorn.io', resource: 'volumes', namespace: 'longhorn-system' } },
  },
  evaluate: async (context) => {
    if ((context.inputs.nodes as KubeObject[]).length === 1) return [];
    const single = (context.inputs.volumes as KubeObject[]).filter(
      (volume) => Number(field(volume, 'spec.numberOfReplicas')) === 1 && ACTIVE_STATES.has(String(field(volume, 'status.state'))),
    );
    if (single.length === 0) return [];
    const pvcs = single.map((volume) => `${field(volume, 'status.kubernetesStatus.namespace') ?? ''}/${field(volume, 'status.kubernetesStatus.pvcName') ?? ''}`);
    return [
      {
        status: 'fail',
        message: `The backing volumes of the following PVCs have single replica configured, please consider shutdown the corresponding workload before upgrade: ${pvcs.join(', ')}`,
        evidence: await Promise.all(single.map((volume) => context.evidence(volume, '/spec/numberOfReplicas'))),
        remediation: {
          summary: `Shut down the workloads using ${pvcs.join(', ')} before the upgrade, or raise their replica count (Longhorn UI > Volume > Update Replicas Count) and wait until they are healthy.`,
          commands: single.map((volume) => `kubectl -n longhorn-system patch volumes.longhorn.io ${volume.metadata.name} --type merge -p '{"spec":{"numberOfReplicas":3}}'`),
          patch: { target: single[0]!, operations: [{ op: 'replace', path: '/spec/numberOfReplicas', value: 3 }] },
        },
      },
    ];
  },
});
