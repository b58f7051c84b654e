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
