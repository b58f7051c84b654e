import { toTime } from './compare.js';
import { PLACEHOLDER, splitPipeline } from '../rule/template-syntax.js';
import { resolvePath, type Scope } from './located.js';

/**
 * Fills `{{ … }}` placeholders in messages and remediation from the match.
 *
 *   {{ bundle/status/display/readyClusters }}       a field, by name and JSON pointer
 *   {{ facts.harvesterVersion.value }}              dotted form, for names without `/`
 *   {{ modified | ref | join:", " }}                filters, applied left to right
 *
 * Filters: join[:sep] map:<field> format:"{a}/{b|default}" where:<field> whereNot:<field> ref first last
 * count unique sort lower upper json age ago bytes default:<text>. `bytes` prints a number of bytes
 * 1024-based, as df and free do (`142.6 GiB`). `age` turns an RFC 3339 time into how long
 * before the bundle was taken it was (`3d4h`), never how long before now; `ago` says the same of
 * a time that may come after the bundle's stamp (`20m before it`, `while the bundle was being
 * taken`, `2h after it`). `where:missing` keeps the elements whose
 * field is true (or "true", or any other non-empty value but "false"). `map:"a.b/c"` (quoted) reads one key with dots or slashes in it.
 * An unknown name renders as nothing rather than failing the rule; `validateTemplate` catches
 * typos at load time.
 */
export function renderTemplate(template: string, scope: Scope): string {
  return template.replace(PLACEHOLDER, (_whole, expression: string) => display(evaluateExpression(expression, scope)));
}

/**
 * A template that is one placeholder giving a list renders as one text per element (a remediation
 * command per volume: `{{ single | format:"kubectl … {metadata/name} …" }}`); any other template as
 * one text.
 */
export function renderTemplateEach(template: string, scope: Scope): string[] {
  const only = new RegExp(`^\\s*${PLACEHOLDER.source}\\s*$`).exec(template);
  const value = only ? evaluateExpression(only[1] ?? '', scope) : undefined;
  return Array.isArray(value) ? value.map(display) : [renderTemplate(template, scope)];
}

function evaluateExpression(expression: string, scope: Scope): unknown {
  const [operand = '', ...filters] = splitPipeline(expression);
  let value = readOperand(operand.trim(), scope);
  for (const filter of filters) value = applyFilter(filter.trim(), value, scope);
  return value;
}

function readOperand(operand: string, scope: Scope): unknown {
  if (/^".*"$/.test(operand)) return operand.slice(1, -1);
  const path = operand.includes('/') ? operand : operand.split('.').join('/');
  const resolved = resolvePath(scope, path);
  if (resolved.length === 0) return undefined;
  return resolved.length === 1 ? resolved[0]!.value : resolved.map((located) => located.value);
}

function applyFilter(filter: string, value: unknown, scope: Scope): unknown {
  const colon = filter.indexOf(':');
  const name = colon < 0 ? filter : filter.slice(0, colon).trim();
  const rawArgument = colon < 0 ? undefined : filter.slice(colon + 1).trim();
  const argument = rawArgument === undefined ? undefined : unquote(rawArgument);
  // A quoted field name is one key, dots and slashes included (`map:"upgrade.cattle.io/node"`).
  const quoted = rawArgument !== undefined && /^".*"$/.test(rawArgument);
  const list = value === undefined ? [] : Array.isArray(value) ? value : [value];
  switch (name) {
    case 'join':
      return list.map(display).join(argument ?? ', ');
    case 'map':
      return list.map((item) => readField(item, argument ?? '', quoted));
    case 'format':
      return list.map((item) => formatItem(item, argument ?? ''));
    case 'where':
      return list.filter((item) => truthy(readField(item, argument ?? '', quoted)));
    case 'whereNot':
      return list.filter((item) => !truthy(readField(item, argument ?? '', quoted)));
    case 'ref':
      return Array.isArray(value) ? list.map(objectLabel) : value === undefined ? undefined : objectLabel(value);
    case 'first':
      return list[0];
    case 'last':
      return list[list.length - 1];
    case 'count':
      return list.length;
    case 'unique':
      return [...new Set(list.map(display))];
    case 'sort':
      // Numbers by value (a log match's `time`: `map:time | sort | last` is the latest match, whatever
      // order the conditions and files gave them in); text in code-unit order, the same on every
      // machine whatever its locale.
      if (list.every((item) => typeof item === 'number')) return [...(list as number[])].sort((a, b) => a - b);
      return [...list].sort((a, b) => (display(a) < display(b) ? -1 : display(a) > display(b) ? 1 : 0));
    case 'lower':
      return display(value).toLowerCase();
    case 'upper':
      return display(value).toUpperCase();
    case 'json':
      return JSON.stringify(value);
    case 'age':
      // How long before the bundle was taken: the age a support engineer reads in kubectl's AGE.
      return Array.isArray(value) ? list.map((item) => ageBeforeBundle(item, scope)) : ageBeforeBundle(value, scope);
    case 'ago':
      return Array.isArray(value) ? list.map((item) => relativeToBundle(item, scope)) : relativeToBundle(value, scope);
    case 'bytes':
      return Array.isArray(value) ? list.map(binaryBytes) : binaryBytes(value);
    case 'default':
      return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0) ? argument : value;
    default:
      return value;
  }
}

