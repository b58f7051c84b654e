// main() runs in-process with an injected io: the same contract as the built command, without a
// subprocess (and against the sources, so it needs no build).
import { describe, expect, it } from 'vitest';
import { ExitCode, main } from '@bundle-triage/cli';
import { captureIo } from './capture-io.js';
import type { Report } from '@bundle-triage/rules';
import { fixture, S01 } from './run-cli.js';

describe('main() in-process', () => {
  it('prints the version and returns 0', async () => {
    const run = captureIo();
    expect(await main(['--version'], run.io)).toBe(ExitCode.ok);
    expect(run.stdout()).toMatch(/^bundle-triage \d+\.\d+\.\d+\n$/);
  });

  it('returns 2 with one line for an unknown command, and hints at analyze for a bundle path', async () => {
    const run = captureIo();
    expect(await main(['bundle.zip'], run.io)).toBe(ExitCode.usage);
    expect(run.stderr()).toBe('bundle-triage: usage: bundle.zip: not a command; did you mean bundle-triage analyze bundle.zip? (see bundle-triage --help)\n');
  });

  it('analyses the flagship bundle: JSON on a pipe, nothing on stderr, exit 3', async () => {
    const run = captureIo();
    expect(await main(['analyze', fixture.flagshipZip], run.io)).toBe(ExitCode.findings);
    expect(run.stderr()).toBe('');
    expect((JSON.parse(run.stdout()) as Report).summary.headline).toBe(S01);
  });

  it('writes text, not JSON, when stdout is a terminal', async () => {
    const run = captureIo({ stdoutIsTTY: true });
    await main(['analyze', fixture.flagshipZip, '--only', 'S01'], run.io);
    expect(run.stdout()).toContain(S01);
    expect(() => JSON.parse(run.stdout())).toThrow();
  });

  it('says stdin was empty rather than failing obscurely', async () => {
    const run = captureIo({ stdin: Buffer.alloc(0) });
    expect(await main(['analyze', '-'], run.io)).toBe(ExitCode.usage);
    expect(run.stderr()).toMatch(/^bundle-triage: cannot read bundle: <stdin>: empty file, not a zip or tar\.gz\n$/);
  });
});
