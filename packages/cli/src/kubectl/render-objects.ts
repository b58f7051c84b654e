import { qualifiedKind, type GetResult, type KubeObject } from '@bundle-triage/core';
import { stringify } from 'yaml';
import { redactObject } from '@bundle-triage/report';

export type ObjectFormat = 'yaml' | 'json' | 'name';

/**
 * Close to what kubectl's yaml.v2 writes: YAML 1.1 quoting (timestamps, `yes`, `on`, `"True"`
 * stay strings for 1.1 readers), lists not indented under their key, long strings not folded.
 */
const YAML_OPTIONS = { version: '1.1', indentSeq: false, lineWidth: 0, minContentWidth: 0 } as const;

export interface ObjectRenderOptions {
  /** One object was named (`pod/x`, `pods x`): print it alone, not in a List. */
  singleItem: boolean;
  /**
   * With --show-managed-fields: reads an object's `metadata.managedFields` back from the bundle
   * (decoded objects leave them out; kubectl too prints them only when asked).
   */
  managedFields?: (object: KubeObject) => Promise<Record<string, unknown>[] | undefined>;
  redact: boolean;
}

/**
 * `-o yaml|json|name`. Several objects (or none) are a `kind: List`, as kubectl prints them;
 * JSON is indented by four spaces like kubectl's. With `redact`, secrets inside objects are
 * masked first. Returns the text and how many secrets were masked.
 */
export async function renderObjects(result: GetResult, format: ObjectFormat, options: ObjectRenderOptions): Promise<{ text: string; masked: number }> {
  const entries = result.types.flatMap(({ resolved, objects }) => objects.map(({ object }) => ({ type: resolved.type, object })));
  if (format === 'name') {
    return { text: entries.map(({ type, object }) => `${qualifiedKind({ group: type.group, kind: type.kind || String(object.kind ?? '') })}/${object.metadata.name}\n`).join(''), masked: 0 };
  }
  const readManagedFields = options.managedFields;
  const objects = readManagedFields ? await Promise.all(entries.map(({ object }) => withManagedFields(object, readManagedFields))) : entries.map(({ object }) => object);
  const document = options.singleItem && objects.length === 1 ? objects[0] : { apiVersion: 'v1', items: objects, kind: 'List', metadata: { resourceVersion: '' } };
  const { value, masked } = options.redact ? redactObject(document) : { value: document, masked: 0 };
  const text = format === 'json' ? `${JSON.stringify(value, null, 4)}\n` : stringify(value, YAML_OPTIONS);
  return { text, masked };
}

/** The object with its managedFields back in `metadata`, where the API server puts them (after `labels`/`annotations`, before `name`). */
async function withManagedFields(object: KubeObject, read: NonNullable<ObjectRenderOptions['managedFields']>): Promise<KubeObject> {
  const managedFields = await read(object);
  if (!managedFields) return object;
  const metadata: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(object.metadata)) {
    if (key === 'name' && !('managedFields' in metadata)) metadata.managedFields = managedFields;
    metadata[key] = value;
  }
  if (!('managedFields' in metadata)) metadata.managedFields = managedFields;
  return { ...object, metadata: metadata as KubeObject['metadata'] };
}
