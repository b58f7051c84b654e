import { resolve } from 'node:path';
import { BundleFormatError, BundleIoError, BundleLimitError, BundleNotFoundError } from '@bundle-triage/core';
import { UnknownRuleSelectorError } from '@bundle-triage/rules';
import { describe, expect, it } from 'vitest';
import { ExitCode } from '../exit-codes.js';
import { inputName } from '../input/bundle-input.js';
import { CliError, UsageError } from './cli-error.js';
import { describeError } from './one-line-error.js';

describe('describeError', () => {
  it('names a missing bundle once, as the user wrote it, even when core made the path absolute', () => {
    const error = new BundleNotFoundError(`${resolve('missing.zip')}: no such file or folder`, { path: resolve('missing.zip') });
    expect(describeError(error, { input: 'missing.zip' })).toEqual({
      line: 'bundle-triage: cannot open bundle: missing.zip: no such file or folder',
      exitCode: ExitCode.usage,
    });
  });

  it('reads "<bundle> is not a Harvester support bundle" as what, where, why', () => {
    const error = new BundleFormatError('photos.zip is not a Harvester support bundle: no metadata.yaml or yamls/ folder (top level: img)', { path: 'photos.zip' });
    expect(describeError(error, { input: 'photos.zip' }).line).toBe(
      'bundle-triage: cannot read bundle: photos.zip: not a Harvester support bundle: no metadata.yaml or yamls/ folder (top level: img)',
    );
  });

  it('names a bundle read from stdin "<stdin>", not "-" or core\'s "<buffer>"', () => {
    const error = new BundleFormatError('<buffer>: not a readable zip (truncated or corrupt): bad end', { path: '<buffer>' });
    expect(describeError(error, { input: inputName({ kind: 'stdin' }) }).line).toBe('bundle-triage: cannot read bundle: <stdin>: not a readable zip (truncated or corrupt): bad end');
  });

  it('keeps a multi-line message on one line', () => {
    const error = new BundleFormatError('a.zip: corrupt zip central directory: first\nsecond', { path: 'a.zip' });
    expect(describeError(error, { input: 'a.zip' }).line).toBe('bundle-triage: cannot read bundle: a.zip: corrupt zip central directory: first second');
  });

  it('treats a safety limit as unusable input, with no stack', () => {
    const error = new BundleLimitError('maxEntries', 10, 'big.zip: 11 entries, over limits.maxEntries = 10; raise limits.maxEntries to open it', { path: 'big.zip' });
    const described = describeError(error, { input: 'big.zip' });
    expect(described.exitCode).toBe(ExitCode.usage);
    expect(described.stack).toBeUndefined();
    expect(described.line).toMatch(/^bundle-triage: bundle refused \(safety limit\): big\.zip: 11 entries/);
  });

  it('reports a temp-folder failure as ours (exit 1), not the bundle’s', () => {
    expect(describeError(new BundleIoError('cannot write to the temp folder in /tmp: ENOSPC'), { input: 'a.tar.gz' }).exitCode).toBe(ExitCode.internal);
  });

  it('maps an unknown --only/--skip selector to a usage error naming it', () => {
    expect(describeError(new UnknownRuleSelectorError('S99'))).toEqual({
      line: 'bundle-triage: unknown rule selector: S99: no rule has this id, signature, tag or component (see bundle-triage rules list)',
      exitCode: ExitCode.usage,
    });
  });

  it('prints CliError and UsageError as they are', () => {
    expect(describeError(new CliError('cannot write report', 'out/r.json', 'permission denied')).line).toBe('bundle-triage: cannot write report: out/r.json: permission denied');
    expect(describeError(new UsageError('--jobs', '"0" is not a whole number of at least 1', 'batch')).line).toBe(
      'bundle-triage: usage: --jobs: "0" is not a whole number of at least 1 (see bundle-triage batch --help)',
    );
  });

  it('maps a file-system error with a path to one line, exit 2', () => {
    const error = Object.assign(new Error("EACCES: permission denied, open '/root/x'"), { code: 'EACCES', path: '/root/x' });
    expect(describeError(error)).toEqual({ line: 'bundle-triage: cannot access: /root/x: permission denied', exitCode: ExitCode.usage });
  });

  it('keeps the stack of anything unexpected for --verbose, and says it is ours', () => {
    const described = describeError(new TypeError('undefined is not a function'), { input: 'a.zip' });
    expect(described.exitCode).toBe(ExitCode.internal);
    expect(described.line).toBe('bundle-triage: internal error: a.zip: undefined is not a function (please report it; --verbose shows the stack)');
    expect(described.stack).toContain('TypeError: undefined is not a function');
  });
});
