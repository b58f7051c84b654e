import { levelFromName } from '../log-level.js';
import type { ParsedLogLine } from './parsed-log-line.js';

// key=value or key="quoted \"value\"", as logrus's TextFormatter writes them.
const FIELD = /([A-Za-z_][\w.\-/]*)=("(?:[^"\\]|\\.)*"|[^\s"]*)/g;
const LEVEL = /(?:^|\s)level=([A-Za-z]+)/;

/**
 * A logrus text line (`time="…" level=error msg="…" key=value …`; Harvester, Longhorn, rke2,
 * containerd), possibly behind a prefix such as Longhorn's `[longhorn-instance-manager] `.
 * The message is `msg` followed by the other fields, `key=value`, in their order: `error=`
 * often says more than `msg`.
 */
export function parseLogrusLine(text: string): ParsedLogLine | undefined {
  if (!text.includes('level=')) return undefined;
  const levelMatch = LEVEL.exec(text);
  if (!levelMatch) return undefined;
  const level = levelFromName(levelMatch[1]!);
  if (!level) return undefined;
  let message: string | undefined;
  let time: string | undefined;
  const fields: string[] = [];
  FIELD.lastIndex = levelMatch.index;
  for (let match = FIELD.exec(text); match; match = FIELD.exec(text)) {
    const key = match[1]!;
    const value = match[2]!;
    if (key === 'level') continue;
    if (key === 'msg') message = unquote(value);
    else if (key === 'time') time = unquote(value);
    // Escaped quotes inside a quoted value read as plain quotes (`\"pvc-1\"` → `"pvc-1"`).
    else fields.push(`${key}=${value.startsWith('"') ? `"${unquote(value)}"` : value}`);
  }
  // Fields before `level=` (logrus writes time first) were skipped by starting at level; time is one of them.
  if (time === undefined) {
    const timeMatch = /(?:^|\s)time="?([^"\s]+)"?/.exec(text.slice(0, levelMatch.index + 1));
    if (timeMatch) time = timeMatch[1];
  }
  const parsed: ParsedLogLine = {
    format: 'logrus',
    level,
    levelFrom: 'format',
    message: [message ?? '', ...fields].filter((part) => part !== '').join(' '),
  };
  if (time !== undefined) parsed.embeddedTime = { kind: 'rfc3339', text: time };
  return parsed;
}

function unquote(value: string): string {
  if (!value.startsWith('"')) return value;
  return value.slice(1, -1).replace(/\\(["\\])/g, '$1').replace(/\\n/g, ' ').replace(/\\t/g, ' ');
}
