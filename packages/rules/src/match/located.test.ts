import { openBundle } from '@bundle-triage/core';
import { describe, expect, it } from 'vitest';
import { buildEvidence } from '../engine/build-evidence.js';
import { evaluateDeclarativeRule } from '../engine/evaluate-rule.js';
import type { LoadedDeclarativeRule } from '../rule/rule.js';
import { SafePattern } from '../rule/safe-pattern.js';
import { BundleBuilder } from '../testing/index.js';
import { evaluateCondition, type EvaluationContext } from './evaluate-condition.js';
import { citable, elementsOf, resolvePath, type Located, type Scope } from './located.js';

const DF = 'nodes/n1.zip!/n1/scc/scc_supportconfig_n1.txz!/scc_supportconfig_n1/fs-diskio.txt';

/** Two filesystem records of node n1, each written on its own line of df's output. */
function filesystems(): Located[] {
  const rows = [
    { node: 'n1', mount: '/usr/local', usePercent: 94, sizeBytes: 196_494_753_792, source: { path: DF, line: 4, description: 'fs-diskio.txt /bin/df -Th' } },
    { node: 'n1', mount: '/oem', usePercent: 7, sizeBytes: 45_088_768, source: { path: DF, line: 5, description: 'fs-diskio.txt /bin/df -Th' } },
  ];
  return rows.map((row) => ({ value: row, pointer: '', fact: { record: `n1 ${row.mount}`, path: DF, line: row.source.line } }));
}

const context: EvaluationContext = {
  facts: { nodes: ['n1'], nodesWithoutBundle: [], collectedNamespaces: [], uncollectedNamespaces: [], oldKit: false, emptyListFiles: 0 },
  pattern: (source) => new SafePattern(source),
  searchLog: () => Promise.reject(new Error('no logs here')),
  podLogs: () => [],
};

describe('located facts: values of records that are not bundle objects', () => {
  it('cites a part of a record at its own source line, and a value inside it at the nearest part that has one', () => {
    const node: Located = { value: { node: 'n1', memory: { totalBytes: 4096, source: { path: 'memory.txt', line: 9 } }, missing: [] }, pointer: '', fact: { record: 'n1' } };
    const scope: Scope = new Map([['node', { kind: 'one', located: node }]]);
    const [total] = resolvePath(scope, 'node/memory/totalBytes');
    expect(total).toMatchObject({ value: 4096, pointer: '/memory/totalBytes', fact: { record: 'n1', path: 'memory.txt', line: 9 } });
    expect(citable(total!)).toBe(true);
    // The record as a whole, and a part without a source, have no line of their own.
    expect(citable(node)).toBe(false);
    expect(citable(resolvePath(scope, 'node/missing')[0]!)).toBe(false);
  });

  it('gives elements of a record list their own lines, so field conditions cite the row that proves them', async () => {
    const scope: Scope = new Map([['filesystems', { kind: 'many', located: filesystems() }]]);
    expect(elementsOf(scope, 'filesystems').map((located) => located.fact?.line)).toEqual([4, 5]);
    const result = await evaluateCondition(
      { some: { path: 'filesystems', as: 'fs', where: { field: { path: 'fs/usePercent', gte: 90 } } } },
      scope,
      context,
    );
    expect(result.holds).toBe(true);
    expect(result.evidence).toEqual([{ type: 'field', located: expect.objectContaining({ pointer: '/usePercent', fact: { record: 'n1 /usr/local', path: DF, line: 4 } }) }]);
  });

  it('a forEach record is the finding\'s identity, and is cited at its own line when the conditions cite nothing', async () => {
    // As the engine holds a rule whose input `filesystems` resolved to records (inputs are resolved before this step).
    const rule: LoadedDeclarativeRule = {
      kind: 'declarative',
      id: 'full-disk',
      title: 'A disk is full',
      severity: 'high',
      component: 'node',
      inputs: {},
      match: { forEach: 'filesystems', as: 'fs' },
      outcomes: [{ when: { field: { path: 'fs/usePercent', gte: 90, evidence: false } }, status: 'fail', message: '{{ fs/mount }} is {{ fs/usePercent }}% used' }],
    };
    const drafts = await evaluateDeclarativeRule(rule, new Map([['filesystems', { kind: 'many', located: filesystems() }]]), context);
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({ status: 'fail', message: '/usr/local is 94% used', records: ['n1 /usr/local'] });
    expect(drafts[0]!.evidence).toEqual([{ type: 'field', located: expect.objectContaining({ fact: { record: 'n1 /usr/local', path: DF, line: 4 } }) }]);
  });

  it('turns a located fact into evidence: the path inside the archive, the line and its text, no pointer', async () => {
    const builder = new BundleBuilder({ createdAt: '2025-03-06T22:45:28Z', kubernetesVersion: 'v1.30.7+rke2r1' });
    builder.addNodeFile('n1', 'logs/df.txt', 'Filesystem Type Size Used Avail Use% Mounted on\n/dev/sda5 ext4 183G 171G 12G 94% /usr/local\n');
    const bundle = await openBundle(builder.toZip());
    try {
      const path = 'nodes/n1.zip!/n1/logs/df.txt';
      const evidence = await buildEvidence(bundle, [{ type: 'field', located: { value: 94, pointer: '/usePercent', fact: { record: 'n1 /usr/local', path, line: 2 } } }]);
      expect(evidence).toEqual([{ path, line: 2, excerpt: '/dev/sda5 ext4 183G 171G 12G 94% /usr/local' }]);
    } finally {
      await bundle.close();
    }
  });
});
