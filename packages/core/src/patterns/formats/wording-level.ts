import type { LogLevel } from '../log-level.js';

/**
 * The level of a line whose format has none (kernel messages, shell output, plain application
 * lines), from the words it uses. The same expressions are the prefilter that lets a scan skip
 * every other line without decoding it (`WORDING_PATTERN`), so the two cannot drift apart.
 *
 * The words are those kernel and application failures print (I/O error, EXT4-fs error, failed,
 * WARNING:, BUG: soft lockup, blocked for more than 120 seconds, Out of memory, timed out,
 * refused, denied). Case variants are spelled out rather than matched case-insensitively: the
 * prefilter runs over every byte of every plain log, and `/i` makes it about 1.5× slower.
 */
interface Wording {
  level: Extract<LogLevel, 'fatal' | 'error' | 'warning'>;
  /** Case-sensitive, ASCII (the prefilter reads bytes as latin1). */
  words: RegExp;
}

const WORDINGS: readonly Wording[] = [
  // `panic=0` on a kernel command line is a parameter, not a panic.
  { level: 'fatal', words: /\b(?:BUG:|(?:[Pp]anic|PANIC)\b(?![=_]))/ },
  {
    level: 'error',
    words:
      /\b(?:[Ee]rrors?|ERRORS?|[Ff]ail(?:ed|ure|ing|s)?|FAIL(?:ED|URE)?|[Tt]imed out|[Tt]imeout|[Rr]efused|[Dd]enied|[Uu]nable to|[Cc]annot|[Cc]ould not|[Oo]ut of [Mm]emory|[Ss]egfault|blocked for more than)\b/,
  },
  { level: 'warning', words: /\b(?:[Ww]arn(?:ing|ings|s)?|WARN(?:ING)?)\b/ },
];

/** Matches in every line `levelFromWording` gives a level (for a prefilter). */
export const WORDING_PATTERN = new RegExp(WORDINGS.map((wording) => wording.words.source).join('|'));

/** The most severe level the words of `message` suggest, or undefined for a routine line. */
export function levelFromWording(message: string): Wording['level'] | undefined {
  for (const wording of WORDINGS) if (wording.words.test(message)) return wording.level;
  return undefined;
}
