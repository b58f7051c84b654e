/**
 * Names close to a mistyped one, for "did you mean …": within two edits (insert, delete,
 * replace, swap neighbours) or sharing a prefix of at least three characters; closest first.
 */
export function closestNames(typed: string, candidates: Iterable<string>, limit = 3): string[] {
  const scored: { name: string; score: number }[] = [];
  const seen = new Set<string>();
  for (const name of candidates) {
    if (seen.has(name) || name === typed) continue;
    seen.add(name);
    const distance = editDistance(typed, name);
    const prefix = typed.length >= 3 && (name.startsWith(typed) || typed.startsWith(name));
    if (distance <= Math.min(2, Math.max(1, Math.floor(typed.length / 3))) || prefix) {
      scored.push({ name, score: prefix ? Math.min(distance, 1.5) : distance });
    }
  }
  return scored
    .sort((a, b) => a.score - b.score || a.name.length - b.name.length || (a.name < b.name ? -1 : 1))
    .slice(0, limit)
    .map((entry) => entry.name);
}

/** Optimal string alignment distance (Damerau–Levenshtein without repeated edits of a substring). */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const columns = b.length + 1;
  const table: number[][] = Array.from({ length: rows }, (_, row) => Array.from({ length: columns }, (_, column) => (row === 0 ? column : column === 0 ? row : 0)));
  for (let row = 1; row < rows; row += 1) {
    for (let column = 1; column < columns; column += 1) {
      const cost = a[row - 1] === b[column - 1] ? 0 : 1;
      let best = Math.min(table[row - 1]![column]! + 1, table[row]![column - 1]! + 1, table[row - 1]![column - 1]! + cost);
      if (row > 1 && column > 1 && a[row - 1] === b[column - 2] && a[row - 2] === b[column - 1]) {
        best = Math.min(best, table[row - 2]![column - 2]! + 1);
      }
      table[row]![column] = best;
    }
  }
  return table[a.length]![b.length]!;
}
