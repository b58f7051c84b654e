#!/usr/bin/env node
// The TypeScript types of the two published contracts, generated from their JSON Schemas (the one
// source): packages/rules/schema/rule.schema.json → packages/rules/src/rule/rule-types.generated.ts,
// packages/report/schema/report.schema.json → packages/report/src/report-types.generated.ts.
// `pnpm types` rewrites them; a test compares the committed files with a fresh generation.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileFromFile } from 'json-schema-to-typescript';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export const GENERATED = [
  { schema: 'packages/rules/schema/rule.schema.json', file: 'packages/rules/src/rule/rule-types.generated.ts' },
  { schema: 'packages/report/schema/report.schema.json', file: 'packages/report/src/report-types.generated.ts' },
];

/** The generated text of each file, by path relative to the repository root. */
export async function generateTypes() {
  const out = new Map();
  for (const { schema, file } of GENERATED) {
    const raw = await compileFromFile(join(root, schema), {
      bannerComment: '',
      additionalProperties: false,
      unreachableDefinitions: true,
      ignoreMinAndMaxItems: true,
      format: true,
      style: { printWidth: 140, singleQuote: true },
    });
    out.set(file, `// Generated from ${schema} by scripts/generate-types.mjs (pnpm types); do not edit.\n\n${dedupe(raw)}`);
  }
  return out;
}

/**
 * A `$ref` with its own description makes the generator copy the referenced type (Condition1,
 * Remediation2…); the copies are identical, so each is folded back into its original.
 */
function dedupe(text) {
  const copies = [...text.matchAll(/^export (?:interface|type) ((Condition|ArrayCondition|Remediation)\d+)\b/gm)].map((match) => ({ copy: match[1], original: match[2] }));
  let result = text;
  for (const { copy } of copies) {
    result = result.replace(new RegExp(`(?:/\\*\\*(?:(?!\\*/)[\\s\\S])*\\*/\\n)?export (?:interface|type) ${copy}\\b[\\s\\S]*?\\n}\\n`, 'm'), '');
  }
  for (const { copy, original } of copies) result = result.replace(new RegExp(`\\b${copy}\\b`, 'g'), original);
  return result.replace(/\n{3,}/g, '\n\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const [file, text] of await generateTypes()) {
    writeFileSync(join(root, file), text);
    process.stdout.write(`wrote ${file}\n`);
  }
}
