/**
 * Wraps prose at word boundaries to `width` columns, every line prefixed by `indent`. A word longer
 * than the line (a path, a URL) is kept whole rather than broken, so it can still be copied.
 */
export function wrapText(text: string, width: number, indent = ''): string[] {
  const room = Math.max(20, width - displayWidth(indent));
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (line && displayWidth(line) + 1 + displayWidth(word) > room) {
        lines.push(indent + line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    lines.push(indent + line);
  }
  return lines;
}

/** Columns a string takes on a terminal, ignoring ANSI colour codes. */
export function displayWidth(text: string): number {
  return [...text.replace(/\u001b\[[0-9;]*m/g, '')].length;
}
