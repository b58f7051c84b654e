/**
 * The subset of Kubernetes JSONPath that printer columns use (`additionalPrinterColumns`, which
 * the API server evaluates with client-go's jsonpath): `.a.b`, `['a.b']`, `[0]`, `[*]`, `.*`,
 * and filters `[?(@.type=='Ready')]` / `!=` / `[?(@.key)]`. Results are every value reached,
 * in order; a path that reaches nothing gives `[]` (missing keys are allowed, as for columns).
 */
export type JsonPath = readonly PathStep[];

type PathStep =
  | { step: 'field'; name: string }
  | { step: 'index'; index: number }
  | { step: 'wildcard' }
  | { step: 'filter'; path: JsonPath; operator: '==' | '!=' | 'exists'; value?: string | number | boolean };

export class JsonPathError extends Error {
  readonly expression: string;

  constructor(expression: string, reason: string) {
    super(`invalid JSONPath ${JSON.stringify(expression)}: ${reason}`);
    this.name = 'JsonPathError';
    this.expression = expression;
  }
}

/** Parses `.status.conditions[?(@.type=='Ready')].status` (optionally wrapped in `{…}`, or starting with `$`). */
export function parseJsonPath(expression: string): JsonPath {
  let text = expression.trim();
  if (text.startsWith('{') && text.endsWith('}')) text = text.slice(1, -1).trim();
  if (text.startsWith('$')) text = text.slice(1);
  const parser = new PathParser(expression, text);
  return parser.parse();
}

/** Every value the path reaches in `root`, in document order. */
export function evaluateJsonPath(path: JsonPath, root: unknown): unknown[] {
  let current: unknown[] = [root];
  for (const step of path) {
    const next: unknown[] = [];
    for (const value of current) {
      switch (step.step) {
        case 'field':
          if (isRecord(value) && Object.hasOwn(value, step.name)) next.push(value[step.name]);
          break;
        case 'index':
          if (Array.isArray(value)) {
            const item = value[step.index < 0 ? value.length + step.index : step.index];
            if (item !== undefined) next.push(item);
          }
          break;
        case 'wildcard':
          if (Array.isArray(value)) next.push(...value);
          else if (isRecord(value)) next.push(...Object.values(value));
          break;
        case 'filter':
          for (const item of Array.isArray(value) ? value : isRecord(value) ? Object.values(value) : []) {
            if (matchesFilter(step, item)) next.push(item);
          }
          break;
      }
    }
    current = next;
  }
  return current;
}

