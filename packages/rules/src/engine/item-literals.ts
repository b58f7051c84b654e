import type { Condition, FieldCondition } from '../rule/rule-types.js';
import type { Rule } from '../rule/rule.js';

/**
 * For each list input of a declarative rule, literals of which every object that can matter holds
 * one in its own text (`ResourceQuery.itemsHolding`), worked out from the rule's conditions; the
 * bundle then decodes only those items while no other reader asks for the whole list. On a large
 * bundle most objects are healthy and cannot match: a rule about pods in CrashLoopBackOff needs
 * the few items that say `CrashLoopBackOff`, not the thousands of running pods.
 *
 * A literal is derived only where leaving an object out provably changes nothing:
 * - the input is used only as the list of `match.forEach`, or of `some` and `count` conditions
 *   (whose results depend only on the elements that satisfy `where`), each with a `where` that
 *   yields literals; any other use (a template, a field path into the list, `every`, `count`
 *   without `where`, `none`, which cites the list's first object as the proof of absence) keeps
 *   the whole list;
 * - `where` yields literals through a field compared with constants (`equals` and `in` with
 *   strings, `contains`, a `matches` pattern's leading literal) on the element, `all` (one child's
 *   literals suffice), `any`/`collect` (every child must yield: their union), and `some`/`count`
 *   (min ≥ 1) over a part of the element; `not`, `none`, `every`, `optional` and log conditions
 *   yield none;
 * - only the characters yaml.v2 writes verbatim in every scalar style count (letters, digits and
 *   `_ . / : @ -`); it breaks long scalars at spaces only, and the bundle also decodes any item
 *   with an escape (which could spell a literal), so a value's run of such characters is always
 *   in its item's text. Values that YAML or the comparisons treat as numbers, booleans or null
 *   are expanded (`'False'` also matches a boolean written `false`) or yield nothing.
 */
export function itemLiterals(rule: Rule): ReadonlyMap<string, readonly Clause[]> {
  let found = CACHE.get(rule);
  if (!found) {
    found = derive(rule);
    CACHE.set(rule, found);
  }
  return found;
}

/** Literals of which an object holds at least one; an object that can matter satisfies every clause of a list. */
export type Clause = readonly string[];

const CACHE = new WeakMap<Rule, ReadonlyMap<string, readonly Clause[]>>();

/** Clauses searched for at most per input (each is a pass over the list's text). */
const MAX_CLAUSES = 3;

/** The shortest literal worth searching for: shorter ones are in almost every item. */
const MIN_LITERAL = 3;

function derive(rule: Rule): ReadonlyMap<string, readonly Clause[]> {
  const narrowed = new Map<string, readonly Clause[]>();
  if (rule.kind !== 'declarative') return narrowed;
  for (const [name, spec] of Object.entries(rule.inputs ?? {})) {
    if (!('resource' in spec) || spec.resource.name !== undefined) continue;
    const literals = inputLiterals(rule, name);
    if (literals) narrowed.set(name, literals);
  }
  return narrowed;
}

/**
 * What every object that can matter holds, over every use of the input: one use's clauses; for
 * several, one clause (the union of each use's most selective one). Undefined when a use needs
 * the whole list.
 */
function inputLiterals(rule: Rule & { kind: 'declarative' }, input: string): readonly Clause[] | undefined {
  const uses: (readonly Clause[])[] = [];
  let whole = false;
  const use = (where: Condition | undefined, as: string): void => {
    const found = where ? conditionClauses(where, as) : undefined;
    if (!found) whole = true;
    else uses.push(found);
  };
  const { inputs: _inputs, match, ...rest } = rule;
  if (match) {
    const { forEach, as, where, ...others } = match;
    if (forEach === input) use(where, as ?? 'object');
    else if (forEach !== undefined && mentions(forEach, input)) whole = true;
    visit({ where, others }, input, use, () => (whole = true));
  }
  visit(rest, input, use, () => (whole = true));
  if (whole || uses.length === 0) return undefined;
  if (uses.length === 1) return strongest(uses[0]!, MAX_CLAUSES);
  return [[...new Set(uses.flatMap((clauses) => strongest(clauses, 1)[0]!))].sort()];
}

