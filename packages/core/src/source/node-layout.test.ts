import { describe, expect, it } from 'vitest';
import { chooseNodeBundles, parseNodePath, parseSupportconfigPath } from './node-layout.js';

describe('node bundle paths', () => {
  it('reads the node and file of zip members, unpacked folders and supportconfig members', () => {
    expect(parseNodePath('nodes/n1.zip!/n1/logs/kernel.log')).toEqual({ node: 'n1', container: 'nodes/n1.zip', packaging: 'zip', file: 'logs/kernel.log' });
    expect(parseNodePath('nodes/n1/logs/kernel.log')).toEqual({ node: 'n1', container: 'nodes/n1', packaging: 'folder', file: 'logs/kernel.log' });
    expect(parseNodePath('nodes/n1/scc/x.txz!/x/messages.txt')?.file).toBe('scc/x.txz!/x/messages.txt');
    expect(parseNodePath('nodes/n1.zip')).toBeUndefined();
    expect(parseSupportconfigPath('scc/scc_supportconfig_n1-aB3dE9.txz')).toEqual({ kind: 'archive', name: 'scc_supportconfig_n1-aB3dE9' });
    expect(parseSupportconfigPath('logs/scc_supportconfig_n1.txz!/scc_supportconfig_n1/fs-diskio.txt')).toEqual({ kind: 'member', name: 'scc_supportconfig_n1', via: 'archive', file: 'fs-diskio.txt' });
    expect(parseSupportconfigPath('scc/scc_supportconfig_n1/boot.txt')).toEqual({ kind: 'member', name: 'scc_supportconfig_n1', via: 'folder', file: 'boot.txt' });
    expect(parseSupportconfigPath('logs/kernel.log')).toBeUndefined();
  });

  it('reads the zip over its unpacked folder, the folder when the zip could not be opened, the .txz over its unpacked copy', () => {
    const entries = [
      { path: 'nodes/a.zip', kind: 'archive' as const },
      { path: 'nodes/a.zip!/a/scc/scc_supportconfig_a.txz', kind: 'archive' as const },
      { path: 'nodes/a/logs/kernel.log', kind: 'file' as const },
      { path: 'nodes/b.zip', kind: 'file' as const },
      { path: 'nodes/b/scc/scc_supportconfig_b.txz', kind: 'file' as const },
      { path: 'nodes/b/scc/scc_supportconfig_b/messages.txt', kind: 'file' as const },
    ];
    expect(chooseNodeBundles(entries)).toEqual([
      { node: 'a', path: 'nodes/a.zip', packaging: 'zip', copy: 'nodes/a', supportconfig: { path: 'nodes/a.zip!/a/scc/scc_supportconfig_a.txz', packaging: 'txz' } },
      {
        node: 'b',
        path: 'nodes/b',
        packaging: 'folder',
        copy: 'nodes/b.zip',
        supportconfig: { path: 'nodes/b/scc/scc_supportconfig_b', packaging: 'folder', copy: 'nodes/b/scc/scc_supportconfig_b.txz' },
      },
    ]);
  });
});
