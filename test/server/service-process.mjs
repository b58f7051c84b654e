#!/usr/bin/env node
// A service or worker process for the reliability tests, from the built package:
//   node service-process.mjs '<json>'   { role: 'serve' | 'worker', options: {...}, gateDir?: string }
// Prints one JSON line on stdout when ready ({ url } for serve); logs JSON lines on stderr.
// With gateDir, each analysis writes <gateDir>/<id>.started and waits for <gateDir>/<id>.release
// before it runs: the test decides when (and whether) it goes on, e.g. kills the process first.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startService, startWorker } from '../../packages/server/dist/index.js';

const config = JSON.parse(process.argv[2]);
const log = (entry) => process.stderr.write(`${JSON.stringify(entry)}\n`);
const beforeAnalysis = config.gateDir
  ? async (analysisId) => {
      writeFileSync(join(config.gateDir, `${analysisId}.started`), String(process.pid));
      while (!existsSync(join(config.gateDir, `${analysisId}.release`))) await new Promise((resolve) => setTimeout(resolve, 25));
    }
  : undefined;
const options = { ...config.options, log, ...(beforeAnalysis ? { beforeAnalysis } : {}) };
const running = config.role === 'serve' ? await startService(options) : await startWorker(options);
process.stdout.write(`${JSON.stringify({ ready: true, pid: process.pid, url: running.url ?? null })}\n`);
process.on('SIGTERM', () => {
  void running.close().then(() => process.exit(0));
});
