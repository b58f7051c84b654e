import { describe, expect, it } from 'vitest';
import { checkEntryName } from './entry-name.js';

describe('checkEntryName', () => {
  it('keeps ordinary names, drops the trailing slash of folders and "." segments', () => {
    expect(checkEntryName('yamls/cluster/v1/nodes.yaml')).toEqual({ ok: true, path: 'yamls/cluster/v1/nodes.yaml', isDirectory: false });
    expect(checkEntryName('node1/logs/')).toEqual({ ok: true, path: 'node1/logs', isDirectory: true });
    expect(checkEntryName('./metadata.yaml')).toEqual({ ok: true, path: 'metadata.yaml', isDirectory: false });
    expect(checkEntryName('./')).toEqual({ ok: true, path: '', isDirectory: true });
  });

  it.each([
    ['../x', 'path escapes the bundle'],
    ['a/../../etc/passwd', 'path escapes the bundle'],
    ['/etc/passwd', 'absolute path'],
    ['C:\\x', 'backslash'],
    ['C:/x', 'drive letter'],
    ['a\\..\\b', 'backslash'],
    ['a\u0000b', 'NUL'],
    ['', 'empty'],
    ['nodes/n1.zip!/n1/logs/kernel.log', 'nested archive'],
  ])('refuses %j (%s)', (name, reason) => {
    const checked = checkEntryName(name);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.reason).toContain(reason);
  });

  it('keeps names that differ only in case apart', () => {
    expect(checkEntryName('Logs/a.log')).toMatchObject({ path: 'Logs/a.log' });
    expect(checkEntryName('logs/a.log')).toMatchObject({ path: 'logs/a.log' });
  });
});
