import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../resources/kube-object.js';
import { conditionEntries } from './condition-entries.js';

const PODS = 'yamls/namespaced/kube-system/v1/pods.yaml';

/** A pod with the conditions the kubelet writes, as a bundle holds it. */
function pod(name: string, phase: string, conditions: Record<string, string>[]): KubeObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'kube-system', uid: `uid-${name}` }, status: { phase, conditions } } as KubeObject;
}

const levels = (object: KubeObject) => conditionEntries(object, PODS).map(({ entry }) => [entry.text.split(' ').slice(2).join(' '), entry.level]);

describe('condition entries', () => {
  it('take a completed pod not being Ready (PodCompleted) as routine, and a running pod not Ready as a warning', () => {
    const completed = pod('helm-install-rke2-canal-7xk2p', 'Succeeded', [
      { type: 'Ready', status: 'False', reason: 'PodCompleted', lastTransitionTime: '2025-03-11T08:01:12Z' },
      { type: 'ContainersReady', status: 'False', reason: 'PodCompleted', lastTransitionTime: '2025-03-11T08:01:12Z' },
    ]);
    expect(levels(completed)).toEqual([
      ['Ready=False (PodCompleted)', 'info'],
      ['ContainersReady=False (PodCompleted)', 'info'],
    ]);
    const running = pod('harvester-network-controller-manager-5d7c9c8d6-x2x9k', 'Running', [
      { type: 'Ready', status: 'False', reason: 'ContainersNotReady', message: 'containers with unready status: [harvester-network-manager]', lastTransitionTime: '2025-03-12T08:40:02Z' },
    ]);
    expect(levels(running)).toEqual([['Ready=False (ContainersNotReady): containers with unready status: [harvester-network-manager]', 'warning']]);
  });
});
