/**
 * Escaping for HTML and XML. Bundle text is hostile input as far as a report viewer is concerned:
 * a log line may hold `<script>`, quotes, or bytes XML 1.0 forbids. Everything is escaped for both
 * element content and attribute values, and characters XML cannot carry are dropped.
 */
export function escapeMarkup(text: string): string {
  return withoutInvalidXmlChars(text).replace(/[&<>"']/g, (char) => ENTITIES[char]!);
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** XML 1.0 allows tab, newline, carriage return and most of Unicode; C0 controls (ESC…) and lone surrogates are removed. */
export function withoutInvalidXmlChars(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '');
}
