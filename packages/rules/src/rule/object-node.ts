import type { KubeObject } from '@bundle-triage/core';

/** The node an object runs on, as the object records it. */
export function nodeOf(object: KubeObject): string | undefined {
  const spec = (object.spec ?? {}) as Record<string, unknown>;
  const status = (object.status ?? {}) as Record<string, unknown>;
  const candidates = [
    object.kind === 'Node' ? object.metadata.name : undefined,
    spec.nodeName, // Pod
    status.nodeName, // VirtualMachineInstance
    spec.nodeID, // Longhorn Replica, Engine, InstanceManager
    (status.nodeRef as { name?: unknown } | undefined)?.name, // CAPI Machine
  ];
  const found = candidates.find((candidate) => typeof candidate === 'string' && candidate !== '');
  return found as string | undefined;
}

/** The node whose node bundle holds a bundle path (`nodes/n1.zip!/n1/logs/kernel.log` → n1). */
export function nodeOfPath(path: string): string | undefined {
  return /^nodes\/([^/!]+?)(?:\.zip!)?\//.exec(path)?.[1];
}
