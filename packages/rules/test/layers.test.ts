import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The pipeline in the folder names: rule/ (format) → logs/ (log search, the log pass) → match/
// (conditions) → sections/ (overview, log patterns, timeline) → engine/ (runs rules, links, the
// report). A lower layer never imports a higher one.
const SRC = fileURLToPath(new URL('../src/', import.meta.url));
const HIGHER: Record<string, string[]> = {
  rule: ['logs', 'match', 'sections', 'engine', 'catalog', 'testing'],
  logs: ['match', 'sections', 'engine', 'catalog', 'testing'],
  match: ['sections', 'engine', 'catalog', 'testing'],
  sections: ['engine', 'catalog', 'testing'],
  engine: ['catalog', 'testing'],
};

describe('the layers of @bundle-triage/rules', () => {
  for (const [layer, higher] of Object.entries(HIGHER)) {
    it(`${layer}/ imports nothing from ${higher.join(', ')}`, () => {
      const offending: string[] = [];
      for (const file of readdirSync(join(SRC, layer)).filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))) {
        const text = readFileSync(join(SRC, layer, file), 'utf8');
        for (const match of text.matchAll(/from '\.\.\/([a-z-]+)\//g)) if (higher.includes(match[1]!)) offending.push(`${layer}/${file} → ${match[1]}/`);
      }
      expect(offending).toEqual([]);
    });
  }
});
