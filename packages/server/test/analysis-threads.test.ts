import { describe, expect, it } from 'vitest';
import { AnalysisThreads } from '../src/analysis/analysis-threads.js';
import { AnalysisThreadError } from '../src/index.js';

const task = (analysisId: string) => ({ analysisId, bundlePath: '/nowhere.zip', displayName: 'x.zip', tempDir: '/tmp' });

describe('analysis threads', () => {
  it('loses only the analysis whose thread ran out of memory or time, and goes on with the others', async () => {
    const threads = new AnalysisThreads({ threads: 1, threadUrl: new URL('./fixtures/misbehaving-thread.mjs', import.meta.url), maxMemoryMb: 32, timeoutMs: 1_000 });
    try {
      const progress: number[] = [];
      await expect(threads.run(task('out-of-memory'))).rejects.toThrow(new AnalysisThreadError('the analysis thread stopped: it ran out of memory (limit 32 MB)'));
      await expect(threads.run(task('never-answers'))).rejects.toThrow(/took longer than 1 s and was stopped/);
      expect(await threads.run(task('fine'), (value) => progress.push(value))).toEqual({ kind: 'unusable', code: 'TEST', message: 'answered fine' });
      expect(progress).toEqual([0.5]);
      expect(threads.busy).toBe(0);
    } finally {
      await threads.close();
    }
  });

  it('says the package must be built when the thread script is missing', async () => {
    const threads = new AnalysisThreads({ threadUrl: new URL('./fixtures/no-such-thread.js', import.meta.url) });
    await expect(threads.run(task('a'))).rejects.toThrow(/no-such-thread\.js is missing: build @bundle-triage\/server first/);
    await threads.close();
  });
});
