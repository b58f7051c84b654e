import { apiGroupOf, type KubeObject, type ObjectRef } from '@bundle-triage/core';
import { createTwoFilesPatch } from 'diff';
import { dump } from 'js-yaml';
import type { JsonPatchOperation } from '../rule/rule-types.js';
import { applyJsonPatch } from './apply-json-patch.js';

export interface RenderedPatch {
  before: string;
  after: string;
  /** Unified diff of the object's YAML, before → after. */
  diff: string;
  /** `kubectl patch <resource> <name> [-n <ns>] --type=json -p '<ops>'`. */
  command: string;
}

/**
 * Renders a rule's JSON-Patch on an object of the bundle as a before/after diff of its YAML and
 * as the kubectl command that makes the change. Server-owned noise (managedFields, status,
 * resourceVersion…) is left out of both sides so the diff shows the change and its context.
 */
export function renderPatch(object: KubeObject, operations: readonly JsonPatchOperation[], resource?: string): RenderedPatch {
  const editable = withoutServerFields(object);
  const changed = applyJsonPatch(editable, operations);
  const before = toYaml(editable);
  const after = toYaml(changed);
  const label = `${object.kind}/${object.metadata.namespace ? `${object.metadata.namespace}/` : ''}${object.metadata.name}`;
  const diff = createTwoFilesPatch(`a/${label}.yaml`, `b/${label}.yaml`, before, after, undefined, undefined, { context: 3 });
  return { before, after, diff: diff.replace(/^=+\n/m, ''), command: kubectlPatchCommand(object, operations, resource) };
}

export function kubectlPatchCommand(target: ObjectRef | KubeObject, operations: readonly JsonPatchOperation[], resource?: string): string {
  const ref = 'metadata' in target ? { apiVersion: target.apiVersion, kind: target.kind, name: target.metadata.name, namespace: target.metadata.namespace } : target;
  const group = apiGroupOf(ref.apiVersion);
  const type = resource ? (group ? `${resource}.${group}` : resource) : ref.kind.toLowerCase();
  const namespace = ref.namespace ? ` -n ${ref.namespace}` : '';
  const json = JSON.stringify(operations);
  return `kubectl patch ${type} ${ref.name}${namespace} --type=json -p '${json.replace(/'/g, `'\\''`)}'`;
}

function withoutServerFields(object: KubeObject): KubeObject {
  const copy = structuredClone(object) as KubeObject;
  delete copy.status;
  const metadata = copy.metadata as Record<string, unknown>;
  for (const field of ['managedFields', 'resourceVersion', 'uid', 'generation', 'creationTimestamp', 'selfLink']) delete metadata[field];
  const annotations = metadata.annotations as Record<string, unknown> | undefined;
  if (annotations) {
    for (const key of Object.keys(annotations)) if (key.startsWith('objectset.rio.cattle.io/applied') || key === 'kubectl.kubernetes.io/last-applied-configuration') delete annotations[key];
  }
  return copy;
}

/**
 * Keys sorted, lists not indented under their key, strings that need quotes in double quotes (as
 * kubectl and the kit write them), no line folding. js-yaml, which the engine loads anyway, rather
 * than the larger `yaml` package: loading that one was ≈ 20 ms of every CLI start that renders a patch.
 */
function toYaml(value: unknown): string {
  return dump(value, { sortKeys: true, noArrayIndent: true, lineWidth: -1, noRefs: true, quotingType: '"' });
}