/** The `count` most selective clauses (longest shortest literal first), each sorted. */
function strongest(clauses: readonly Clause[], count: number): Clause[] {
  const unique = new Map<string, Clause>();
  for (const clause of clauses) {
    const sorted = [...new Set(clause)].sort();
    unique.set(sorted.join('\u0000'), sorted);
  }
  return [...unique.values()].sort((a, b) => shortest(b) - shortest(a)).slice(0, count);
}

/**
 * Walks a part of the rule: `some`/`count` over the input are uses (their `where` is walked
 * too, for nested uses); any other string that names the input marks it whole.
 */
function visit(node: unknown, input: string, use: (where: Condition | undefined, as: string) => void, whole: () => void): void {
  if (typeof node === 'string') {
    if (mentions(node, input)) whole();
    return;
  }
  if (Array.isArray(node)) {
    for (const child of node) visit(child, input, use, whole);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  for (const [key, value] of Object.entries(node)) {
    if ((key === 'some' || key === 'count') && isArrayCondition(value) && value.path === input) {
      const { path: _path, as, where, ...others } = value;
      // count: the number of elements satisfying where; without where, every element counts.
      if (key === 'count' && !where) whole();
      else use(where, as ?? 'item');
      visit({ where, others }, input, use, whole);
      continue;
    }
    visit(value, input, use, whole);
  }
}

function isArrayCondition(value: unknown): value is { path: string; as?: string; where?: Condition } {
  return value !== null && typeof value === 'object' && typeof (value as { path?: unknown }).path === 'string';
}

/** Whether a string of the rule refers to the input: the path itself, a path into it, or a template naming it. */
export function mentions(text: string, input: string): boolean {
  return namesIn(text).has(input);
}

/**
 * The names a string of a rule can refer to: itself, the head of a path (`pods/…`), and the first
 * name of each template (`{{ pods | … }}`). Worked out once per distinct string: a rule's strings
 * are asked about once per input, and the catalog's rules share many of them.
 */
function namesIn(text: string): ReadonlySet<string> {
  let names = NAMES.get(text);
  if (!names) {
    const found = new Set<string>([text]);
    const slash = text.indexOf('/');
    if (slash > 0) found.add(text.slice(0, slash));
    if (text.includes('{{')) {
      for (const match of text.matchAll(TEMPLATE_NAME)) {
        // `{{ a-b` may name `a-b`, or `a` followed by other text: both count (too many names only keep lists whole).
        const parts = match[1]!.split('-');
        for (let end = 1; end <= parts.length; end += 1) found.add(parts.slice(0, end).join('-'));
      }
    }
    names = found;
    // A memo of a pure function, bounded: a service that loads rule sets again and again must not grow it for ever.
    if (NAMES.size >= MAX_NAMED_STRINGS) NAMES.clear();
    NAMES.set(text, names);
  }
  return names;
}

/** The first name of a template: `{{ name`, `{{- name`. */
const TEMPLATE_NAME = /\{\{-?\s*([A-Za-z0-9_-]+)/g;
const NAMES = new Map<string, ReadonlySet<string>>();
/** Far more than the built-in catalog's distinct strings. */
const MAX_NAMED_STRINGS = 20_000;

/** Clauses every element satisfying the condition satisfies, or undefined when none is known. */
function conditionClauses(condition: Condition, as: string): readonly Clause[] | undefined {
  if (condition.field) return fieldClauses(condition.field, as);
  if (condition.all) {
    const clauses = condition.all.flatMap((child) => conditionClauses(child, as) ?? []);
    return clauses.length > 0 ? clauses : undefined;
  }
  const alternatives = condition.any ?? condition.collect;
  if (alternatives) {
    // One holding child suffices: each child must say something, and one of their best literals is held.
    const union = new Set<string>();
    for (const child of alternatives) {
      const found = conditionClauses(child, as);
      if (!found) return undefined;
      for (const literal of strongest(found, 1)[0]!) union.add(literal);
    }
    return [[...union]];
  }
  const nested = condition.some ?? (condition.count && (condition.count.min ?? 0) >= 1 ? condition.count : undefined);
  if (nested?.where && within(nested.path, as)) return conditionClauses(nested.where, nested.as ?? 'item');
  return undefined;
}

function shortest(literals: Clause): number {
  return Math.min(...literals.map((literal) => literal.length));
}

/** Whether a path is the element itself or a part of it. */
function within(path: string, as: string): boolean {
  return path === as || path.startsWith(`${as}/`);
}

function fieldClauses(field: FieldCondition, as: string): readonly Clause[] | undefined {
  if (!within(field.path, as)) return undefined;
  // Every comparison given must hold: each one's literals are a clause.
  const clauses: Clause[] = [];
  const add = (found: readonly string[] | undefined) => void (found && clauses.push(found));
  if ('equals' in field) add(valueLiterals(field.equals));
  if (field.in !== undefined && field.in.length > 0) {
    const union: string[] = [];
    let complete = true;
    for (const value of field.in) {
      const found = valueLiterals(value);
      if (!found) complete = false;
      else union.push(...found);
    }
    if (complete) add(union);
  }
  if (field.contains !== undefined) add(valueLiterals(field.contains));
  if (field.matches !== undefined) add(patternLiteral(field.matches));
  return clauses.length > 0 ? clauses : undefined;
}

/**
 * What the text of a value `looselyEqual` to this constant holds: for a string, its longest run of
 * verbatim characters; a boolean word also matches a boolean, written in any of YAML's spellings.
 * Numbers, number-like strings and null can be written in several ways: none.
 */
function valueLiterals(value: unknown): readonly string[] | undefined {
  if (typeof value !== 'string') return undefined;
  const lower = value.toLowerCase();
  if (lower === 'true' || lower === 'false') {
    const capital = `${lower[0]!.toUpperCase()}${lower.slice(1)}`;
    return [...new Set([value, lower, capital, lower.toUpperCase()])];
  }
  if (lower === 'null' || lower === '~' || /^[-+.]?\d/.test(value) || /^[-+]?\.?(inf|infinity|nan)$/i.test(value)) return undefined;
  return runLiteral(value);
}

/** The longest run of characters every scalar style writes verbatim, when long enough to search for. */
function runLiteral(text: string): readonly string[] | undefined {
  let best = '';
  for (const run of text.split(/[^A-Za-z0-9_./:@-]+/)) if (run.length > best.length) best = run;
  return best.length >= MIN_LITERAL && !isScalarWordPart(best) ? [best] : undefined;
}

/**
 * A part of true, false, null, Infinity or NaN: a boolean or number compares as that word
 * (`String(true)`, `String(Infinity)`) though YAML may write it otherwise (`TRUE`, `.inf`).
 */
function isScalarWordPart(literal: string): boolean {
  const lower = literal.toLowerCase();
  return ['true', 'false', 'null', 'infinity', 'nan'].some((word) => word.includes(lower));
}

/**
 * The literal a pattern's every match starts with (`^virt-launcher-` → `virt-launcher-`): plain
 * characters from the start, up to the first special one; a quantifier after the last makes it
 * optional, so it is dropped. Patterns with alternation or groups of flags yield none.
 */
function patternLiteral(pattern: string): readonly string[] | undefined {
  if (pattern.includes('|') || pattern.includes('(?')) return undefined;
  let literal = '';
  for (let index = pattern.startsWith('^') ? 1 : 0; index < pattern.length; index += 1) {
    const char = pattern[index]!;
    if (char === '\\') {
      const next = pattern[index + 1];
      if (next === undefined || !/[./:@-]/.test(next)) break;
      literal += next;
      index += 1;
      continue;
    }
    if (!/[A-Za-z0-9_/:@-]/.test(char)) {
      if (char === '?' || char === '*' || char === '{') literal = literal.slice(0, -1);
      break;
    }
    literal += char;
  }
  return runLiteral(literal);
}
