import { RE2JS } from 're2js';

/**
 * A regular expression that runs in linear time. Rule patterns come from rule authors and from
 * users (`--rules DIR`), and they run over customer logs of any size: a backtracking engine can
 * be made to hang by one pattern like `(a+)+$`. RE2 semantics make that impossible; the price
 * is no lookaround and no backreferences, which are refused when the rule is loaded.
 */
const ON_FIRST_USE: unique symbol = Symbol('compile on first use');

export class SafePattern {
  readonly source: string;
  #compiled: RE2JS | undefined;
  #groupNames: [string, number][] = [];

  /** Compiles `source` now: throws UnsafePatternError for a pattern RE2 refuses. */
  constructor(source: string, when?: typeof ON_FIRST_USE) {
    this.source = source;
    if (when !== ON_FIRST_USE) this.#compile();
  }

  /**
   * A pattern compiled on its first use (`exec`, `test`), which throws UnsafePatternError then if
   * RE2 refuses it. For patterns that were checked when their rule was loaded: an analysis plans
   * every search up front, and most never meet a line that passes their prefilter, so compiling
   * them all (RE2 builds its program and, for `(?i)`, its case-folding tables) was most of the
   * engine's time on a small bundle.
   */
  static compiledOnUse(source: string): SafePattern {
    return new SafePattern(source, ON_FIRST_USE);
  }

  #compile(): RE2JS {
    if (this.#compiled) return this.#compiled;
    try {
      this.#compiled = RE2JS.compile(this.source);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new UnsafePatternError(this.source, `${reason} (patterns use RE2 syntax, which runs in linear time: no lookaround, no backreferences)`);
    }
    this.#groupNames = Object.entries(this.#compiled.namedGroups() as Record<string, number>);
    return this.#compiled;
  }

  /** Like RegExp.exec: the first match with its groups, or null. */
  exec(text: string): RegExpExecArray | null {
    const matcher = this.#compile().matcher(text);
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
    return this.#compile().matcher(text).find();
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
