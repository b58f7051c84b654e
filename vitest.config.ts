import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

const src = (pkg: string, entry = 'index.ts') =>
  fileURLToPath(new URL(`./packages/${pkg}/src/${entry}`, import.meta.url));

// Tests run against the sources, so a fresh clone can test before it builds.
// The end-to-end tests in test/cli run the built CLI instead.
export default defineConfig({
  resolve: {
    alias: [
      { find: /^@bundle-triage\/rules\/testing$/, replacement: src('rules', 'testing/index.ts') },
      { find: /^@bundle-triage\/core$/, replacement: src('core') },
      { find: /^@bundle-triage\/rules$/, replacement: src('rules') },
      { find: /^@bundle-triage\/report$/, replacement: src('report') },
      { find: /^@bundle-triage\/cli$/, replacement: src('cli') },
      { find: /^@bundle-triage\/server$/, replacement: src('server') },
    ],
  },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/rules/catalog/*/*/rule.test.ts', 'packages/*/test/**/*.test.ts', 'test/**/*.test.ts', 'testdata/**/*.test.ts', 'examples/*/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    // Writes the compiled built-in catalog from the rule folders, and the schema validators from
    // the schemas, before any test imports them.
    globalSetup: ['./packages/rules/scripts/vitest-global-setup.ts', './scripts/vitest-generate-validators.mjs'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // The real sample bundle, set only when it is there: tests that need it skip (and say so)
    // when the variable is empty, so a clone without ../shared still passes.
    env: sampleEnv(),
  },
});

function sampleEnv(): Record<string, string> {
  const sample = process.env.BUNDLE_TRIAGE_SAMPLE_V10 ?? fileURLToPath(new URL('../shared/samples/harvester-v1.0', import.meta.url));
  return existsSync(join(sample, 'metadata.yaml')) ? { BUNDLE_TRIAGE_SAMPLE_V10: sample } : {};
}
