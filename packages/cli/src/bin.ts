#!/usr/bin/env node
import { ExitCode } from './exit-codes.js';
import { processIo } from './io.js';
import { main } from './main.js';

// First Ctrl-C: stop reading, close bundles (temp folders of tar.gz bundles are removed) and exit
// 130. Second Ctrl-C: exit at once.
// SIGTERM (a service manager stopping `serve` or `worker`) is asked the same way.
const interrupt = new AbortController();
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (interrupt.signal.aborted) process.exit(ExitCode.interrupted);
    interrupt.abort(Object.assign(new Error('interrupted'), { name: 'AbortError' }));
  });
}

// `bundle-triage analyze x.zip | head` closes the pipe early; that is the reader's choice, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? ExitCode.ok);
  throw error;
});

void main(process.argv.slice(2), processIo(interrupt.signal)).then((exitCode) => {
  process.exitCode = exitCode;
});
