/**
 * One benchmark case, run in its own process so that its peak RSS is its own. Prints one JSON
 * line on stdout: the case's time (measured in here, from before the work to after it, so
 * process start-up and module loading are excluded), its peak RSS and what it found.
 *
 *   node --import tsx bench/cases/run-case.ts <case> <path>
 *
 * The analyze and baseline cases are `analyze-case.mjs` (plain Node on the built library).
 *
 * Cases: floor-zip, floor-folder, decode-library, decode-js-yaml, batch-threads.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { inflateZipFile, readFolder } from '../lib/inflate-all.js';

// The built library, as users run it (`pnpm build` first); the sources through tsx only when it
// is not built (tsx wraps every closure it creates to keep its name: ≈ 0.6 s of the engine on L).
const BUILT = existsSync(fileURLToPath(new URL('../../packages/rules/dist/index.js', import.meta.url))) && existsSync(fileURLToPath(new URL('../../packages/core/dist/index.js', import.meta.url)));
const LIBRARY = BUILT ? { core: '../../packages/core/dist/index.js', rules: '../../packages/rules/dist/index.js' } : { core: '../../packages/core/src/index.ts', rules: '../../packages/rules/src/index.ts' };
const { openBundle } = (await import(LIBRARY.core)) as typeof import('../../packages/core/src/index.js');

export interface CaseResult {
  case: string;
  ms: number;
  /** CPU time of the process over the case (user + system, every thread: the log thread, zlib's pool). */
  cpuMs?: number;
  maxRssKb: number;
  /** Bytes the case produced or read (floors, decode), or the bundle's bytes read (analyze). */
  bytes?: number;
  objects?: number;
  rules?: number;
  /** Rule ids with a `fail` finding. */
  failed?: string[];
  errors?: string[];
  bundles?: number;
  /** Which build of the library the case ran: `dist` (built) or `src` (through tsx). */
  library?: 'dist' | 'src';
}

// js-yaml's types are installed for @bundle-triage/rules only; the root has the package alone.
const jsYaml = createRequire(import.meta.url)('js-yaml') as { load(text: string, options?: { schema?: unknown }): unknown; JSON_SCHEMA: unknown };

const [caseName, target, ...rest] = process.argv.slice(2);

async function main(): Promise<CaseResult> {
  switch (caseName) {
    case 'floor-zip':
      return timed('floor-zip', () => {
        const result = inflateZipFile(target!);
        return { bytes: result.uncompressedBytes };
      });
    case 'floor-folder':
      return timed('floor-folder', () => ({ bytes: readFolder(target!).uncompressedBytes }));
    case 'decode-library':
      return decodeLibrary(target!);
    case 'decode-js-yaml':
      return decodeJsYaml(target!);
    case 'batch-threads':
      return batchThreads(target!.split(','), Number(rest[1] ?? 1));
    default:
      throw new Error(`unknown case ${caseName}`);
  }
}

async function timed(name: string, work: () => Promise<Partial<CaseResult>> | Partial<CaseResult>): Promise<CaseResult> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const extra = await work();
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return { case: name, ms, cpuMs: (used.user + used.system) / 1000, maxRssKb: process.resourceUsage().maxRSS, library: BUILT ? 'dist' : 'src', ...extra };
}

/**
 * Every object of every resource file, through the library's reader (positions kept for
 * `locate`), used as a caller that decodes everything once would: a few files in flight (reads
 * overlap decoding) and each file released after its objects were counted.
 */
async function decodeLibrary(folder: string): Promise<CaseResult> {
  return timed('decode-library', async () => {
    const bundle = await openBundle(folder);
    let objects = 0;
    let bytes = 0;
    const queue = [...bundle.index.resourceFiles()];
    const worker = async () => {
      for (let file = queue.shift(); file; file = queue.shift()) {
        const found = await bundle.resources({ group: file.group, version: file.version, resource: file.resource, namespace: file.namespace ?? null });
        objects += found.length;
        bytes += file.size;
        bundle.releaseResourceFile(file.path);
      }
    };
    await Promise.all(Array.from({ length: 4 }, worker));
    await bundle.close();
    return { objects, bytes };
  });
}

/** The same files, read and decoded with js-yaml `load` (no positions, no per-item isolation). */
async function decodeJsYaml(folder: string): Promise<CaseResult> {
  return timed('decode-js-yaml', () => {
    let objects = 0;
    let bytes = 0;
    for (const path of yamlFiles(join(folder, 'yamls'))) {
      const text = readFileSync(path, 'utf8');
      bytes += text.length;
      const list = jsYaml.load(text, { schema: jsYaml.JSON_SCHEMA }) as { items?: unknown[] | null } | null;
      objects += list?.items?.length ?? 0;
    }
    return { objects, bytes };
  });
}

function yamlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...yamlFiles(path));
    else if (entry.name.endsWith('.yaml')) out.push(path);
  }
  return out.sort();
}

/**
 * Fallback for the batch case when the built CLI is absent: the same work as `bundle-triage
 * batch` (one bundle per task, `jobs` worker threads, rules loaded once per worker).
 */
async function batchThreads(paths: string[], jobs: number): Promise<CaseResult> {
  return timed('batch-threads', async () => {
    const queue = [...paths];
    const failed = new Set<string>();
    const source = `
      const { parentPort } = require('node:worker_threads');
      parentPort.on('message', async (path) => {
        const { openBundle } = await import(${JSON.stringify(new URL(LIBRARY.core, import.meta.url).href)});
        const { analyze, loadCatalog } = await import(${JSON.stringify(new URL(LIBRARY.rules, import.meta.url).href)});
        globalThis.rules ??= await loadCatalog();
        const bundle = await openBundle(path);
        const report = await analyze(bundle, { rules: globalThis.rules });
        await bundle.close();
        parentPort.postMessage(report.findings.filter((f) => f.status === 'fail').map((f) => f.ruleId));
      });`;
    await Promise.all(
      Array.from({ length: jobs }, async () => {
        const worker = new Worker(source, { eval: true });
        try {
          for (let path = queue.shift(); path; path = queue.shift()) {
            const next = new Promise<string[]>((resolve, reject) => worker.once('message', resolve).once('error', reject));
            worker.postMessage(path);
            for (const id of await next) failed.add(id);
          }
        } finally {
          await worker.terminate();
        }
      }),
    );
    return { bundles: paths.length, failed: [...failed].sort() };
  });
}

main().then(
  (result) => process.stdout.write(`${JSON.stringify(result)}\n`),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
