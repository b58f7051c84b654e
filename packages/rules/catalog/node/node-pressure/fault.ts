/**
 * A node under pressure: the kubelet crossed an eviction threshold and set the condition True (and
 * the node got the matching NoSchedule taint). With `recovered`, the near miss: the pressure was
 * relieved a few minutes before the bundle and the condition is False again.
 */
import type { BundleBuilder } from '../../../src/testing/bundle-builder.js';
import { secondsBefore } from '../../../../../testdata/generator/fault-support/longhorn-objects.js';

export type Pressure = 'MemoryPressure' | 'DiskPressure' | 'PIDPressure';

const WORDS: Record<Pressure, { on: [reason: string, message: string]; off: [reason: string, message: string]; taint: string }> = {
  MemoryPressure: { on: ['KubeletHasInsufficientMemory', 'kubelet has insufficient memory available'], off: ['KubeletHasSufficientMemory', 'kubelet has sufficient memory available'], taint: 'node.kubernetes.io/memory-pressure' },
  DiskPressure: { on: ['KubeletHasDiskPressure', 'kubelet has disk pressure'], off: ['KubeletHasNoDiskPressure', 'kubelet has no disk pressure'], taint: 'node.kubernetes.io/disk-pressure' },
  PIDPressure: { on: ['KubeletHasInsufficientPID', 'kubelet has insufficient PID available'], off: ['KubeletHasSufficientPID', 'kubelet has sufficient PID available'], taint: 'node.kubernetes.io/pid-pressure' },
};

export function nodePressure(builder: BundleBuilder, options: { pressures?: Pressure[]; node?: number; minutesAgo?: number; recovered?: boolean } = {}): string {
  const node = builder.listObjects('v1', 'Node')[options.node ?? 0]!;
  const pressures = options.pressures ?? ['DiskPressure'];
  const since = secondsBefore(builder, (options.minutesAgo ?? 35) * 60);
  builder.updateObject('v1', 'Node', undefined, node.metadata.name, (object) => {
    for (const condition of (object.status as { conditions: Record<string, unknown>[] }).conditions) {
      const words = WORDS[condition.type as Pressure];
      if (!words || !pressures.includes(condition.type as Pressure)) continue;
      const [reason, message] = options.recovered ? words.off : words.on;
      Object.assign(condition, { lastTransitionTime: since, message, reason, status: options.recovered ? 'False' : 'True' });
    }
    if (!options.recovered) (object.spec as Record<string, unknown>).taints = pressures.map((pressure) => ({ effect: 'NoSchedule', key: WORDS[pressure].taint, timeAdded: since }));
  });
  return node.metadata.name;
}
