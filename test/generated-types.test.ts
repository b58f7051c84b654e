import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module script without types
import { generateTypes } from '../scripts/generate-types.mjs';

// The TypeScript types of the rule format and of the report are generated from their JSON Schemas
// (the one source): the committed files must be what the generator gives now.
describe('types generated from the JSON Schemas', () => {
  it('are fresh (run pnpm types when this fails)', async () => {
    const generated = (await generateTypes()) as Map<string, string>;
    expect([...generated.keys()].sort()).toEqual(['packages/report/src/report-types.generated.ts', 'packages/rules/src/rule/rule-types.generated.ts']);
    for (const [file, text] of generated) {
      expect(readFileSync(fileURLToPath(new URL(`../${file}`, import.meta.url)), 'utf8'), `${file} is stale: run pnpm types`).toBe(text);
    }
  });
});

describe('the rule schema explains every field (editor completion shows it)', () => {
  it('has a description on every property', () => {
    const schema = JSON.parse(readFileSync(fileURLToPath(new URL('../packages/rules/schema/rule.schema.json', import.meta.url)), 'utf8')) as unknown;
    const missing: string[] = [];
    const walk = (node: unknown, path: string): void => {
      if (node === null || typeof node !== 'object') return;
      if (Array.isArray(node)) return node.forEach((item, index) => walk(item, `${path}/${index}`));
      const record = node as Record<string, unknown>;
      for (const [key, child] of Object.entries(record)) {
        if (key === 'properties' && child && typeof child === 'object') {
          for (const [name, property] of Object.entries(child as Record<string, Record<string, unknown>>)) {
            if (typeof property.description !== 'string' || property.description.length < 8) missing.push(`${path}/properties/${name}`);
          }
        }
        walk(child, `${path}/${key}`);
      }
    };
    walk(schema, '');
    expect(missing).toEqual([]);
  });
});
