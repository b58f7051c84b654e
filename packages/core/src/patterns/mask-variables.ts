/**
 * Masks the parts of a message that change from one occurrence to the next (Drain3's "masking
 * instructions"), so lines written by the same code look alike before they are grouped: times,
 * UUIDs, addresses, object names, durations, versions, hex and numbers. The masks are typed
 * (`<ip>`, `<name>`) so a template still reads as a sentence.
 *
 * One expression with one alternative per mask, tried left to right at each position: where two
 * could match, the first listed wins (a timestamp before its numbers, a Longhorn volume name
 * before its UUID).
 */
const HEX = '[0-9a-fA-F]';
const UUID = `${HEX}{8}-${HEX}{4}-${HEX}{4}-${HEX}{4}-${HEX}{12}`;
// The alphabet of Kubernetes' generated names (rand.SafeEncodeString: no vowels, no 0/1/3).
const SAFE = '[bcdfghjklmnpqrstvwxz2456789]';
const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)';
const UNIT = '(?:ns|us|µs|ms|s|m|h)';
// Not inside a longer word, path or name.
const START = '(?<![\\w.\\-/])';
const END = '(?![\\w\\-/]|\\.\\w)';

const MASKS: readonly (readonly [mask: string, source: string])[] = [
  ['<mac>', `\\b(?:${HEX}{2}:){5}${HEX}{2}\\b`],
  [
    '<time>',
    [
      '\\d{4}-\\d\\d-\\d\\d[T ]\\d\\d:\\d\\d:\\d\\d(?:[.,]\\d+)?(?:Z|[+-]\\d\\d:?\\d\\d)?',
      '\\d{4}-\\d\\d-\\d\\d(?![\\w-])',
      '\\d{4}/\\d\\d/\\d\\d(?![\\w/])',
      `\\d\\d/${MONTH}/\\d{4}:\\d\\d:\\d\\d:\\d\\d(?: [+-]\\d{4})?`,
      `\\b${MONTH} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d(?:\\.\\d+)?`,
      '\\b\\d\\d:\\d\\d:\\d\\d(?:\\.\\d+)?\\b',
    ].join('|'),
  ],
  // Longhorn volumes, engines and replicas: pvc-<uuid>[-e-<hex8>|-r-<hex8>].
  ['<name>', `${START}[a-z][a-z0-9]*(?:-[a-z0-9]+)*?-${UUID}(?:-[a-z]-${HEX}{8})?${END}`],
  ['<uuid>', `\\b${UUID}\\b`],
  // A quoted value that starts like a name or path (not the `":"` between JSON keys and values).
  ['"<name>"', '"[\\w./-][^"\\s]*[\\d\\-./:][^"\\s]*"|\'[\\w./-][^\'\\s]*[\\d\\-./:][^\'\\s]*\''],
  ['<ip>', `(?<![\\w.\\-])(?:\\d{1,3}\\.){3}\\d{1,3}(?::\\d{1,5})?(?:/\\d{1,2})?(?![\\w.])|\\[?(?:${HEX}{0,4}:){2,7}${HEX}{1,4}\\]?(?::\\d{1,5})?(?![\\w:])|\\[::\\](?::\\d{1,5})?`],
  // Pod and other generated names: <base>-<hash>-<5>, <base>-<5>.
  ['<name>', `${START}[a-z0-9](?:[-a-z0-9.]*[a-z0-9])?-(?:${SAFE}{6,10}-)?${SAFE}{5}${END}`],
  // namespace/name (a namespace has no dots, so harvesterhci.io/v1beta1 is not one; nor is group/v1).
  ['<name>', `${START}(?=[a-z0-9-]*[a-z])[a-z0-9][-a-z0-9]*[a-z0-9]/(?!v\\d+(?:(?:alpha|beta)\\d+)?\\b)(?=[-.a-z0-9]*[a-z])[a-z0-9][-.a-z0-9]*[a-z0-9](?![\\w/-])`],
  ['<duration>', `${START}\\d+(?:\\.\\d+)?${UNIT}(?:\\d+(?:\\.\\d+)?${UNIT})*(?![\\w.])`],
  ['<version>', `${START}v?\\d+\\.\\d+\\.\\d+(?:[-+][\\w.+-]*[\\w])?(?![\\w.])`],
  ['<hex>', `${START}(?:0x${HEX}+|(?=[0-9a-f]*\\d)(?=[0-9a-f]*[a-f])[0-9a-f]{7,}|(?=[0-9A-F]*\\d)(?=[0-9A-F]*[A-F])[0-9A-F]{8,})(?![\\w.])`],
  ['<num>', '(?<![\\w.])\\d+(?:\\.\\d+)?(?![\\w.]|\\.\\d)'],
];

