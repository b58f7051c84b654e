import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CliError } from '../errors/cli-error.js';
import { ExitCode } from '../exit-codes.js';
import { makeReportFolder, resolveDestination, writeTextFile } from './report-destination.js';

describe('report destinations', () => {
  const root = mkdtempSync(join(tmpdir(), 'bundle-triage-destination-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('refuses a FILE whose folder does not exist, before any bundle is read, and makes no folder', async () => {
    const out = join(root, 'no', 'such', 'r.json');
    const error = await resolveDestination(out, 1, 'analyze').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).message).toBe(`cannot write report: ${out}: no such folder`);
    expect((error as CliError).exitCode).toBe(ExitCode.usage);
    await expect(writeTextFile(out, '{}')).rejects.toThrow(`cannot write report: ${out}: no such folder`);
    expect(existsSync(join(root, 'no'))).toBe(false);
  });

  it('refuses a FILE under something that is not a folder', async () => {
    writeFileSync(join(root, 'plain'), '');
    await expect(resolveDestination(join(root, 'plain', 'r.json'), 1, 'analyze')).rejects.toThrow(/a part of the path is not a folder/);
  });

  it('takes a FILE in a folder that exists, and a path ending in / as a DIR that is made on demand', async () => {
    expect(await resolveDestination(join(root, 'r.json'), 1, 'analyze')).toEqual({ kind: 'file', path: join(root, 'r.json') });
    const folder = `${join(root, 'reports', 'today')}/`;
    expect(await resolveDestination(folder, 2, 'analyze')).toEqual({ kind: 'directory', path: folder });
    await makeReportFolder(folder);
    expect(existsSync(folder)).toBe(true);
  });
});
