import { describe, expect, it } from 'vitest';
import { UsageError } from '../errors/cli-error.js';
import { parseAnalyzeOptions } from './analyze-options.js';

describe('parseAnalyzeOptions', () => {
  it('takes several bundles, "-" for stdin, and defaults that leave the format to the terminal', () => {
    const options = parseAnalyzeOptions(['a.zip', '-', 'folder/']);
    expect(options.inputs).toEqual([{ kind: 'path', path: 'a.zip' }, { kind: 'stdin' }, { kind: 'path', path: 'folder/' }]);
    expect(options).toMatchObject({ format: undefined, failOn: 'fail', redact: true, includePass: false, quiet: false, verbose: false });
  });

  it('maps --format md to the markdown renderer and accepts -f', () => {
    expect(parseAnalyzeOptions(['a.zip', '--format', 'md']).format).toBe('markdown');
    expect(parseAnalyzeOptions(['a.zip', '-f', 'SARIF']).format).toBe('sarif');
  });

  it('splits --only and --skip on commas, repeats them, and drops duplicates and blanks', () => {
    const options = parseAnalyzeOptions(['a.zip', '--only', 'S01,upgrade', '--only', 'fleet,,S01', '--skip', 'longhorn']);
    expect(options.only).toEqual(['S01', 'upgrade', 'fleet']);
    expect(options.skip).toEqual(['longhorn']);
  });

  it('collects every --rules folder and reads --no-redact, --include-pass, --fail-on warn', () => {
    const options = parseAnalyzeOptions(['a.zip', '--rules', 'site', '--rules', 'team', '--no-redact', '--include-pass', '--fail-on', 'warn']);
    expect(options).toMatchObject({ ruleDirectories: ['site', 'team'], redact: false, includePass: true, failOn: 'warn' });
  });

  it.each([
    [['--format', 'json'], 'bundle-triage: usage: no bundle given (see bundle-triage analyze --help)'],
    [['a.zip', '--formt', 'json'], 'usage: --formt: unknown option (see bundle-triage analyze --help)'],
    [['a.zip', '--format'], 'usage: --format: needs a value (see bundle-triage analyze --help)'],
    [['a.zip', '--quiet=yes'], 'usage: --quiet: takes no value (see bundle-triage analyze --help)'],
    [['a.zip', '--format', 'pdf'], 'usage: --format: "pdf" is not one of text, md, html, json, sarif, junit (see bundle-triage analyze --help)'],
    [['a.zip', '--fail-on', 'info'], 'usage: --fail-on: "info" is not one of fail, warn (see bundle-triage analyze --help)'],
    [['-', '-'], 'usage: -: stdin can be read once; give "-" only once (see bundle-triage analyze --help)'],
  ])('refuses %j with a usage error that names the option', (args, message) => {
    let caught: unknown;
    try {
      parseAnalyzeOptions(args);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(UsageError);
    expect(`bundle-triage: ${(caught as Error).message}`).toContain(message);
  });

  it('--help needs no bundle', () => {
    expect(parseAnalyzeOptions(['--help']).help).toBe(true);
  });
});