// One capturing group per mask, in order; the alternatives themselves only use (?:…) groups.
const MASK_EXPRESSION = new RegExp(MASKS.map(([, source]) => `(${source})`).join('|'), 'g');
// Masks whose masked text is an object name worth remembering (a finding may name it).
const NAME_MASKS = new Set(MASKS.flatMap(([mask], index) => (mask.includes('<name>') ? [index] : [])));

export interface MaskedMessage {
  /** The message with its variable parts replaced by `<time>`, `<uuid>`, `<name>`, `<ip>`, … */
  masked: string;
  /** The object names that were masked, as written (without quotes), in order. */
  names: string[];
}

/**
 * Masks messages, remembering how each token was masked: tokens repeat (a loop writes the same
 * names again and again), and the cache only holds what the expression would compute again.
 */
export class VariableMasker {
  readonly #cache = new Map<string, MaskedToken>();
  readonly #cacheSize: number;

  constructor(options: { cacheSize?: number } = {}) {
    this.#cacheSize = options.cacheSize ?? 4_096;
  }

  mask(message: string): MaskedMessage {
    const names: string[] = [];
    const tokens = message.split(' ');
    for (let index = 0; index < tokens.length; index += 1) {
      const token = tokens[index]!;
      // Most words hold nothing variable: one character-class test, not a pass of the expression.
      if (!MAY_VARY.test(token)) continue;
      // A number alone or in punctuation (`1535:`, `#1234567:`, `(42)`): the commonest variable
      // token of error storms, and too varied for the cache.
      const number = PUNCTUATED_NUMBER.exec(token);
      if (number) {
        tokens[index] = `${number[1]}<num>${number[2]}`;
        continue;
      }
      let masked = this.#cache.get(token);
      if (masked === undefined) {
        masked = maskToken(token);
        if (this.#cache.size >= this.#cacheSize) this.#cache.clear();
        this.#cache.set(token, masked);
      }
      tokens[index] = masked.text;
      if (masked.names) names.push(...masked.names);
    }
    return { masked: tokens.join(' '), names };
  }
}

/** Masks one message (a masker without a shared cache). */
export function maskVariables(message: string): MaskedMessage {
  return new VariableMasker().mask(message);
}

interface MaskedToken {
  text: string;
  names?: string[];
}

function maskToken(token: string): MaskedToken {
  let names: string[] | undefined;
  const text = token.replace(MASK_EXPRESSION, (match: string, ...captures: unknown[]) => {
    for (let index = 0; index < MASKS.length; index += 1) {
      if (captures[index] === undefined) continue;
      if (NAME_MASKS.has(index)) (names ??= []).push(unquote(match));
      const mask = MASKS[index]![0];
      // A quoted name keeps its own quotes: 'a-1' → '<name>', "a-1" → "<name>".
      return mask.startsWith('"') ? `${match[0]}<name>${match[0]}` : mask;
    }
    return match;
  });
  return names ? { text, names } : { text };
}

function unquote(text: string): string {
  const first = text.charCodeAt(0);
  return first === 0x22 || first === 0x27 ? text.slice(1, -1) : text;
}

// Every mask needs a digit, a quote, a hyphen (generated names), a slash or a colon in its token.
const MAY_VARY = /[\d"'\-/:]/;
const PUNCTUATED_NUMBER = /^([#([{]?)\d+(?:\.\d+)?([:,;)\]}]*)$/;
