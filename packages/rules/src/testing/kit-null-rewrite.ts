/**
 * support-bundle-kit rewrites the raw JSON of every LIST response before encoding it: each `""`
 * becomes `"null"` (bundle-format.md §2.2), so empty strings reach the bundle as the *string*
 * `"null"` (`continue: "null"`, `hwAddress: "null"`, `message: "null"`). Fixtures go through the
 * same rewrite so that a rule sees what it would see in a real bundle.
 *
 * Only the effect on whole empty strings is reproduced. The kit also turns some JSON `null`s into
 * `"null"` depending on key order in the server's JSON, which a fixture cannot know; write
 * `"null"` explicitly where that matters (e.g. an Event's `eventTime`).
 */
export function applyKitNullRewrite<T>(value: T): T {
  return rewrite(value) as T;
}

function rewrite(value: unknown): unknown {
  if (value === '') return 'null';
  if (Array.isArray(value)) return value.map(rewrite);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value)) out[key] = rewrite(child);
    return out;
  }
  return value;
}
