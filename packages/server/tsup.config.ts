import { defineConfig } from 'tsup';

export default defineConfig({
  // analysis-thread.js is loaded by the analysis threads from beside index.js (new URL('./analysis-thread.js')).
  entry: { index: 'src/index.ts', 'analysis-thread': 'src/analysis/analysis-thread.ts' },
  format: ['esm', 'cjs'],
  dts: { entry: { index: 'src/index.ts' } },
  sourcemap: true,
  clean: true,
  target: 'node20',
  platform: 'node',
  // import.meta.url (which finds analysis-thread.js) must work in the CJS build too.
  shims: true,
  // TypeBox only builds the API's JSON Schemas; it ships ESM only, so it is bundled for the CJS build.
  noExternal: ['typebox'],
});
