import type { ObjectDescription } from '@bundle-triage/core';
import { alignTabs, DESCRIBE_LAYOUT } from './tab-writer.js';

/**
 * `kubectl describe` as text. The body is kubectl's generic describer (the one it uses for
 * custom resources): Name, Namespace, Labels, Annotations, then every field of the object with
 * camelCase keys made into words ("Creation Timestamp"), managedFields left out. After it come
 * what kubectl's per-kind describers add — the conditions as a table, who controls the object
 * (the whole owner chain), the events about it — then any extra sections (findings, timeline)
 * and where the object is in the bundle. Sections are aligned apart, as kubectl flushes its
 * tab writer before the events.
 */
export function renderDescription(description: ObjectDescription): string {
  const { object } = description;
  const sections: string[] = [];

  const head: string[] = [];
  head.push(`Name:\t${object.metadata.name}`);
  head.push(`Namespace:\t${object.metadata.namespace ?? ''}`);
  head.push(...multiline('Labels', labelLines(object.metadata.labels)));
  head.push(...multiline('Annotations', annotationLines(object.metadata.annotations)));
  // The conditions get a table of their own below.
  const skip = new Set(['.metadata.managedFields', '.metadata.name', '.metadata.namespace', '.metadata.labels', '.metadata.annotations', ...(description.conditions.length > 0 ? ['.status.conditions'] : [])]);
  printUnstructured(head, 0, object as unknown as Record<string, unknown>, '', skip);
  sections.push(head.join('\n'));

  if (description.conditions.length > 0) {
    const lines = ['Conditions:', '  Type\tStatus\tLastTransitionTime\tReason\tMessage', '  ----\t------\t------------------\t------\t-------'];
    for (const condition of description.conditions) {
      const since = condition.lastTransitionTime ? `${condition.lastTransitionTime} (${condition.lastTransitionAge} ago)` : '';
      lines.push(`  ${condition.type}\t${condition.status}\t${since}\t${condition.reason}\t${condition.message.replace(/\s*\n\s*/g, ' ')}`);
    }
    sections.push(lines.join('\n'));
  }

  if (description.owners.length > 0) {
    const lines: string[] = [];
    const [direct] = description.owners;
    lines.push(`Controlled By:\t${direct!.kind}/${direct!.name}`);
    lines.push('Owner Chain:');
    description.owners.forEach((owner, depth) => {
      const where = owner.origin ? `${owner.origin.path}:${owner.origin.line}` : `not in the bundle: ${owner.missing ?? 'unknown'}`;
      const namespace = owner.namespace ? `${owner.namespace}/` : '';
      lines.push(`  ${'  '.repeat(depth)}${owner.kind}/${namespace}${owner.name}\t${where}`);
    });
    sections.push(lines.join('\n'));
  }

  if (description.events.length === 0) {
    sections.push('Events:\t<none>');
  } else {
    const lines = ['Events:', '  Type\tReason\tAge\tFrom\tMessage', '  ----\t------\t----\t----\t-------'];
    for (const event of description.events) lines.push(`  ${event.type}\t${event.reason}\t${event.age}\t${event.from}\t${event.message}`);
    sections.push(lines.join('\n'));
  }

  for (const section of description.sections) {
    const lines = [`${section.title}:`];
    if (section.entries.length === 0) lines[0] = `${section.title}:\t<none>`;
    for (const entry of section.entries) {
      const evidence = entry.evidence ? `\t${entry.evidence.path}${entry.evidence.line !== undefined ? `:${entry.evidence.line}` : ''}` : '';
      lines.push(`  ${entry.text}${evidence}`);
    }
    sections.push(lines.join('\n'));
  }

  if (description.origin) sections.push(`Bundle Path:\t${description.origin.path}:${description.origin.line}`);

  return sections.map((section) => alignTabs(`${section}\n`, DESCRIBE_LAYOUT)).join('');
}

/** `Title:\tfirst` then `\tnext…` lines, as kubectl's printLabelsMultiline lays them out. */
function multiline(title: string, values: string[]): string[] {
  if (values.length === 0) return [`${title}:\t<none>`];
  return values.map((value, index) => (index === 0 ? `${title}:\t${value}` : `\t${value}`));
}

function labelLines(labels: Record<string, string> | undefined): string[] {
  return Object.keys(labels ?? {})
    .sort()
    .map((key) => `${key}=${labels![key]}`);
}

const MAX_ANNOTATION_LENGTH = 140;

