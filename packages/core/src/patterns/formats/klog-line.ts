import { levelFromName } from '../log-level.js';
import type { ParsedLogLine } from './parsed-log-line.js';

// `E0306 22:52:16.639981       1 controller.go:95] message`: level letter, month-day, time, pid, file:line.
const KLOG = /^([IWEF])(\d\d)(\d\d) (\d\d):(\d\d):(\d\d)(?:\.(\d{1,9}))?\s+\d+\s+([^\s:\]]+)(?::\d+)?\] ?/;

/** A klog line (Kubernetes components, client-go inside every Go controller), or undefined. */
export function parseKlogLine(text: string): ParsedLogLine | undefined {
  const first = text.charCodeAt(0);
  // I, W, E, F: a cheap test before the expression.
  if (first !== 0x49 && first !== 0x57 && first !== 0x45 && first !== 0x46) return undefined;
  const match = KLOG.exec(text);
  if (!match) return undefined;
  return {
    format: 'klog',
    level: levelFromName(match[1]!)!,
    levelFrom: 'format',
    message: text.slice(match[0].length),
    site: match[8]!,
    embeddedTime: {
      kind: 'klog',
      month: Number(match[2]) - 1,
      day: Number(match[3]),
      hour: Number(match[4]),
      minute: Number(match[5]),
      second: Number(match[6]),
      fraction: match[7] ?? '',
    },
  };
}
