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
    name: 'patterns',
    summary: 'group the warning and error lines of every log into ranked templates (loops first)',
    load: async () => (await import('./patterns.js')).patternsCommand,
  },
  {
    name: 'timeline',
    summary: 'one time-ordered stream of events, conditions, jobs, upgrades, boots and log templates',
    load: async () => (await import('./timeline.js')).timelineCommand,
  },
  {
    name: 'diff',
    summary: 'findings that appeared, disappeared or stayed between two bundles',
    load: async () => (await import('./diff.js')).diffCommand,
  },
  {
    name: 'get',
    summary: "kubectl get over a bundle: objects with kubectl's columns, -o wide|yaml|json|name",
    load: async () => (await import('./get.js')).getCommand,
  },
  {
    name: 'describe',
    summary: 'kubectl describe over a bundle: fields, conditions, events, owner chain, findings, timeline',
    load: async () => (await import('./describe.js')).describeCommand,
  },
  {
    name: 'logs',
    summary: 'kubectl logs over a bundle: a container\'s log (or previous run), a node\'s journal',
    load: async () => (await import('./logs.js')).logsCommand,
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
