/**
 * support-bundle-kit rewrites every `""` (and many JSON `null`s) to the string `"null"` before
 * encoding (bundle-format.md §2.2). Its own simulator treats such keys as absent and deletes
 * them, except keys named `key` (a label selector's `key: "null"` is meaningful). We do the same,
 * so rules can ask "is the message empty" without knowing the quirk.
 *
 * Objects are visited once each: a hostile file with aliases must not make this exponential.
 */
export function normalizeNullStrings(value: unknown, seen = new Set<object>()): void {
  if (value === null || typeof value !== 'object' || seen.has(value)) return;
  seen.add(value);
  if (Array.isArray(value)) {
    for (const item of value) normalizeNullStrings(item, seen);
    return;
  }
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const field = record[key];
    if (field === 'null' && key !== 'key') delete record[key];
    else if (field !== null && typeof field === 'object') normalizeNullStrings(field, seen);
  }
}

/**
 * The same for a value known to be a tree (decoded from text without anchors, so nothing is
 * shared and nothing repeats): no record of visited objects is needed, which made the walk a
 * few percent of decoding.
 */
export function normalizeNullStringsInTree(value: unknown): void {
  if (value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const item of value) if (item !== null && typeof item === 'object') normalizeNullStringsInTree(item);
    return;
  }
  const record = value as Record<string, unknown>;
  for (const key in record) {
    const field = record[key];
    if (field === 'null') {
      if (key !== 'key') delete record[key];
    } else if (field !== null && typeof field === 'object') normalizeNullStringsInTree(field);
  }
}
