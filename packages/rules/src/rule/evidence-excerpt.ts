/**
 * The line an evidence item quotes, as the report keeps it: at most MAX_EXCERPT characters, a
 * longer line cut with `…` (a 100 KB JSON log line must not fill the report). Whoever needs the
 * whole line (the templates a finding explains) reads it again from the cited file.
 */
export const MAX_EXCERPT = 240;

export function clipExcerpt(text: string): string {
  return text.length > MAX_EXCERPT ? `${text.slice(0, MAX_EXCERPT - 1)}…` : text;
}

/** Whether an excerpt was cut from a longer line. */
export function isClipped(excerpt: string): boolean {
  return excerpt.length === MAX_EXCERPT && excerpt.endsWith('…');
}
