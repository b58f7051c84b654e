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

/**
 * A line that only announces a facility set up at boot names errors without reporting one: "RAS:
 * Correctable Errors collector initialized.", "ERST: Error Record Serialization Table (ERST)
 * support is initialized." (the real v1.0 sample's kernel log). It is routine unless it also says
 * something failed or did not happen ("Error: module nbd not loaded").
 */
const ANNOUNCEMENT = /\b(?:initiali[sz]ed|registered|enabled|loaded|installed)\.?\s*$/;
const FAILURE = /\b(?:[Ff]ail\w*|FAIL\w*|[Uu]nable to|[Cc]annot|[Cc]ould not|[Tt]imed out|[Rr]efused|[Dd]enied|[Nn]ot|NOT)\b/;

/** The most severe level the words of `message` suggest, or undefined for a routine line. */
export function levelFromWording(message: string): Wording['level'] | undefined {
  for (const wording of WORDINGS) {
    if (!wording.words.test(message)) continue;
    if (wording.level !== 'fatal' && ANNOUNCEMENT.test(message) && !FAILURE.test(message)) return undefined;
    return wording.level;
  }
  return undefined;
}
