/**
 * The syntax of `{{ … }}` placeholders in messages and remediation: what the loader checks
 * (names, filters) and what rendering parses. How a placeholder is filled is in
 * match/render-template.ts.
 */

// A single `}` may appear inside (`format:"{a}/{b}"`); `}}` ends the placeholder.
export const PLACEHOLDER = /\{\{\s*((?:[^}]|\}(?!\}))*?)\s*\}\}/g;

/** The names a template reads (`bundle` of `{{ bundle/status/x | join }}`), for the loader's check. */
export function templateNames(template: string): string[] {
  const names: string[] = [];
  for (const match of template.matchAll(PLACEHOLDER)) {
    const operand = splitPipeline(match[1] ?? '')[0]?.trim() ?? '';
    names.push(operand.split(/[/.]/)[0] ?? '');
  }
  return names;
}

export const TEMPLATE_FILTERS = ['join', 'map', 'format', 'where', 'whereNot', 'ref', 'first', 'last', 'count', 'unique', 'sort', 'lower', 'upper', 'json', 'age', 'ago', 'bytes', 'default'];

/** Checks filters and quoting; returns a problem description or undefined. */
export function validateTemplate(template: string): string | undefined {
  for (const match of template.matchAll(PLACEHOLDER)) {
    const [operand, ...filters] = splitPipeline(match[1] ?? '');
    if (!operand?.trim()) return `empty placeholder in ${JSON.stringify(match[0])}`;
    for (const filter of filters) {
      const name = filter.trim().split(':')[0]!.trim();
      if (!TEMPLATE_FILTERS.includes(name)) return `unknown filter "${name}" in ${JSON.stringify(match[0])} (known: ${TEMPLATE_FILTERS.join(', ')})`;
    }
  }
  return undefined;
}

/** `a | join:", " | upper` → its operand and filters (a `|` inside quotes is text). */
export function splitPipeline(expression: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (const character of expression) {
    if (character === '"') quoted = !quoted;
    if (character === '|' && !quoted) {
      parts.push(current);
      current = '';
    } else {
      current += character;
    }
  }
  parts.push(current);
  return parts;
}

