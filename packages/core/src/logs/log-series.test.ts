import { describe, expect, it } from 'vitest';
import { BundleBuilder } from '../../../rules/src/testing/bundle-builder.js';
import { openBundle } from '../bundle.js';
import { splitIsoLine } from './log-timestamps.js';

describe('log series', () => {
  it('reads a container log and its previous run as one, previous first, each line cited in its own file', async () => {
    const builder = new BundleBuilder({ createdAt: '2025-03-06T22:45:28Z', kubernetesVersion: 'v1.30.7+rke2r1' })
      .collectNamespace('harvester-system')
      .addPodLog('harvester-system', 'harvester-abc', 'apiserver', ['crashed here'], { previous: true })
      .addPodLog('harvester-system', 'harvester-abc', 'apiserver', ['started again', 'running'])
      .addNodeLog('n1', 'kernel.log.2', [{ time: '2025-02-20T10:00:00Z', identifier: 'kernel', text: 'boot 1' }])
      .addNodeLog('n1', 'kernel.log.1', [{ time: '2025-02-27T10:00:00Z', identifier: 'kernel', text: 'boot 2' }])
      .addNodeLog('n1', 'kernel.log', [{ time: '2025-03-06T10:00:00Z', identifier: 'kernel', text: 'boot 3' }]);
    const bundle = await openBundle(builder.toZip());
    try {
      const [pod] = bundle.logSeries({ namespace: 'harvester-system', container: 'apiserver' });
      const lines = [];
      for await (const line of pod!.lines()) lines.push([line.path, line.line, line.text]);
      expect(lines).toEqual([
        ['logs/harvester-system/harvester-abc/apiserver.log.1', 1, 'crashed here'],
        ['logs/harvester-system/harvester-abc/apiserver.log', 1, 'started again'],
        ['logs/harvester-system/harvester-abc/apiserver.log', 2, 'running'],
      ]);
      const [kernel] = bundle.logSeries({ node: 'n1', file: 'logs/kernel.log' });
      expect(kernel!.key).toBe('node:n1/logs/kernel.log');
      const matches = [];
      for await (const match of kernel!.grep(/boot (\d)/, { maxMatches: 2 })) matches.push([match.path, match.match[1]]);
      expect(matches).toEqual([
        ['nodes/n1.zip!/n1/logs/kernel.log.2', '1'],
        ['nodes/n1.zip!/n1/logs/kernel.log.1', '2'],
      ]);
    } finally {
      await bundle.close();
    }
  });

  it('splits short-iso stamps with or without the colon in the offset', () => {
    expect(splitIsoLine('2024-06-13T11:06:15+0000 node1 kernel: x')).toEqual({ time: Date.parse('2024-06-13T11:06:15Z'), text: 'node1 kernel: x' });
    expect(splitIsoLine('2024-06-13T13:06:15.250+02:00 node1 kernel: x').time).toBe(Date.parse('2024-06-13T11:06:15.250Z'));
    expect(splitIsoLine('#==[ Command ]===#')).toEqual({ text: '#==[ Command ]===#' });
  });
});
