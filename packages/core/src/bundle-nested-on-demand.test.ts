import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateHealthyCluster } from '../../../testdata/generator/index.js';
import { openBundle, type Bundle } from './bundle.js';
import { NestedArchivesNotOpenedError } from './errors.js';

const FLAGSHIP = join(import.meta.dirname, '../../../testdata/bundles/flagship-v1.4.1.zip');

/** Opens the same bundle whole and on demand, runs `check`, closes both. */
async function both(input: string | Uint8Array, check: (whole: Bundle, onDemand: Bundle) => Promise<void>): Promise<void> {
  const whole = await openBundle(input);
  const onDemand = await openBundle(input, { nestedArchives: 'when-needed' });
  try {
    await check(whole, onDemand);
  } finally {
    await whole.close();
    await onDemand.close();
  }
}

describe("openBundle with nestedArchives: 'when-needed'", () => {
  it('lists no node-zip member until asked, and refuses node-file questions instead of answering without them', async () => {
    await both(FLAGSHIP, async (whole, onDemand) => {
      expect(onDemand.source.entries.some((entry) => entry.path.includes('!/'))).toBe(false);
      expect(onDemand.index.unopened).toEqual({ nodeBundles: true, supportconfig: true });
      expect(whole.index.unopened).toEqual({ nodeBundles: false, supportconfig: false });
      // Names alone still answer which nodes have a node bundle.
      expect(onDemand.index.nodes()).toEqual(whole.index.nodes());
      expect(() => onDemand.index.nodeFiles()).toThrow(NestedArchivesNotOpenedError);
      expect(() => onDemand.logs({ node: 'harvester-node-0' })).toThrow(NestedArchivesNotOpenedError);
      expect(() => onDemand.log('nodes/harvester-node-0.zip!/harvester-node-0/logs/kernel.log')).toThrow(NestedArchivesNotOpenedError);
      // Pod logs and resources are not in nested archives.
      expect(onDemand.logs({ kind: 'pod' }).map((log) => log.path)).toEqual(whole.logs({ kind: 'pod' }).map((log) => log.path));
      expect(await onDemand.facts()).toEqual(await whole.facts());
      expect(onDemand.stats.filesRead).toBe(whole.stats.filesRead);
    });
  });

  it('opens the node bundles, then the supportconfig archives, when asked: the same entries, node files and diagnostics as a bundle opened whole', async () => {
    const cluster = generateHealthyCluster({ harvesterVersion: 'v1.4.1', nodes: 2, seed: 7 });
    await both(cluster.builder.toZip(), async (whole, onDemand) => {
      await onDemand.openNestedArchives({ nodeBundles: true });
      expect(onDemand.index.unopened).toEqual({ nodeBundles: false, supportconfig: true });
      const logsOf = (bundle: Bundle) => bundle.logs({ node: 'harvester-node-1' }).map((log) => log.path);
      expect(logsOf(onDemand)).toEqual(logsOf(whole));
      expect(() => onDemand.nodeFile('harvester-node-1', 'supportconfig/messages.txt')).toThrow(NestedArchivesNotOpenedError);

      // supportconfig() opens what it reads.
      expect(await onDemand.supportconfig('harvester-node-1')).toEqual(await whole.supportconfig('harvester-node-1'));
      expect(onDemand.index.unopened).toEqual({ nodeBundles: false, supportconfig: false });
      expect(onDemand.source.entries).toEqual(whole.source.entries);
      expect(onDemand.index.nodeFiles()).toEqual(whole.index.nodeFiles());
      expect(onDemand.diagnostics()).toEqual(whole.diagnostics());
      await onDemand.openNestedArchives(); // once: nothing left to do
      expect(onDemand.source.entries).toEqual(whole.source.entries);
    });
  });

  it("reads a node's harvester-release.yaml for the version when the server-version setting is missing, opening the node bundles for it", async () => {
    const cluster = generateHealthyCluster({ harvesterVersion: 'v1.4.1', nodes: 1, seed: 3 });
    expect(cluster.builder.removeObject('harvesterhci.io/v1beta1', 'Setting', undefined, 'server-version')).toBe(true);
    await both(cluster.builder.toZip(), async (whole, onDemand) => {
      const facts = await onDemand.facts();
      expect(facts.harvesterVersion?.source.description).toBe('node harvester-node-0 harvester-release.yaml');
      expect(facts).toEqual(await whole.facts());
      expect(onDemand.index.unopened.nodeBundles).toBe(false);
    });
  });
});