/** kubectl's printAnnotationsMultiline: long or multi-line values on lines of their own, cut at 140. */
function annotationLines(annotations: Record<string, string> | undefined): string[] {
  const lines: string[] = [];
  for (const key of Object.keys(annotations ?? {}).sort()) {
    if (key === 'kubectl.kubernetes.io/last-applied-configuration') continue;
    const value = String(annotations![key]).replace(/\n$/, '');
    if (value.length + key.length + 2 > MAX_ANNOTATION_LENGTH || value.includes('\n')) {
      lines.push(`${key}:`);
      for (const part of value.split('\n')) lines.push(`  ${part.length > MAX_ANNOTATION_LENGTH - 2 ? `${part.slice(0, MAX_ANNOTATION_LENGTH - 2)}...` : part}`);
    } else {
      lines.push(`${key}: ${value}`);
    }
  }
  return lines;
}

/** kubectl's printUnstructuredContent: sorted fields, maps and lists indented by two spaces a level. */
function printUnstructured(out: string[], level: number, content: Record<string, unknown>, prefix: string, skip: ReadonlySet<string>): void {
  const indent = '  '.repeat(level);
  for (const field of Object.keys(content).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) {
    const path = `${prefix}.${field}`;
    if (skip.has(path)) continue;
    const value = content[field];
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      out.push(`${indent}${smartLabel(field)}:`);
      printUnstructured(out, level + 1, value as Record<string, unknown>, path, skip);
    } else if (Array.isArray(value)) {
      out.push(`${indent}${smartLabel(field)}:`);
      for (const item of value) {
        if (item !== null && typeof item === 'object' && !Array.isArray(item)) printUnstructured(out, level + 1, item as Record<string, unknown>, path, skip);
        else out.push(`${'  '.repeat(level + 1)}${goValue(item)}`);
      }
    } else {
      out.push(`${indent}${smartLabel(field)}:\t${goValue(value)}`);
    }
  }
}

/** Go's `%v` of a decoded JSON value. */
function goValue(value: unknown): string {
  if (value === null || value === undefined) return '<nil>';
  if (Array.isArray(value)) return `[${value.map(goValue).join(' ')}]`;
  if (typeof value === 'object') return `map[${Object.keys(value).sort().map((key) => `${key}:${goValue((value as Record<string, unknown>)[key])}`).join(' ')}]`;
  return String(value);
}

const COMMON_ACRONYMS = new Set(['API', 'URL', 'UID', 'GUID']);

/**
 * kubectl's smartLabelFor: `creationTimestamp` → `Creation Timestamp`, `apiVersion` →
 * `API Version`; a field with anything but letters and `-` is printed as it is.
 */
export function smartLabel(field: string): string {
  if (/[^\p{L}-]/u.test(field)) return field;
  const parts = camelCaseSplit(field);
  const merged: string[] = [];
  for (let index = 0; index < parts.length; index += 1) {
    const part = parts[index]!;
    const next = parts[index + 1];
    if (next !== undefined && part.length >= 2 && ![...part].some((char) => /\p{L}/u.test(char) && char !== char.toUpperCase()) && /^\p{Lu}/u.test(next)) {
      merged.push(part + next);
      index += 1;
      continue;
    }
    merged.push(part);
  }
  return merged
    .filter((part) => part !== '_')
    .map((part) => (COMMON_ACRONYMS.has(part.toUpperCase()) ? part.toUpperCase() : part === part.toLowerCase() ? part.charAt(0).toUpperCase() + part.slice(1) : part))
    .join(' ');
}

/** fatih/camelcase Split: runs of lower, upper, digit and other; an upper run gives its last letter to a following lower run. */
function camelCaseSplit(text: string): string[] {
  const runs: string[][] = [];
  let lastClass = 0;
  for (const char of text) {
    const charClass = /\p{Ll}/u.test(char) ? 1 : /\p{Lu}/u.test(char) ? 2 : /\p{Nd}/u.test(char) ? 3 : 4;
    if (charClass === lastClass) runs[runs.length - 1]!.push(char);
    else runs.push([char]);
    lastClass = charClass;
  }
  for (let index = 0; index < runs.length - 1; index += 1) {
    if (/\p{Lu}/u.test(runs[index]![0]!) && /\p{Ll}/u.test(runs[index + 1]![0]!)) {
      runs[index + 1]!.unshift(runs[index]!.pop()!);
    }
  }
  return runs.filter((run) => run.length > 0).map((run) => run.join(''));
}
