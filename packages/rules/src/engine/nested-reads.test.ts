import { join } from 'node:path';
import { openBundle, type Bundle, type BundleFacts } from '@bundle-triage/core';
import { describe, expect, it } from 'vitest';
import { generateHealthyCluster } from '../../../../testdata/generator/index.js';
import { loadCatalog } from '../catalog/load-catalog.js';
import { defineCodeRule, type Rule } from '../rule/rule.js';
import { BundleBuilder } from '../testing/index.js';
import { analyze, type AnalyzeOptions } from './analyze.js';
import { nestedArchivesRead } from './nested-reads.js';

const BUNDLES = join(import.meta.dirname, '../../../../testdata/bundles');

/** The report of `options` on a bundle opened whole and on one opened on demand (apart from `run`), and the on-demand bundle's unopened archives after it. */
async function bothWays(input: string | Uint8Array, options: AnalyzeOptions) {
  const run = async (bundle: Bundle) => {
    try {
      const { run: _run, ...report } = await analyze(bundle, options);
      return { report, unopened: bundle.index.unopened };
    } finally {
      await bundle.close();
    }
  };
  const whole = await run(await openBundle(input));
  const onDemand = await run(await openBundle(input, { nestedArchives: 'when-needed' }));
  return { whole: whole.report, onDemand: onDemand.report, unopened: onDemand.unopened };
}

const FACTS: BundleFacts = {
  nodes: ['n1'],
  nodesWithoutBundle: [],
  collectedNamespaces: [],
  uncollectedNamespaces: [],
  oldKit: false,
  emptyListFiles: 0,
};
const V141: BundleFacts = { ...FACTS, harvesterVersion: { value: 'v1.4.1', semver: '1.4.1', development: false, source: { path: '', description: '' } } };

describe('what an analysis reads of the nested archives', () => {
  it('is known from the selected rules: node-file inputs, supportconfig files, code rules that declare node files; nothing for resource rules or rules the version skips', async () => {
    const catalog = await loadCatalog();
    const byId = (id: string) => catalog.find((rule) => rule.id === id)!;
    expect(nestedArchivesRead([byId('mcc-harvester-modified-snapshot-validation-webhook')], FACTS)).toEqual({ nodeBundles: false, supportconfig: false });
    expect(nestedArchivesRead([byId('upgrade-gate-disk-space-image-gc')], FACTS)).toEqual({ nodeBundles: true, supportconfig: true });
    const v160: BundleFacts = { ...FACTS, harvesterVersion: { value: 'v1.6.0', semver: '1.6.0', development: false, source: { path: '', description: '' } } };
    expect(nestedArchivesRead([byId('precheck-network-config')], v160)).toEqual({ nodeBundles: true, supportconfig: false });
    const sccRule = defineCodeRule({ id: 'scc', title: 'x', severity: 'low', component: 'test', whyCode: 'test', reads: ['supportconfig'], evaluate: async () => [] });
    expect(nestedArchivesRead([sccRule], FACTS)).toEqual({ nodeBundles: true, supportconfig: true });
    const sccInput = { ...byId('upgrade-gate-disk-space-image-gc'), inputs: { messages: { nodeFile: { path: 'supportconfig/messages.txt' } } } } as Rule;
    expect(nestedArchivesRead([sccInput], FACTS)).toEqual({ nodeBundles: true, supportconfig: true });
    const otherVersion = { ...sccInput, appliesTo: { harvester: '>=1.6.0' } } as Rule;
    expect(nestedArchivesRead([otherVersion], V141)).toEqual({ nodeBundles: false, supportconfig: false });
    expect(nestedArchivesRead([otherVersion], FACTS)).toEqual({ nodeBundles: true, supportconfig: true });
  });

  it('a code rule that reads node files without declaring it is an error entry, not a rule that found nothing', async () => {
    const builder = new BundleBuilder({ createdAt: '2025-03-06T22:45:28Z', kubernetesVersion: 'v1.30.7+rke2r1' });
    builder.addObject({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'node1' } });
    builder.addNodeFile('node1', 'logs/kernel.log', 'boot\n');
    const undeclared = defineCodeRule({
      id: 'reads-kernel-log',
      title: 'x',
      severity: 'low',
      component: 'test',
      whyCode: 'test',
      evaluate: async (context) => (context.nodeFiles('node1', 'logs/kernel.log').length > 0 ? [] : []),
    });
    const bundle = await openBundle(builder.toZip());
    try {
      const report = await analyze(bundle, { rules: [undeclared] });
      expect(report.errors).toEqual([{ ruleId: 'reads-kernel-log', message: expect.stringContaining("add reads: ['node-files']") }]);
    } finally {
      await bundle.close();
    }
  });

  for (const [name, file] of [
    ['the flagship zip', 'flagship-v1.4.1.zip'],
    ['the flagship tar.gz', 'flagship-v1.4.1.tar.gz'],
    ['the healthy 3-node zip', 'healthy-v1.4.2-3node.zip'],
    ['the workloads folder', 'workloads-v1.4.2'],
  ] as const) {
    it(`gives the same report whether ${name} was opened whole or on demand, for the whole catalog and for one resource rule without the report's sections (which opens no node zip)`, async () => {
      const rules = await loadCatalog();
      const all = await bothWays(join(BUNDLES, file), { rules, includePass: true });
      expect(all.onDemand).toEqual(all.whole);
      const flagship = await bothWays(join(BUNDLES, file), { rules, only: ['S01'], includePass: true, overview: false, patterns: false, timeline: false });
      expect(flagship.onDemand).toEqual(flagship.whole);
      expect(flagship.unopened.nodeBundles).toBe(true);
    });
  }

  it('gives the same report on a cluster with supportconfig archives, which a catalog that reads none never decodes', async () => {
    const zip = generateHealthyCluster({ harvesterVersion: 'v1.4.1', nodes: 2, seed: 7 }).builder.toZip();
    const rules = await loadCatalog();
    const all = await bothWays(zip, { rules, includePass: true });
    expect(all.onDemand).toEqual(all.whole);
    expect(all.unopened).toEqual({ nodeBundles: false, supportconfig: !nestedArchivesRead(rules, V141).supportconfig });
  });
});
