import type { Report } from './report-types.js';
import { reportSchema } from './report-schema.js';

interface SchemaNode {
  $ref?: string;
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
}

const definitions = (reportSchema as { $defs: Record<string, SchemaNode> }).$defs;

/**
 * The report as JSON with a stable key order, so two runs diff cleanly whatever order the producer
 * built its objects in: keys the schema knows come in the schema's order, any others after them in
 * alphabetical order (free-form data such as a patch's values). 2-space indent, ends with a newline.
 */
export function toCanonicalJson(report: Report): string {
  return `${JSON.stringify(ordered(report, reportSchema as SchemaNode), null, 2)}\n`;
}

/** Any part of a report (a finding, a skipped rule…) in canonical key order, by its `$defs` name. */
export function canonicalValue(value: unknown, definition: string): unknown {
  return ordered(value, { $ref: `#/$defs/${definition}` });
}

function ordered(value: unknown, node: SchemaNode | undefined): unknown {
  const schema = resolve(node);
  if (Array.isArray(value)) return value.map((item) => ordered(item, schema?.items));
  if (value === null || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  const properties = schema?.properties ?? {};
  const present = (key: string) => record[key] !== undefined;
  const known = Object.keys(properties).filter((key) => Object.hasOwn(record, key) && present(key));
  const others = Object.keys(record)
    .filter((key) => !Object.hasOwn(properties, key) && present(key))
    .sort();
  return Object.fromEntries([...known, ...others].map((key) => [key, ordered(record[key], properties[key])]));
}

function resolve(node: SchemaNode | undefined): SchemaNode | undefined {
  let current = node;
  for (let depth = 0; current?.$ref && depth < 8; depth += 1) current = definitions[current.$ref.replace('#/$defs/', '')];
  return current;
}
