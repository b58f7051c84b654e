import { RE2JS } from 're2js';

/**
 * A regular expression that runs in linear time. Rule patterns come from rule authors and from
 * users (`--rules DIR`), and they run over customer logs of any size: a backtracking engine can
 * be made to hang by one pattern like `(a+)+$`. RE2 semantics make that impossible; the price
 * is no lookaround and no backreferences, which are refused when the rule is loaded.
 */
export class SafePattern {
  readonly source: string;
  readonly #compiled: RE2JS;
  readonly #groupNames: [string, number][];

  constructor(source: string) {
    this.source = source;
    try {
      this.#compiled = RE2JS.compile(source);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new UnsafePatternError(source, `${reason} (patterns use RE2 syntax, which runs in linear time: no lookaround, no backreferences)`);
    }
    this.#groupNames = Object.entries(this.#compiled.namedGroups() as Record<string, number>);
  }

  /** Like RegExp.exec: the first match with its groups, or null. */
  exec(text: string): RegExpExecArray | null {
    const matcher = this.#compiled.matcher(text);
    if (!matcher.find()) return null;
    const count = matcher.groupCount();
    const values: (string | undefined)[] = [];
    for (let group = 0; group <= count; group += 1) values.push(matcher.group(group) ?? undefined);
    const result = values as unknown as RegExpExecArray;
    result.index = matcher.start();
    result.input = text;
    const groups: Record<string, string> = {};
    for (const [name, index] of this.#groupNames) {
      const value = values[index];
      if (value !== undefined) groups[name] = value;
    }
    result.groups = groups;
    return result;
  }

  test(text: string): boolean {
    return this.#compiled.matcher(text).find();
  }
}

export class UnsafePatternError extends Error {
  readonly pattern: string;

  constructor(pattern: string, reason: string) {
    super(`pattern ${JSON.stringify(pattern)} is refused: ${reason}`);
    this.name = 'UnsafePatternError';
    this.pattern = pattern;
  }
}
