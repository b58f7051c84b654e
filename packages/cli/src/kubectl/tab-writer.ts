/**
 * Go's `text/tabwriter`, which kubectl's tables and `describe` go through: text whose cells end
 * in `\t` is aligned column by column, each column as wide as its widest cell plus `padding`
 * (at least `minWidth`), within blocks of consecutive lines that have a cell in that column.
 * The last cell of a line is not a column and is never padded. Widths count characters.
 */
export interface TabWriterOptions {
  minWidth: number;
  padding: number;
}

/** kubectl's tables: `printers.GetNewTabWriter` (minwidth 6, padding 3). */
export const TABLE_LAYOUT: TabWriterOptions = { minWidth: 6, padding: 3 };

/** kubectl describe's `tabbedString` (minwidth 0, padding 2). */
export const DESCRIBE_LAYOUT: TabWriterOptions = { minWidth: 0, padding: 2 };

export function alignTabs(text: string, options: TabWriterOptions): string {
  const endsWithNewline = text.endsWith('\n');
  const lines = (endsWithNewline ? text.slice(0, -1) : text).split('\n').map((line) => line.split('\t'));
  const widths: number[][] = lines.map(() => []);
  formatColumns(lines, widths, 0, 0, lines.length, options);
  const out = lines.map((cells, row) =>
    cells.map((cell, column) => (column < cells.length - 1 ? cell + ' '.repeat(Math.max(0, widths[row]![column]! - width(cell))) : cell)).join(''),
  );
  return out.join('\n') + (endsWithNewline ? '\n' : '');
}

/** Assigns, for `column`, a width to each block of consecutive lines that have a cell there. */
function formatColumns(lines: string[][], widths: number[][], column: number, first: number, last: number, options: TabWriterOptions): void {
  let row = first;
  while (row < last) {
    if (column >= lines[row]!.length - 1) {
      row += 1;
      continue;
    }
    const blockStart = row;
    let columnWidth = options.minWidth;
    while (row < last && column < lines[row]!.length - 1) {
      columnWidth = Math.max(columnWidth, width(lines[row]![column]!) + options.padding);
      row += 1;
    }
    for (let index = blockStart; index < row; index += 1) widths[index]![column] = columnWidth;
    formatColumns(lines, widths, column + 1, blockStart, row, options);
  }
}

function width(cell: string): number {
  return [...cell].length;
}
