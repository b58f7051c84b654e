import type { Cell, GetResult } from '@bundle-triage/core';
import { alignTabs, TABLE_LAYOUT } from './tab-writer.js';

/**
 * `kubectl get`'s tables as text: upper-case headers, aligned columns, a blank line between the
 * tables of different types, a type with no rows left out. Cells are cut at their first line
 * break (`...` marks the cut) and control characters are shown escaped, as kubectl does.
 */
export function renderTables(result: GetResult, options: { noHeaders?: boolean; mask?: (text: string) => string } = {}): string {
  const blocks: string[] = [];
  for (const { table } of result.types) {
    if (table.rows.length === 0) continue;
    const lines: string[] = [];
    if (!options.noHeaders) lines.push(table.columns.map((column) => column.name.toUpperCase()).join('\t'));
    for (const row of table.rows) lines.push(row.cells.map((cell) => cellText(cell, options.mask)).join('\t'));
    blocks.push(alignTabs(`${lines.join('\n')}\n`, TABLE_LAYOUT));
  }
  return blocks.join('\n');
}

export function cellText(cell: Cell, mask?: (text: string) => string): string {
  if (cell === null) return '';
  let text = typeof cell === 'string' ? cell : String(cell);
  const lineBreak = text.search(/[\n\r\f]/);
  if (lineBreak >= 0) text = `${text.slice(0, lineBreak)}...`;
  text = escapeControl(text.replaceAll('\t', ' '));
  return mask ? mask(text) : text;
}

/** Terminal control characters as `^[`-style escapes, so a cell cannot drive the terminal. */
export function escapeControl(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, (char) => (char === '\u007f' ? '^?' : `^${String.fromCharCode(char.charCodeAt(0) + 64)}`));
}
