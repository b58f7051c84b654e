import type { CommandEntry } from './command.js';

/**
 * Every command, in the order `--help` lists them. A command's module (and the libraries it
 * uses) is imported only when that command runs: starting the CLI costs only this table.
 * A test checks that each entry's name and summary match the loaded command.
 */
export const COMMANDS: readonly CommandEntry[] = [
  {
    name: 'analyze',
    summary: 'find failure signatures in bundles and report them with evidence and fixes',
    load: async () => (await import('./analyze.js')).analyzeCommand,
  },
  {
    name: 'readiness',
    summary: 'would an upgrade start now; every reason it would be refused, and the fix',
    load: async () => (await import('./readiness.js')).readinessCommand,
  },
  {
    name: 'rules',
    summary: 'list, show and validate rules (for rule authors)',
    load: async () => (await import('./rules.js')).rulesCommand,
  },
  {
    name: 'batch',
    summary: 'analyse many bundles in parallel, one JSON line per bundle',
    load: async () => (await import('./batch.js')).batchCommand,
  },
  {
    name: 'diff',
    summary: 'findings that appeared, disappeared or stayed between two bundles',
    load: async () => (await import('./diff.js')).diffCommand,
  },
  {
    name: 'serve',
    summary: 'a triage service: upload bundles, web UI and API, queue, webhooks',
    load: async () => (await import('./serve.js')).serveCommand,
  },
  {
    name: 'worker',
    summary: 'run analyses for a distributed bundle-triage serve (Redis + PostgreSQL)',
    load: async () => (await import('./worker.js')).workerCommand,
  },
];
