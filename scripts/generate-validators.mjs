#!/usr/bin/env node
// The JSON Schema validators of the two published contracts, compiled at build time: Ajv's
// "standalone" code for packages/rules/schema/rule.schema.json and
// packages/report/schema/report.schema.json, written as TypeScript modules beside the code that
// uses them. Compiling a schema with Ajv at run time costs more than the rest of a small analysis
// (the rule schema: ~150 ms, and loading Ajv itself ~50 ms), and the schemas never change at run
// time. The generated files are not committed (they cannot go stale): each package's build and
// `generate` script, the root typecheck and the test setup write them.
//
//   node scripts/generate-validators.mjs [rules|report]…     (default: both)
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Per package: its schema, where the validator goes, and the Ajv options it was always compiled with. */
export const VALIDATORS = {
  rules: {
    schema: 'packages/rules/schema/rule.schema.json',
    file: 'packages/rules/src/rule/rule-schema-validator.generated.ts',
    options: { allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true },
  },
  report: {
    schema: 'packages/report/schema/report.schema.json',
    file: 'packages/report/src/report-schema-validator.generated.ts',
    options: { allErrors: true, strict: true },
  },
};

/** The module's text: `export const validate` (and default), Ajv's validation function. */
export function validatorModule(name) {
  const { schema, file, options } = VALIDATORS[name];
  // Ajv is a (dev) dependency of the package, not of the workspace root: resolve it from there.
  const require = createRequire(join(root, 'packages', name, 'package.json'));
  const { Ajv2020 } = require('ajv/dist/2020.js');
  const standaloneCode = require('ajv/dist/standalone/index.js').default;
  const ajv = new Ajv2020({ ...options, code: { source: true, esm: true } });
  const code = standaloneCode(ajv, ajv.compile(JSON.parse(readFileSync(join(root, schema), 'utf8'))));
  // The one runtime helper the schemas need (minLength/maxLength count code points, as Ajv's
  // ucs2length does: a surrogate pair is one, a lone surrogate is one), so the package does not
  // need Ajv at run time; any other helper would be a require() left in ESM, so refuse it.
  const inlined = code.replace(/require\("ajv\/dist\/runtime\/ucs2length"\)\.default/g, '((text) => [...text].length)');
  const leftover = /require\(("[^"]+")\)/.exec(inlined);
  if (leftover) throw new Error(`${schema}: the standalone validator needs the Ajv runtime helper ${leftover[1]}; inline it in scripts/generate-validators.mjs`);
  const generated = [
    `// Generated from ${schema} by scripts/generate-validators.mjs (Ajv standalone code) at build and`,
    '// test time; not committed. Edit the schema, never this file.',
    '// @ts-nocheck',
    '/* eslint-disable */',
    inlined.replace(/^"use strict";/, ''),
    '',
  ].join('\n');
  return { file, text: generated };
}

/** Writes the validator of each named package when its text changed; returns the files. */
export function writeValidators(names = Object.keys(VALIDATORS)) {
  const written = [];
  for (const name of names) {
    if (!(name in VALIDATORS)) throw new Error(`unknown validator "${name}" (known: ${Object.keys(VALIDATORS).join(', ')})`);
    const { file, text } = validatorModule(name);
    const path = join(root, file);
    let current = '';
    try {
      current = readFileSync(path, 'utf8');
    } catch {
      // not generated yet
    }
    if (current !== text) writeFileSync(path, text);
    written.push(file);
  }
  return written;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const names = process.argv.slice(2);
  for (const file of writeValidators(names.length > 0 ? names : undefined)) process.stdout.write(`validator: ${file}\n`);
}