function readField(item: unknown, field: string, wholeKey = false): unknown {
  let current = item;
  for (const key of wholeKey ? [field] : field.split(/[/.]/).filter(Boolean)) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

function truthy(value: unknown): boolean {
  return value !== undefined && value !== null && value !== false && value !== '' && value !== 'false';
}

/**
 * `format:"{spec/pvcNamespace}/{spec/pvcName}"`: each `{field path}` filled from the element; a
 * `/` path is a JSON pointer (`~1` for a `/` in a key), and `{path|text}` gives `text` when the
 * field is empty.
 */
function formatItem(item: unknown, pattern: string): string {
  // Only `{path}` or `{path|default}` is a field; other braces (JSON in a command) stay as they are.
  return pattern.replace(/\{([\w.~/-]+(?:\|[^{}]*)?)\}/g, (_whole, expression: string) => {
    const bar = expression.indexOf('|');
    const field = (bar < 0 ? expression : expression.slice(0, bar)).trim();
    const value = display(field.includes('/') ? readPointer(item, field) : readField(item, field));
    return value === '' && bar >= 0 ? expression.slice(bar + 1) : value;
  });
}

/** A `/`-separated path whose segments are JSON-pointer escaped (`annotations/harvesterhci.io~1minFreeDiskSpaceGB`). */
function readPointer(item: unknown, path: string): unknown {
  let current = item;
  for (const raw of path.split('/').filter(Boolean)) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[raw.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return current;
}

/** `Secret kube-system/snapshot-validation-webhook-tls`, from an object or a reference-like entry. */
function objectLabel(item: unknown): string {
  if (item === null || typeof item !== 'object') return display(item);
  const record = item as Record<string, unknown>;
  const metadata = (record.metadata ?? {}) as Record<string, unknown>;
  const kind = display(record.kind);
  const namespace = display(metadata.namespace ?? record.namespace);
  const name = display(metadata.name ?? record.name);
  return `${kind ? `${kind} ` : ''}${namespace ? `${namespace}/` : ''}${name}`;
}

export function display(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map(display).join(', ');
  return JSON.stringify(value);
}

function unquote(text: string): string {
  return /^".*"$/.test(text) ? text.slice(1, -1).replace(/\\n/g, '\n') : text;
}

/** `142.6 GiB`, `512 MiB`, `900 B`: 1024-based with one decimal; undefined for what is not a number. */
function binaryBytes(value: unknown): string | undefined {
  const bytes = typeof value === 'number' ? value : typeof value === 'string' && /^\d+(\.\d+)?$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isFinite(bytes)) return undefined;
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
  let scaled = Math.abs(bytes);
  let unit = 0;
  while (scaled >= 1024 && unit < units.length - 1) {
    scaled /= 1024;
    unit += 1;
  }
  const text = unit === 0 ? String(Math.round(scaled)) : scaled.toFixed(1).replace(/\.0$/, '');
  return `${bytes < 0 ? '-' : ''}${text} ${units[unit]}`;
}

/** `3d4h`, `2h5m`, `40s` before the bundle's creation, of an RFC 3339 time or a log line's time (ms); undefined for anything else or an unknown creation. */
function ageBeforeBundle(value: unknown, scope: Scope): string | undefined {
  const times = timeAndCreation(value, scope);
  return times && humanAge(times.createdAt - times.time);
}

/** A time (a log match's milliseconds, or RFC 3339) and the bundle's creation; undefined when either is unknown. */
function timeAndCreation(value: unknown, scope: Scope): { time: number; createdAt: number } | undefined {
  // A log line's time is milliseconds (a match's `time`); objects write RFC 3339.
  const time = typeof value === 'number' && Number.isFinite(value) ? value : toTime(value);
  const createdAt = toTime(resolvePath(scope, 'facts/createdAt')[0]?.value);
  return time === undefined || createdAt === undefined ? undefined : { time, createdAt };
}

/**
 * The kit stamps the bundle when it starts and collects the nodes' logs after, so their last
 * lines can be minutes younger than the stamp: "0s before it" would misstate them.
 */
const COLLECTION_WINDOW_MS = 3600_000;

/** `20m before it`, `while the bundle was being taken` (up to an hour after its stamp), `2h after it`. */
function relativeToBundle(value: unknown, scope: Scope): string | undefined {
  const times = timeAndCreation(value, scope);
  if (!times) return undefined;
  const { time, createdAt } = times;
  // Under a second before the stamp reads as the stamp itself, not "0s before it".
  if (time <= createdAt - 1000) return `${humanAge(createdAt - time)} before it`;
  return time - createdAt <= COLLECTION_WINDOW_MS ? 'while the bundle was being taken' : `${humanAge(time - createdAt)} after it`;
}

/** kubectl-style age: the two largest units (`3d4h`, `2h5m`, `5m10s`); a time after the creation is `0s`. */
export function humanAge(ms: number): string {
  let seconds = Math.max(0, Math.floor(ms / 1000));
  const days = Math.floor(seconds / 86_400);
  seconds -= days * 86_400;
  const hours = Math.floor(seconds / 3600);
  seconds -= hours * 3600;
  const minutes = Math.floor(seconds / 60);
  seconds -= minutes * 60;
  if (days > 0) return hours > 0 ? `${days}d${hours}h` : `${days}d`;
  if (hours > 0) return minutes > 0 ? `${hours}h${minutes}m` : `${hours}h`;
  if (minutes > 0) return seconds > 0 ? `${minutes}m${seconds}s` : `${minutes}m`;
  return `${seconds}s`;
}
