import { levelFromName } from '../log-level.js';
import type { EmbeddedTime, ParsedLogLine } from './parsed-log-line.js';

const LEVEL_KEYS = ['level', 'severity', 'lvl'];
const MESSAGE_KEYS = ['msg', 'message'];
const TIME_KEYS = ['ts', 'timestamp', 'time'];
const SITE_KEYS = ['caller', 'pos'];
// Fields that are the same kind of noise on every line (or huge): not part of a template.
const DROPPED = new Set([...LEVEL_KEYS, ...MESSAGE_KEYS, ...TIME_KEYS, ...SITE_KEYS, 'stacktrace', 'component', 'logger']);

/**
 * A JSON log line: zap (Fleet, controller-runtime, etcd, rke2), KubeVirt, or logrus's JSON
 * formatter. The message is `msg` followed by the other fields (`error`, `reason`, `name`),
 * `key=value`, in their order.
 */
export function parseJsonLine(text: string): ParsedLogLine | undefined {
  if (text.charCodeAt(0) !== 0x7b || !text.trimEnd().endsWith('}')) return undefined;
  let record: unknown;
  try {
    record = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return undefined;
  const fields = record as Record<string, unknown>;
  const levelName = firstString(fields, LEVEL_KEYS);
  const level = levelName === undefined ? undefined : levelFromName(levelName);
  const message = firstString(fields, MESSAGE_KEYS);
  if (level === undefined && message === undefined) return undefined;
  const rest: string[] = [];
  for (const [key, value] of Object.entries(fields)) {
    if (DROPPED.has(key) || value === null || value === undefined) continue;
    rest.push(`${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`);
  }
  const parsed: ParsedLogLine = { format: 'json', message: [message ?? '', ...rest].filter((part) => part !== '').join(' ') };
  if (level) {
    parsed.level = level;
    parsed.levelFrom = 'format';
  }
  const site = firstString(fields, SITE_KEYS);
  if (site) parsed.site = site.replace(/:\d+$/, '').replace(/^.*\//, '');
  const time = embeddedTime(fields);
  if (time) parsed.embeddedTime = time;
  return parsed;
}

function firstString(fields: Record<string, unknown>, keys: readonly string[]): string | undefined {
  for (const key of keys) {
    const value = fields[key];
    if (typeof value === 'string') return value;
  }
  return undefined;
}

function embeddedTime(fields: Record<string, unknown>): EmbeddedTime | undefined {
  for (const key of TIME_KEYS) {
    const value = fields[key];
    if (typeof value === 'number' && Number.isFinite(value)) return { kind: 'epoch-seconds', value };
    if (typeof value === 'string' && /^\d{4}-\d\d-\d\d[T ]/.test(value)) return { kind: 'rfc3339', text: value };
  }
  return undefined;
}
