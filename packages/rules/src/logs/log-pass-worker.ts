// The log pass thread: opens the bundle again (by path) and runs the LogPass there, so reading,
// inflating and mining every log uses the second core while the main thread decodes YAML and runs
// the rules. Results go back by message as each is known.
import { openBundle, type Bundle, type LogFile } from '@bundle-triage/core';
import { parentPort, workerData } from 'node:worker_threads';
import { SafePattern } from '../rule/safe-pattern.js';
import { listedLogs, LogPass, type ReadElsewhere } from './log-pass.js';
import { deferred, type Deferred } from './deferred.js';
import { BY_THREAD, LogClaims } from './log-claims.js';
import type { LogPassAnswer, LogPassRequest, LogPassThreadSetup } from './log-pass-protocol.js';
import type { LogSearch } from './log-search.js';

const setup = workerData as LogPassThreadSetup;
const controller = new AbortController();
const post = (answer: LogPassAnswer) => parentPort?.postMessage(answer);
const message = (error: unknown) => (error instanceof Error ? error.message.split('\n')[0]! : String(error));

async function run(): Promise<void> {
  let bundle: Bundle;
  try {
    bundle = await openBundle(setup.location, { limits: setup.limits, signal: controller.signal, nestedArchives: 'when-needed' });
    await bundle.openNestedArchives(setup.nested);
  } catch (error) {
    post({ type: 'failed', error: message(error), opened: false });
    return;
  }
  const patterns = new Map<string, SafePattern>();
  const pattern = (source: string) => {
    let compiled = patterns.get(source);
    if (!compiled) patterns.set(source, (compiled = new SafePattern(source)));
    return compiled;
  };
  const planned = setup.planned.flatMap(({ path, search }) => {
    const file = bundle.log(path);
    return file ? [{ file, search } as { file: LogFile; search: LogSearch }] : [];
  });
  const claims = setup.claims && new LogClaims(setup.claims.paths, setup.claims.buffer);
  // What the main thread found in the logs it took, by path, whichever comes first: the message or the turn.
  const elsewhere = new Map<string, Deferred<ReadElsewhere>>();
  const foundElsewhere = (path: string) => {
    let found = elsewhere.get(path);
    if (!found) elsewhere.set(path, (found = deferred()));
    return found;
  };
  const pass = new LogPass(bundle, {
    ...(claims ? { claim: (log: LogFile) => claims.claim(log.path, BY_THREAD) } : {}),
    ...(claims && setup.mine !== false
      ? {
          readElsewhere: async (log: LogFile) => {
            const found = await foundElsewhere(log.path).promise;
            elsewhere.delete(log.path);
            // Taken in this turn: the main thread may send more.
            if (found !== 'read-here') post({ type: 'taken', lines: found.lines.length });
            return found;
          },
        }
      : {}),
    planned,
    pattern,
    signal: controller.signal,
    ...(setup.bundleCreatedAt === undefined ? {} : { bundleCreatedAt: setup.bundleCreatedAt }),
    ...(setup.miner ? { miner: setup.miner } : {}),
    ...(setup.mine === false ? { mine: false } : {}),
    ...(setup.concurrency ? { concurrency: setup.concurrency } : {}),
    onServed: (path, outcome) => post('results' in outcome ? { type: 'served', path, results: [...outcome.results] } : { type: 'served', path, error: message(outcome.error) }),
  });
  parentPort?.on('message', (request: LogPassRequest) => {
    if (request.type === 'abort') controller.abort(new Error('the analysis was stopped'));
    else if (request.type === 'mined') foundElsewhere(request.path).resolve(request.lines ? { lines: request.lines, ...(request.error === undefined ? {} : { error: request.error }) } : 'read-here');
    else if (request.type === 'templateOf') {
      void pass.templateOf(request.text, { timestampStyle: request.style }).then(
        (templateId) => post({ type: 'template', id: request.id, ...(templateId ? { templateId } : {}) }),
        () => post({ type: 'template', id: request.id }),
      );
    } else if (request.type === 'close') void bundle.close().finally(() => parentPort?.close());
  });
  try {
    const report = await pass.finished();
    // What reading the logs found (lines cut, bytes not UTF-8, logs unreadable), for the main bundle's diagnostics.
    const read = new Set(listedLogs(bundle).map((log) => log.path));
    post({ type: 'patterns', ...(report ? { report } : {}), diagnostics: bundle.diagnostics().filter((diagnostic) => read.has(diagnostic.path) || diagnostic.path === 'logs') });
  } catch (error) {
    post({ type: 'failed', error: message(error), opened: true });
  }
}

void run();
