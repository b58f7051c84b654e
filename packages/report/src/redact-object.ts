import { redactText } from './redact.js';

/**
 * Masks secrets in an object (a bundle's object before `get -o yaml|json` prints it, an answer of
 * the service's object browser) with the reports' own redaction: every string is masked as the
 * reports mask an excerpt, and a string under a key that names a secret (`password`, `token`,
 * `caBundle`, …) is judged with its key, as a `key: value` line would be. Working on values keeps the JSON valid; numbers
 * and booleans are left alone. Returns the copy and how many secrets were masked.
 */
export function redactObject<T>(value: T): { value: T; masked: number } {
  let masked = 0;
  const visit = (item: unknown, key: string | undefined): unknown => {
    if (typeof item === 'string') {
      // A multi-line string (a config file, Helm values) is masked as text, line by line; a
      // one-line value is judged with its key.
      const result = key === undefined || item.includes('\n') ? redactText(item) : redactKeyed(key, item);
      masked += result.masked;
      return result.text;
    }
    if (Array.isArray(item)) return item.map((entry) => visit(entry, key));
    if (item === null || typeof item !== 'object') return item;
    return Object.fromEntries(Object.entries(item).map(([name, entry]) => [name, visit(entry, name)]));
  };
  return { value: visit(value, undefined) as T, masked };
}

/** A string with its key: masked as the JSON line `"key": "value"` would be, then taken back out. */
function redactKeyed(key: string, text: string): { text: string; masked: number } {
  const line = `${JSON.stringify(key)}: ${JSON.stringify(text)}`;
  const result = redactText(line);
  if (result.masked === 0) return { text, masked: 0 };
  try {
    const parsed = JSON.parse(`{${result.text}}`) as Record<string, unknown>;
    const value = parsed[key];
    if (typeof value === 'string') return { text: value, masked: result.masked };
  } catch {
    // The masked line is not JSON any more (a mask took a quote with it): mask the value whole.
  }
  return { text: '***', masked: Math.max(1, result.masked) };
}
