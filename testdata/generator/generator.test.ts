import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';

import type { KubeObject } from '../../packages/rules/src/testing/bundle-builder.js';
import { fixS01 } from '../../packages/rules/catalog/fleet/mcc-harvester-modified-snapshot-validation-webhook/fix.js';
import { flagshipS01 } from '../../packages/rules/catalog/fleet/mcc-harvester-modified-snapshot-validation-webhook/fault.js';
import { FIXTURES, fixtureArchive } from './fixtures.js';
import { healthyCluster } from './healthy-cluster.js';
import { listZip } from './zip-listing.js';

const BUNDLES = join(dirname(fileURLToPath(import.meta.url)), '..', 'bundles');
const STALE = 'is out of date with the generator: run pnpm testdata and commit testdata/bundles';

const text = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes);
const list = (files: Map<string, Uint8Array>, path: string) => (yaml.load(text(files.get(path))) as { items: KubeObject[] }).items;
const named = (items: KubeObject[], name: string) => items.find((item) => item.metadata.name === name)!;
const readyCondition = (object: KubeObject) => ((object.status as { conditions: { type: string; status: string; message?: string }[] }).conditions).find((c) => c.type === 'Ready')!;
const comparePatchNames = (object: KubeObject) => ((object.spec as { diff: { comparePatches: { name: string }[] } }).diff.comparePatches).map((p) => p.name);

const MCC = 'yamls/namespaced/fleet-local/management.cattle.io/v3/managedcharts.yaml';
const BUNDLES_YAML = 'yamls/namespaced/fleet-local/fleet.cattle.io/v1alpha1/bundles.yaml';
const SNAPSHOT_PATCHES = ['snapshot-validation-webhook-tls', 'harvester-snapshot-validation-webhook'];

describe('generator determinism', () => {
  it('gives identical bytes for the same seed, and different bytes for another seed', () => {
    const zip = (seed: number) => Buffer.from(healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 3, seed }).toZip());
    expect(zip(5).equals(zip(5))).toBe(true);
    expect(zip(5).equals(zip(6))).toBe(false);
  });
});

describe('committed fixtures in testdata/bundles', () => {
  for (const fixture of FIXTURES) {
    it(`${fixture.name} matches what the generator makes now`, () => {
      const target = join(BUNDLES, fixture.name);
      expect(existsSync(target), `${fixture.name} is missing: run pnpm testdata`).toBe(true);
      if (fixture.format !== 'directory') {
        const same = Buffer.from(fixtureArchive(fixture)).equals(readFileSync(target));
        expect(same, `${fixture.name} ${STALE}`).toBe(true);
        return;
      }
      const expected = fixture.build().toFiles();
      const onDisk: string[] = [];
      const walk = (dir: string): void => {
        for (const name of readdirSync(dir)) {
          const path = join(dir, name);
          if (statSync(path).isDirectory()) walk(path);
          else onDisk.push(relative(target, path).split('\\').join('/'));
        }
      };
      walk(target);
      expect(onDisk.sort(), `${fixture.name}/ ${STALE}`).toEqual([...expected.keys()].sort());
      const changed = [...expected].filter(([path, bytes]) => !Buffer.from(bytes).equals(readFileSync(join(target, path)))).map(([path]) => path);
      expect(changed, `${fixture.name}/ ${STALE}`).toEqual([]);
    });
  }

  it('keeps the 1-node healthy bundle under 300 KB', () => {
    expect(statSync(join(BUNDLES, 'healthy-v1.4.1-1node.zip')).size).toBeLessThan(300 * 1024);
  });
});

describe('generated bundles have the real layout', () => {
  const bundles = [
    healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 1, seed: 1 }),
    healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 2 }),
  ];

  it('every YAML file is one kind: List whose items carry the apiVersion of their path', () => {
    for (const bundle of bundles) {
      for (const [path, bytes] of bundle.toFiles()) {
        if (!path.startsWith('yamls/')) continue;
        const documents = yaml.loadAll(text(bytes)) as { apiVersion: string; kind: string; items: KubeObject[] }[];
        expect(documents, path).toHaveLength(1);
        const [document] = documents;
        expect(document, path).toMatchObject({ apiVersion: 'v1', kind: 'List' });
        const segments = path.split('/');
        const gv = segments.slice(segments[1] === 'cluster' ? 2 : 3, -1).join('/');
        for (const item of document!.items) expect(item.apiVersion, path).toBe(gv);
      }
    }
  });

  it('never writes an unset value into a YAML file or a log (no undefined, NaN or [object Object])', () => {
    for (const bundle of bundles) {
      for (const [path, bytes] of bundle.toFiles()) {
        if (!path.startsWith('yamls/') && !path.startsWith('logs/')) continue;
        const unset = text(bytes)
          .split('\n')
          .findIndex((line) => /\bundefined\b|\bNaN\b|\[object Object\]/.test(line));
        expect(unset, `${path}:${unset + 1}`).toBe(-1);
      }
    }
  });

  it('zips like Info-ZIP: one top folder, directory entries before contents, nested node zips stored', () => {
    const bundle = bundles[1]!;
    const entries = listZip(bundle.toZip());
    const top = `${bundle.topFolderName}/`;
    expect(entries[0]).toMatchObject({ name: top, unixMode: 0o40755 });
    expect(entries.every((entry) => entry.name.startsWith(top))).toBe(true);
    const names = entries.map((entry) => entry.name);
    for (const name of names) {
      const parent = name.replace(/[^/]+\/?$/, '');
      if (parent) expect(names.indexOf(parent), `${name} before its folder`).toBeLessThan(names.indexOf(name));
    }
    const nodeZips = entries.filter((entry) => /\/nodes\/[^/]+\.zip$/.test(entry.name));
    expect(nodeZips).toHaveLength(3);
    expect(nodeZips.every((entry) => entry.method === 0)).toBe(true);
    expect(entries.find((entry) => entry.name.endsWith('/metadata.yaml'))?.method).toBe(8);
    const nodeEntries = listZip(bundle.toFiles().get('nodes/harvester-node-1.zip')!).map((entry) => entry.name);
    expect(nodeEntries[0]).toBe('harvester-node-1/');
    // Kit v0.0.46 collects wicked's journal (NetworkManager's only from v0.0.74), and the node's
    // supportconfig in scc/ without the random suffix (added in v0.0.65).
    expect(nodeEntries).toEqual(
      expect.arrayContaining([
        'harvester-node-1/configs/etc/harvester-release.yaml',
        'harvester-node-1/logs/kernel.log',
        'harvester-node-1/logs/wicked.log',
        'harvester-node-1/scc/scc_supportconfig_harvester-node-1.txz',
      ]),
    );
    expect(nodeEntries).not.toContain('harvester-node-1/logs/NetworkManager.log');
  });

  it('lists collected and uncollected namespaces, and writes nothing for the uncollected ones', () => {
    const files = bundles[0]!.toFiles();
    const namespaces = list(files, 'yamls/cluster/v1/namespaces.yaml').map((ns) => ns.metadata.name);
    expect(namespaces).toEqual(expect.arrayContaining(['harvester-system', 'cattle-provisioning-capi-system', 'harvester-public', 'production-vms']));
    expect([...files.keys()].some((path) => path.includes('/production-vms/'))).toBe(false);
    expect(list(files, 'yamls/cluster/v1/namespaces.yaml').find((ns) => ns.metadata.name === 'harvester-system')?.metadata.uid).toBe(
      bundles[0]!.bundleMetadata.projectNamespaceUuid,
    );
  });
});

