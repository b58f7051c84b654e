import type { KubeObject } from '../../resources/kube-object.js';
import { ageAt } from '../human-duration.js';
import { field } from '../../resources/object-fields.js';

/** A table cell as the API server's Table holds it; `null` prints as nothing. */
export type Cell = string | number | boolean | null;

export interface ColumnDefinition {
  name: string;
  type: 'string' | 'integer' | 'number' | 'boolean' | 'date';
  /** 0 is shown by default; higher only with `-o wide`. */
  priority: number;
}

export interface PrintContext {
  /** The bundle's creation time (ms): the "now" of every AGE. Undefined when the bundle does not say. */
  now: number | undefined;
  /** The cluster's Kubernetes minor version (`30` for v1.30), when known: columns changed over releases. */
  serverMinor: number | undefined;
}

/**
 * The table kubectl gets from the API server for one resource type: column definitions and a
 * function giving the cells of an object, every column (wide ones too) in order.
 */
export interface ResourcePrinter {
  columns(context: PrintContext): ColumnDefinition[];
  cells(object: KubeObject, context: PrintContext): Cell[];
}

export function column(name: string, type: ColumnDefinition['type'] = 'string', priority = 0): ColumnDefinition {
  return { name, type, priority };
}

export const NAME = column('Name');
export const AGE = column('Age');

/** A field of an object by path; undefined when any step is missing (the one the timeline and the overview use). */
export { field };

export function text(value: unknown): string {
  return typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value);
}

export function integer(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.trunc(value) : typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : 0;
}

export function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function record(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

export function nameOf(object: KubeObject): string {
  return text(object.metadata?.name);
}

export function ageOf(object: KubeObject, context: PrintContext): string {
  return ageAt(object.metadata?.creationTimestamp, context.now);
}

/** apimachinery `labels.FormatLabels`: sorted `k=v` pairs, or `<none>`. */
export function formatLabels(labels: unknown): string {
  const entries = Object.entries(record(labels)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return entries.length === 0 ? '<none>' : entries.map(([key, value]) => `${key}=${text(value)}`).join(',');
}

/**
 * apimachinery `FormatLabelSelector`: `matchLabels` and `matchExpressions` as one selector
 * string, `<none>` for an empty selector.
 */
export function formatLabelSelector(selector: unknown): string {
  const requirements: string[] = [];
  const matchLabels = Object.entries(record(field(selector, 'matchLabels')));
  for (const [key, value] of matchLabels) requirements.push(`${key}=${text(value)}`);
  for (const expression of list(field(selector, 'matchExpressions'))) {
    const key = text(field(expression, 'key'));
    const values = list(field(expression, 'values')).map(text).sort();
    switch (text(field(expression, 'operator'))) {
      case 'In':
        requirements.push(`${key} in (${values.join(',')})`);
        break;
      case 'NotIn':
        requirements.push(`${key} notin (${values.join(',')})`);
        break;
      case 'Exists':
        requirements.push(key);
        break;
      case 'DoesNotExist':
        requirements.push(`!${key}`);
        break;
      default:
        return '<error>';
    }
  }
  // labels.Selector.String() sorts requirements by key.
  requirements.sort((a, b) => {
    const keyA = a.replace(/^!/, '').split(/[= ]/)[0]!;
    const keyB = b.replace(/^!/, '').split(/[= ]/)[0]!;
    return keyA < keyB ? -1 : keyA > keyB ? 1 : 0;
  });
  return requirements.length === 0 ? '<none>' : requirements.join(',');
}

/** The containers of a pod template as `-o wide` lays them out: names, images. */
export function containerCells(containers: unknown): [names: string, images: string] {
  const items = list(containers);
  return [items.map((container) => text(field(container, 'name'))).join(','), items.map((container) => text(field(container, 'image'))).join(',')];
}

/** kubectl's `printBoolPtr`: `True`, `False`, or `<unset>`. */
export function boolPointer(value: unknown): string {
  return typeof value === 'boolean' ? (value ? 'True' : 'False') : '<unset>';
}

/** The condition of a type in `status.conditions`, if any. */
export function conditionOf(object: unknown, type: string): Record<string, unknown> | undefined {
  const found = list(field(object, 'status', 'conditions')).find((condition) => field(condition, 'type') === type);
  return found === undefined ? undefined : record(found);
}
