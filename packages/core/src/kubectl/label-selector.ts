import { InvalidSelectorError } from './kubectl-errors.js';

/**
 * Label selectors as `kubectl -l` takes them (apimachinery's `labels.Parse`): requirements joined
 * by commas, all of which must hold — `key`, `!key`, `key=v`, `key==v`, `key!=v`,
 * `key in (a,b)`, `key notin (a,b)`, `key>1`, `key<1`. `!=` and `notin` also match objects
 * without the label, as the API server does.
 */
export interface LabelRequirement {
  key: string;
  operator: 'exists' | 'notExists' | 'in' | 'notIn' | 'greaterThan' | 'lessThan';
  values: readonly string[];
}

export interface LabelSelector {
  /** The selector as typed. */
  source: string;
  requirements: readonly LabelRequirement[];
}

// A qualified name: an optional DNS-subdomain prefix and "/", then a name of up to 63 characters.
const KEY = /^(?:[a-z0-9](?:[-a-z0-9]*[a-z0-9])?(?:\.[a-z0-9](?:[-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9](?:[-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
const VALUE = /^(?:[A-Za-z0-9](?:[-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?$/;

type Token = { kind: 'word'; text: string } | { kind: 'symbol'; text: string };

export function parseLabelSelector(source: string): LabelSelector {
  const tokens = tokenize(source);
  const requirements: LabelRequirement[] = [];
  let position = 0;
  const fail = (reason: string): never => {
    throw new InvalidSelectorError(source, reason);
  };
  const peek = () => tokens[position];
  const next = () => tokens[position++];
  const word = (what: string): string => {
    const token = next();
    if (token?.kind !== 'word') fail(`expected ${what}${token ? `, found "${token.text}"` : ' at the end'}`);
    return token!.text;
  };
  const key = (text: string): string => (KEY.test(text) ? text : fail(`invalid label key "${text}"`));
  const value = (text: string): string => (VALUE.test(text) ? text : fail(`invalid label value "${text}"`));

  if (tokens.length === 0) return { source, requirements };
  for (;;) {
    const first = peek();
    if (first?.kind === 'symbol' && first.text === '!') {
      next();
      requirements.push({ key: key(word('a label key after "!"')), operator: 'notExists', values: [] });
    } else {
      const name = key(word('a label key'));
      const operator = peek();
      if (operator === undefined || (operator.kind === 'symbol' && operator.text === ',')) {
        requirements.push({ key: name, operator: 'exists', values: [] });
      } else if (operator.kind === 'symbol' && ['=', '==', '!='].includes(operator.text)) {
        next();
        const after = peek();
        // `key=` selects the empty value.
        const text = after?.kind === 'word' ? (next() as Token).text : '';
        requirements.push({ key: name, operator: operator.text === '!=' ? 'notIn' : 'in', values: [value(text)] });
      } else if (operator.kind === 'symbol' && (operator.text === '>' || operator.text === '<')) {
        next();
        const text = word('a number');
        if (!/^-?\d+$/.test(text)) fail(`"${text}" is not an integer`);
        requirements.push({ key: name, operator: operator.text === '>' ? 'greaterThan' : 'lessThan', values: [text] });
      } else if (operator.kind === 'word' && (operator.text === 'in' || operator.text === 'notin')) {
        next();
        const open = next();
        if (open?.text !== '(') fail(`expected "(" after ${operator.text}`);
        const values: string[] = [];
        // As kubectl's parser: values are separated by commas, and `()` is the set of the empty value.
        const first = peek();
        if (first?.kind === 'symbol' && first.text === ')') values.push('');
        for (;;) {
          const token = next();
          if (token === undefined) fail('missing ")"');
          if (token!.text === ')' && token!.kind === 'symbol') break;
          if (token!.kind === 'symbol' && token!.text === ',') {
            // `in (a,)` or `in (,a)`: an empty value between commas.
            values.push('');
            continue;
          }
          values.push(value(token!.text));
          const separator = peek();
          if (separator?.kind === 'symbol' && separator.text === ',') next();
          else if (!(separator?.kind === 'symbol' && separator.text === ')')) fail(`found "${separator?.text ?? 'the end'}", expected "," or ")"`);
        }
        requirements.push({ key: name, operator: operator.text === 'in' ? 'in' : 'notIn', values });
      } else {
        fail(`unexpected "${operator.text}" after "${name}"`);
      }
    }
    const separator = next();
    if (separator === undefined) break;
    if (separator.kind !== 'symbol' || separator.text !== ',') fail(`expected "," found "${separator.text}"`);
    if (peek() === undefined) fail('a selector cannot end with ","');
  }
  return { source, requirements };
}

/** A Service's `spec.selector` (equality on each label) as a selector; undefined for an empty one. */
export function selectorOfLabels(labels: Readonly<Record<string, string>>): LabelSelector | undefined {
  const entries = Object.entries(labels);
  if (entries.length === 0) return undefined;
  return { source: entries.map(([key, value]) => `${key}=${value}`).join(','), requirements: entries.map(([key, value]) => ({ key, operator: 'in', values: [value] })) };
}

export function matchesLabels(selector: LabelSelector, labels: Readonly<Record<string, string>> | undefined): boolean {
  return selector.requirements.every((requirement) => {
    const present = labels !== undefined && Object.hasOwn(labels, requirement.key);
    const actual = present ? String(labels[requirement.key]) : undefined;
    switch (requirement.operator) {
      case 'exists':
        return present;
      case 'notExists':
        return !present;
      case 'in':
        return present && requirement.values.includes(actual!);
      case 'notIn':
        return !present || !requirement.values.includes(actual!);
      case 'greaterThan':
      case 'lessThan': {
        if (!present || !/^-?\d+$/.test(actual!)) return false;
        const difference = Number(actual) - Number(requirement.values[0]);
        return requirement.operator === 'greaterThan' ? difference > 0 : difference < 0;
      }
    }
  });
}

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let position = 0;
  while (position < source.length) {
    const char = source[position]!;
    if (/\s/.test(char)) {
      position += 1;
      continue;
    }
    const two = source.slice(position, position + 2);
    if (two === '==' || two === '!=') {
      tokens.push({ kind: 'symbol', text: two });
      position += 2;
      continue;
    }
    if ('=!(),<>'.includes(char)) {
      tokens.push({ kind: 'symbol', text: char });
      position += 1;
      continue;
    }
    let end = position;
    while (end < source.length && !/\s/.test(source[end]!) && !'=!(),<>'.includes(source[end]!)) end += 1;
    tokens.push({ kind: 'word', text: source.slice(position, end) });
    position = end;
  }
  return tokens;
}
