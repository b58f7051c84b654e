import type { BundleBuilder, KubeObject } from '../../../src/testing/bundle-builder.js';

/** The harvester-webhook pod fails its readiness probe (pre-check 16); reason PodCompleted gives the near miss. */
export function precheckPodStatus(builder: BundleBuilder, options: { reason?: string } = {}): string {
  const pod = builder.listObjects('v1', 'Pod', 'harvester-system').find((candidate) => candidate.metadata.name.startsWith('harvester-webhook-'))!;
  builder.updateObject('v1', 'Pod', 'harvester-system', pod.metadata.name, (object) => {
    const ready = (object.status as { conditions: Record<string, unknown>[] }).conditions.find((condition) => condition.type === 'Ready')!;
    ready.status = 'False';
    ready.reason = options.reason ?? 'ContainersNotReady';
    ready.message = 'containers with unready status: [harvester-webhook]';
  });
  return `harvester-system/${pod.metadata.name}`;
}
export type { KubeObject };
