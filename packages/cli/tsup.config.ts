import { defineConfig } from 'tsup';

const common = {
  sourcemap: true,
  target: 'node20',
  platform: 'node',
} as const;

// `pnpm build` empties dist/ first (package.json): the two builds below write into it side by side.
export default defineConfig([
  {
    // The library entry (`import { main } from '@bundle-triage/cli'`): ESM + CJS + types, its
    // dependencies imported from node_modules as any library's are.
    ...common,
    entry: { index: 'src/index.ts' },
    format: ['esm', 'cjs'],
    dts: { entry: { index: 'src/index.ts' } },
    // import.meta.url (which finds worker.js) must work in the CJS build too.
    shims: true,
    // The service is an optional dependency, imported only by serve and worker.
    external: ['@bundle-triage/server'],
  },
  {
    // The command (bin.js) and batch's worker (worker.js, loaded from beside it by
    // new URL('./worker.js')): everything they import, libraries and their dependencies included,
    // is bundled in and split by command. Node then loads a few files per command instead of
    // resolving and compiling several hundred modules (yaml, semver and Ajv are dozens of files
    // each), which was most of the start-up of every command.
    ...common,
    entry: { bin: 'src/bin.ts', worker: 'src/batch/worker.ts' },
    format: ['esm'],
    splitting: true,
    // Everything but the optional service (its own package, with its native SQLite addon).
    noExternal: [/^(?!@bundle-triage\/server(?:$|\/))/],
    external: ['@bundle-triage/server'],
    // Bundled CommonJS dependencies call require() (for node: modules among others).
    banner: { js: "import { createRequire as __bundleTriageCreateRequire } from 'node:module';\nconst require = __bundleTriageCreateRequire(import.meta.url);" },
  },
]);
