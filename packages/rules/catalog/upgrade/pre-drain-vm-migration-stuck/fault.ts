/** S28: node Pre-draining; pre-drain job loops waiting for a VM migration stuck in Scheduling. */
import type { BundleBuilder } from '../../../src/testing/bundle-builder.js';
import { beforeCreated } from '../../../../../testdata/generator/fault-support/fleet-objects.js';
import { addJobPod, addUpgrade, timedLines } from '../../../../../testdata/generator/fault-support/upgrade-objects.js';

export function preDrainVmMigrationStuck(builder: BundleBuilder, options: { loops?: number } = {}): void {
  const nodes = builder.listObjects('v1', 'Node').map((node) => node.metadata.name);
  addUpgrade(builder, { from: 'v1.4.1', to: 'v1.4.2', state: 'UpgradingNodes', nodeStatuses: Object.fromEntries(nodes.map((node, i) => [node, { state: i === 0 ? 'Pre-draining' : 'Images preloaded' }])) });
  const vmi = builder.listObjects('kubevirt.io/v1', 'VirtualMachineInstance', 'default')[0]!;
  builder.addObject({
    apiVersion: 'kubevirt.io/v1',
    kind: 'VirtualMachineInstanceMigration',
    metadata: { creationTimestamp: beforeCreated(builder, 50 * 60), generateName: `${vmi.metadata.name}-`, labels: { 'kubevirt.io/vmi-name': vmi.metadata.name }, name: `${vmi.metadata.name}-migration-q8v2x`, namespace: 'default' },
    spec: { vmiName: vmi.metadata.name },
    status: { phase: 'Scheduling', phaseTransitionTimestamps: [{ phase: 'Pending', phaseTransitionTimestamp: beforeCreated(builder, 50 * 60) }, { phase: 'Scheduling', phaseTransitionTimestamp: beforeCreated(builder, 49 * 60) }] },
  });
  const loops = options.loops ?? 60;
  const texts = Array.from({ length: loops }, (_, i) => `Waiting for VM live-migration or shutdown...(count: ${i + 1})`);
  addJobPod(builder, { job: `hvst-upgrade-7xk2p-pre-drain-${nodes[0]}`, container: 'apply', node: nodes[0]!, image: 'rancher/harvester-upgrade:v1.4.2', lines: timedLines(builder, texts, 10) });
}
