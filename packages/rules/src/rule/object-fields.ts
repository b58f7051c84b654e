/**
 * Typed reads of the untyped parts of bundle objects, for code rules: a field by dotted path, as
 * text, as a record or a list of records. Each returns what the object holds, or an empty value of
 * the asked shape, so a rule checks values instead of casting shapes it hopes for.
 */
export type Fields = Readonly<Record<string, unknown>>;

export function isRecord(value: unknown): value is Fields {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** `fieldOf(pod, 'spec.nodeName')`; undefined when any step is missing. */
export function fieldOf(object: unknown, path: string): unknown {
  let current = object;
  for (const key of path.split('.')) {
    if (!isRecord(current)) return undefined;
    current = current[key];
  }
  return current;
}

/** The field as text, or undefined when it is not a string. */
export function textOf(object: unknown, path: string): string | undefined {
  const value = fieldOf(object, path);
  return typeof value === 'string' ? value : undefined;
}

/** The field as a record (`{}` when absent or not a map). */
export function recordOf(object: unknown, path: string): Fields {
  const value = fieldOf(object, path);
  return isRecord(value) ? value : {};
}

/** The records of a list field (`[]` when absent; elements that are not maps are left out). */
export function recordsOf(object: unknown, path: string): readonly Fields[] {
  const value = fieldOf(object, path);
  return Array.isArray(value) ? value.filter(isRecord) : [];
}

/** A JSON object held in a string (a Harvester setting's value), or undefined. */
export function parseJsonRecord(text: string): Fields | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    return isRecord(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}