function matchesFilter(step: Extract<PathStep, { step: 'filter' }>, item: unknown): boolean {
  const found = evaluateJsonPath(step.path, item);
  if (step.operator === 'exists') return found.length > 0 && found[0] !== null && found[0] !== false;
  const equal = found.length > 0 && String(found[0]) === String(step.value);
  return step.operator === '==' ? equal : !equal;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

class PathParser {
  #position = 0;
  readonly #expression: string;
  readonly #text: string;

  constructor(expression: string, text: string) {
    this.#expression = expression;
    this.#text = text;
  }

  parse(): JsonPath {
    const steps = this.#steps(() => this.#position >= this.#text.length);
    return steps;
  }

  #steps(atEnd: () => boolean): PathStep[] {
    const steps: PathStep[] = [];
    while (!atEnd()) {
      const char = this.#text[this.#position];
      if (char === '.') {
        this.#position += 1;
        if (this.#text[this.#position] === '.') this.#fail('recursive descent (..) is not supported');
        if (this.#text[this.#position] === '*') {
          this.#position += 1;
          steps.push({ step: 'wildcard' });
          continue;
        }
        if (this.#text[this.#position] === '[') continue;
        steps.push({ step: 'field', name: this.#name() });
      } else if (char === '[') {
        steps.push(this.#bracket());
      } else if (steps.length === 0 && char !== undefined && /[A-Za-z_]/.test(char)) {
        // `metadata.name` without the leading dot, as field selectors write it.
        steps.push({ step: 'field', name: this.#name() });
      } else {
        this.#fail(`unexpected ${JSON.stringify(char)} at ${this.#position}`);
      }
    }
    return steps;
  }

  /** A field name up to the next `.` or `[`; `\.` escapes a dot inside a name. */
  #name(): string {
    let name = '';
    while (this.#position < this.#text.length) {
      const char = this.#text[this.#position]!;
      if (char === '\\' && this.#position + 1 < this.#text.length) {
        name += this.#text[this.#position + 1];
        this.#position += 2;
        continue;
      }
      if (char === '.' || char === '[' || char === ')' || char === '=' || char === '!' || char === ' ') break;
      name += char;
      this.#position += 1;
    }
    if (name === '') this.#fail(`empty field name at ${this.#position}`);
    return name;
  }

  #bracket(): PathStep {
    this.#position += 1; // [
    const rest = this.#text.slice(this.#position);
    if (rest.startsWith('*]')) {
      this.#position += 2;
      return { step: 'wildcard' };
    }
    if (rest.startsWith("'") || rest.startsWith('"')) {
      const name = this.#quoted();
      this.#expect(']');
      return { step: 'field', name };
    }
    if (rest.startsWith('?(')) {
      this.#position += 2;
      const filter = this.#filter();
      this.#expect(')');
      this.#expect(']');
      return filter;
    }
    const index = /^(-?\d+)\]/.exec(rest);
    if (index) {
      this.#position += index[0].length;
      return { step: 'index', index: Number(index[1]) };
    }
    // A slice such as `[-1:]` (the last item) is the one range columns use.
    const slice = /^(-?\d*):(-?\d*)\]/.exec(rest);
    if (slice && slice[1] !== '' && slice[2] === '') {
      this.#position += slice[0].length;
      return { step: 'index', index: Number(slice[1]) };
    }
    return this.#fail(`unsupported subscript at ${this.#position}`);
  }

  #filter(): PathStep {
    this.#skipSpaces();
    if (this.#text[this.#position] !== '@') this.#fail('a filter must start with @');
    this.#position += 1;
    const path = this.#steps(() => {
      const char = this.#text[this.#position];
      return char === undefined || char === ')' || char === '=' || char === '!' || char === ' ';
    });
    this.#skipSpaces();
    const rest = this.#text.slice(this.#position);
    const operator = rest.startsWith('==') ? '==' : rest.startsWith('!=') ? '!=' : undefined;
    if (!operator) return { step: 'filter', path, operator: 'exists' };
    this.#position += 2;
    this.#skipSpaces();
    const value = this.#literal();
    this.#skipSpaces();
    return { step: 'filter', path, operator, value };
  }

  #literal(): string | number | boolean {
    const char = this.#text[this.#position];
    if (char === "'" || char === '"') return this.#quoted();
    const match = /^(true|false|-?\d+(?:\.\d+)?)/.exec(this.#text.slice(this.#position));
    if (!match) return this.#fail(`expected a quoted string, a number or a boolean at ${this.#position}`);
    this.#position += match[0].length;
    if (match[1] === 'true' || match[1] === 'false') return match[1] === 'true';
    return Number(match[1]);
  }

  #quoted(): string {
    const quote = this.#text[this.#position]!;
    const end = this.#text.indexOf(quote, this.#position + 1);
    if (end < 0) this.#fail('unterminated string');
    const value = this.#text.slice(this.#position + 1, end);
    this.#position = end + 1;
    return value;
  }

  #expect(char: string): void {
    this.#skipSpaces();
    if (this.#text[this.#position] !== char) this.#fail(`expected ${JSON.stringify(char)} at ${this.#position}`);
    this.#position += 1;
  }

  #skipSpaces(): void {
    while (this.#text[this.#position] === ' ') this.#position += 1;
  }

  #fail(reason: string): never {
    throw new JsonPathError(this.#expression, reason);
  }
}