describe('healthy clusters and the S01 fault', () => {
  it('a healthy v1.4.1 chart lacks the snapshot-webhook comparePatches, a v1.4.2 chart has them, both Ready 1/1', () => {
    for (const [version, expectPatches] of [['v1.4.1', false], ['v1.4.2', true]] as const) {
      const files = healthyCluster({ harvesterVersion: version, nodes: 1, seed: 3 }).toFiles();
      const chart = named(list(files, MCC), 'harvester');
      expect(readyCondition(chart).status).toBe('True');
      expect(SNAPSHOT_PATCHES.every((name) => comparePatchNames(chart).includes(name))).toBe(expectPatches);
      const bundle = named(list(files, BUNDLES_YAML), 'mcc-harvester');
      expect(bundle.status).toMatchObject({ display: { readyClusters: '1/1' }, summary: { desiredReady: 1, ready: 1 } });
    }
  });

  it('flagshipS01 leaves mcc-harvester 0/1 Modified with the exact Fleet message and a not-ready harvester chart', () => {
    const bundle = healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 1, seed: 9 });
    flagshipS01(bundle);
    const files = bundle.toFiles();
    const mcc = named(list(files, BUNDLES_YAML), 'mcc-harvester');
    expect(mcc.status).toMatchObject({
      display: { readyClusters: '0/1', state: 'Modified' },
      summary: { desiredReady: 1, modified: 1, ready: 0, nonReadyResources: [{ bundleState: 'Modified', name: 'fleet-local/local' }] },
    });
    const message = readyCondition(mcc).message!;
    expect(readyCondition(mcc).status).toBe('False');
    // The detection regex of signatures.md §1.
    expect(message).toMatch(/^Modified\(\d+\) \[Cluster fleet-local\/local\];.*(secret\.v1 kube-system\/snapshot-validation-webhook-tls modified|validatingwebhookconfiguration\.admissionregistration\.k8s\.io harvester-snapshot-validation-webhook modified)/);
    expect(message).toContain('; validatingwebhookconfiguration.admissionregistration.k8s.io harvester-snapshot-validation-webhook modified {"webhooks":[{"admissionReviewVersions":["v1","v1beta1"]');
    const chart = named(list(files, MCC), 'harvester');
    expect(readyCondition(chart)).toMatchObject({ status: 'False', message });
    expect(comparePatchNames(chart).some((name) => SNAPSHOT_PATCHES.includes(name))).toBe(false);
    expect(comparePatchNames(chart)).toContain('harvester-longhorn');
    expect(named(list(files, 'yamls/cluster/harvesterhci.io/v1beta1/settings.yaml'), 'server-version').value).toBe('v1.4.1');
    expect(list(files, 'yamls/namespaced/harvester-system/harvesterhci.io/v1beta1/versions.yaml').map((v) => v.metadata.name)).toContain('v1.4.2');
    expect(named(list(files, 'yamls/namespaced/fleet-local/fleet.cattle.io/v1alpha1/clusters.yaml'), 'local').status).toMatchObject({ display: { readyBundles: '6/7' } });
  });

  it('fixS01 adds both comparePatches and brings the chart and bundle back to Ready 1/1', () => {
    const bundle = healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 1, seed: 9 });
    flagshipS01(bundle);
    fixS01(bundle);
    const files = bundle.toFiles();
    const chart = named(list(files, MCC), 'harvester');
    expect(readyCondition(chart).status).toBe('True');
    expect(comparePatchNames(chart)).toEqual(expect.arrayContaining(SNAPSHOT_PATCHES));
    const mcc = named(list(files, BUNDLES_YAML), 'mcc-harvester');
    expect(mcc.status).toMatchObject({ display: { readyClusters: '1/1' }, summary: { desiredReady: 1, ready: 1 } });
    expect(comparePatchNames(mcc)).toEqual(expect.arrayContaining(SNAPSHOT_PATCHES));
  });
});
