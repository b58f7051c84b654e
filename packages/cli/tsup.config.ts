import { defineConfig } from 'tsup';

export default defineConfig({
  // bin.js is the command; worker.js is loaded by `batch` from beside it (new URL('./worker.js')).
  entry: { index: 'src/index.ts', bin: 'src/bin.ts', worker: 'src/batch/worker.ts' },
  format: ['esm', 'cjs'],
  dts: { entry: { index: 'src/index.ts' } },
  sourcemap: true,
  clean: true,
  target: 'node20',
  platform: 'node',
  // import.meta.url (which finds worker.js) must work in the CJS build too.
  shims: true,
  // The service is an optional dependency, imported only by serve and worker.
  external: ['@bundle-triage/server'],
});
