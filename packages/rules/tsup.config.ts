import { defineConfig } from 'tsup';

export default defineConfig({
  // log-pass-worker.js is loaded by the log pass thread from beside the engine (new URL('./log-pass-worker.js')).
  entry: { index: 'src/index.ts', testing: 'src/testing/index.ts', 'log-pass-worker': 'src/logs/log-pass-worker.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'node20',
  platform: 'node',
  // import.meta.url (used to find catalog/) must work in the CJS build too.
  shims: true,
  // Shared code in one chunk for CJS too (tsup splits only ESM by default): otherwise testing.cjs
  // carries its own copy of the engine, and `instanceof RuleSkip` fails for a RuleSkip from index.cjs.
  splitting: true,
});
