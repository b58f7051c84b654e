import { levelFromName } from '../log-level.js';
import type { ParsedLogLine } from './parsed-log-line.js';

// `2025/03/12 06:14:07 [ERROR] message` (Rancher's own logger), or `[ERROR] message` alone.
const RANCHER = /^(?:(\d{4})\/(\d\d)\/(\d\d) (\d\d:\d\d:\d\d) )?\[([A-Za-z]+)\] /;

/** A Rancher-style line (`[INFO]`, `[WARNING]`, `[ERROR]`, `[FATAL]` after a date), or undefined. */
export function parseRancherLine(text: string): ParsedLogLine | undefined {
  const match = RANCHER.exec(text);
  if (!match) return undefined;
  const level = levelFromName(match[5]!);
  if (!level) return undefined;
  const parsed: ParsedLogLine = { format: 'rancher', level, levelFrom: 'format', message: text.slice(match[0].length) };
  if (match[1]) parsed.embeddedTime = { kind: 'rfc3339', text: `${match[1]}-${match[2]}-${match[3]}T${match[4]}Z` };
  return parsed;
}
