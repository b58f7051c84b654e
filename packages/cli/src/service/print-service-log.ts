import type { ServiceLog } from '@bundle-triage/server';
import type { TextSink } from '../io.js';

/** The service's log as lines on stderr: warnings and errors always, the rest unless --quiet. */
export function printServiceLog(stderr: TextSink, command: string, settings: { quiet: boolean; verbose: boolean }): ServiceLog {
  return (entry) => {
    if (entry.level === 'debug' && !settings.verbose) return;
    if ((entry.level === 'info' || entry.level === 'debug') && settings.quiet) return;
    const level = entry.level === 'warn' || entry.level === 'error' ? `${entry.level}: ` : '';
    stderr.write(`bundle-triage ${command}: ${level}${entry.message}\n`);
  };
}

/** Resolves when the command should stop: Ctrl-C or SIGTERM (the CLI aborts its signal on both). */
export function untilStopped(signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (!signal) return;
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });
}
