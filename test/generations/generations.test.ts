/**
 * Every generation of support-bundle-kit (kit-profile.ts), in every packaging (zip, tar.gz,
 * extracted folder), read through the public API: the index, the facts, the node's supportconfig,
 * log series, and a few catalog rules. Then the ways engineers unpack bundles further.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openBundle, type Bundle } from '@bundle-triage/core';
import { analyze, loadCatalog } from '@bundle-triage/rules';
import { runRule, type BundleLayout } from '@bundle-triage/rules/testing';
import { generateHealthyCluster, KIT_GENERATIONS, restartContainer, type KitProfile } from '../../testdata/generator/index.js';

/** The Harvester release each kit generation came with (a v1.4-era cluster model otherwise). */
const RELEASE_OF: Record<string, string> = {
  'v0.0.5': 'v1.0.0',
  'v0.0.6': 'v1.0.0',
  'v0.0.10': 'v1.0.3',
  'v0.0.11': 'v1.1.0',
  'v0.0.28': 'v1.2.1',
  'v0.0.29': 'v1.2.1',
  'v0.0.36': 'v1.2.2',
  'v0.0.46': 'v1.4.1',
  'v0.0.65': 'v1.6.1',
  'v0.0.72': 'v1.6.1',
  'v0.0.74': 'v1.7.0',
  'v0.0.84': 'v1.8-dev',
};

// Temp folders of opened bundles go here too, not into the OS temp dir that hostile tests watch for leftovers.
const scratch = mkdtempSync(join(tmpdir(), 'generations-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The cluster of a kit generation, with one restarted container (its pod name in `restarted`). */
function cluster(kit: KitProfile, options: { fileName?: string } = {}) {
  const generated = generateHealthyCluster({ harvesterVersion: RELEASE_OF[kit.kit]!, nodes: 2, seed: 2026, kit: kit.kit, previousBoots: 2, ...options });
  const restarted = restartContainer(generated, 'harvester-system', 'harvester-', 'apiserver', [
    'time="2025-03-12T05:10:00Z" level=info msg="Starting harvesterhci.io/v1beta1, Kind=Setting controller"',
    'time="2025-03-12T05:12:41Z" level=fatal msg="leader election lost"',
  ]);
  return Object.assign(generated, { restarted });
}

type Packaging = 'zip' | 'tar.gz' | 'directory';
const PACKAGINGS: Packaging[] = ['zip', 'tar.gz', 'directory'];

async function open(generated: ReturnType<typeof cluster>, packaging: Packaging, layout: BundleLayout = {}): Promise<Bundle> {
  const { builder } = generated;
  const options = { tempDir: scratch };
  if (packaging === 'zip') return openBundle(builder.toZip(layout), options);
  if (packaging === 'tar.gz') return openBundle(builder.toTarGz(layout), options);
  const folder = mkdtempSync(join(scratch, 'bundle-'));
  builder.writeDirectory(join(folder, builder.topFolderName), layout);
  return openBundle(folder, options);
}

/** What must read the same whatever the packaging. */
async function summary(bundle: Bundle) {
  const facts = await bundle.facts();
  return {
    entries: bundle.index.entries.map((entry) => `${entry.type} ${entry.path}`),
    nodeBundles: bundle.index.nodeBundles(),
    facts,
    series: bundle.logSeries().map((series) => `${series.key}: ${series.files.map((file) => file.path).join(' ')}`),
    supportconfig: await Promise.all(bundle.supportconfigNodes().map((node) => bundle.supportconfig(node))),
  };
}

const NODE = 'harvester-node-0';

describe.each(KIT_GENERATIONS.map((kit) => [`kit ${kit.kit} (Harvester ${kit.harvester})`, kit] as const))('%s', (_name, kit) => {
  const generated = cluster(kit);
  const summaries = new Map<Packaging, Awaited<ReturnType<typeof summary>>>();

  it.each(PACKAGINGS)('reads as %s: index, facts, log series and supportconfig as this kit wrote them', async (packaging) => {
    const bundle = await open(generated, packaging);
    try {
      const facts = await bundle.facts();
      const problems = bundle.diagnostics().filter((diagnostic) => diagnostic.level !== 'info');
      expect(problems).toEqual([]);
      expect(facts.nodes).toEqual(['harvester-node-0', 'harvester-node-1']);
      expect(facts.nodesWithoutBundle).toEqual([]);
      expect(facts.oldKit).toBe(kit.emptyListStubs);
      const release = generated.release.harvester;
      // Without settings.yaml (kit < v0.0.26) and without node files (v0.0.5) only the harvester ManagedChart says it.
      const fromChart = !kit.harvesterSettings && !kit.nodeCollector;
      expect(facts.harvesterVersion?.value).toBe(fromChart ? generated.release.chart : release);
      expect(facts.harvesterVersion?.development).toBe(!/^v?\d+\.\d+\.\d+$/.test(fromChart ? generated.release.chart : release));

      const files = bundle.index.nodeFiles(NODE).map((entry) => entry.file);
      if (!kit.nodeCollector) {
        // Harvester v1.0.0: no collector matched the OS, the node zip holds only its folder.
        expect(files).toEqual([]);
        expect(bundle.index.nodes()).toContain(NODE);
        expect(await bundle.supportconfig(NODE)).toBeUndefined();
      } else {
        expect(files).toContain('configs/etc/harvester-release.yaml');
        expect(files.includes('logs/kubelet.log')).toBe(!kit.nodeFilesAbsent.some((pattern) => pattern.test('logs/kubelet.log')));
        expect(files.includes('logs/kernel.log.2')).toBe(!kit.nodeFilesAbsent.some((pattern) => pattern.test('logs/kernel.log.2')));
        expect(files.includes('logs/containerd.log')).toBe(!kit.nodeFilesAbsent.some((pattern) => pattern.test('logs/containerd.log')));
        expect(files.filter((file) => /^logs\/(wicked|NetworkManager)\.log$/.test(file))).toEqual(kit.networkLogName ? [`logs/${kit.networkLogName}`] : []);
        // A node's logs are logs; its supportconfig archive never is.
        expect(bundle.logs({ node: NODE }).every((log) => log.file!.startsWith('logs/') && !log.file!.endsWith('.txz'))).toBe(true);
        const kernel = bundle.logSeries({ node: NODE, file: 'logs/kernel.log' });
        expect(kernel.map((series) => series.files.map((file) => file.file))).toEqual([
          kit.nodeFilesAbsent.some((pattern) => pattern.test('logs/kernel.log.1')) ? ['logs/kernel.log'] : ['logs/kernel.log.2', 'logs/kernel.log.1', 'logs/kernel.log'],
        ]);
        await expectSupportconfig(bundle, kit);
      }

      const [apiserver] = bundle.logSeries({ namespace: 'harvester-system', pod: generated.restarted, container: 'apiserver' });
      expect(apiserver!.files.map((file) => (file.previous ? 'previous' : 'current'))).toEqual(kit.previousPodLogs ? ['previous', 'current'] : ['current']);
      const lines = [];
      for await (const line of apiserver!.lines()) lines.push(line);
      // The previous run first, each line cited in its own file.
      if (kit.previousPodLogs) {
        expect(lines[0]).toMatchObject({ path: apiserver!.files[0]!.path, line: 1 });
        expect(lines.find((line) => line.text.includes('leader election lost'))?.path).toMatch(/apiserver\.log\.1$/);
      }
      expect(lines[lines.length - 1]!.path).toMatch(/apiserver\.log$/);

      summaries.set(packaging, await summary(bundle));
    } finally {
      await bundle.close();
    }
  });

  it('reads the same index, facts, series and supportconfig facts from the zip, the tar.gz and the folder', () => {
    expect(summaries.size).toBe(3);
    expect(summaries.get('tar.gz')).toEqual(summaries.get('zip'));
    expect(summaries.get('directory')).toEqual(summaries.get('zip'));
  });

  it('runs catalog rules: skipped ones say why, none errors', async () => {
    const bundle = await open(generated, 'zip');
    try {
      const ids = ['precheck-node-status', 'upgrade-gate-disk-space-image-gc', 'waiting-reboot-cos-state-too-small', 'mcc-harvester-modified-snapshot-validation-webhook'];
      const rules = (await loadCatalog()).filter((rule) => ids.includes(rule.id));
      expect(rules.map((rule) => rule.id).sort()).toEqual([...ids].sort());
      const report = await analyze(bundle, { rules });
      expect(report.errors).toEqual([]);
      expect(report.findings.filter((finding) => finding.status === 'fail')).toEqual([]);
      for (const skipped of report.skipped) expect(skipped.reason).not.toBe('');
    } finally {
      await bundle.close();
    }
  });
});

async function expectSupportconfig(bundle: Bundle, kit: KitProfile): Promise<void> {
  const scc = await bundle.supportconfig(NODE);
  if (!kit.supportconfig) {
    expect(scc).toBeUndefined();
    expect(bundle.index.nodeFiles(NODE).some((entry) => entry.file.startsWith('supportconfig/'))).toBe(false);
    return;
  }
  expect(scc).toBeDefined();
  const folder = kit.supportconfig.folder;
  const name = kit.supportconfig.suffix ? new RegExp(`^scc_supportconfig_${NODE}-[A-Za-z0-9]{6}$`) : new RegExp(`^scc_supportconfig_${NODE}$`);
  const archive = new RegExp(`^nodes/${NODE}\\.zip!/${NODE}/${folder}/(scc_supportconfig_[^/]+)\\.txz$`).exec(scc!.path);
  expect(archive?.[1]).toMatch(name);
  expect(scc!.files).toEqual(expect.arrayContaining(['basic-health-check.txt', 'fs-diskio.txt', 'messages.txt', 'systemd.txt']));
  expect(scc!.files.includes('rpm.txt')).toBe(kit.supportconfig.modules === 'all');
  expect(scc!.missing).toEqual([]);

  const persistent = scc!.filesystems.find((fs) => fs.role === 'cos-persistent')!;
  expect(persistent).toMatchObject({ mount: '/usr/local', type: 'ext4', size: '183G' });
  // Evidence is a path inside the archive and a 1-based line that holds the row.
  expect(persistent.source.path).toBe(`${scc!.path}!/${archive![1]}/fs-diskio.txt`);
  expect(await bundle.lineText(persistent.source.path, persistent.source.line!)).toMatch(/^\/dev\/sda5\s+ext4\s+183G\s.*\/usr\/local$/);
  expect(scc!.memory?.totalBytes).toBe(65_777_212 * 1024);
  expect(scc!.load?.one).toBeCloseTo(0.75);
  expect(scc!.failedUnits).toEqual([]);
  expect(scc!.disks).toMatchObject([{ device: 'sda', health: 'passed' }]);
  // The supportconfig's messages.txt reads like any node log.
  const [messages] = bundle.logs({ node: NODE, file: 'supportconfig/messages.txt' });
  const found = [];
  for await (const match of messages!.grep(/link becomes ready/, { prefilter: 'link becomes ready' })) found.push(match);
  expect(found).toHaveLength(1);
  expect(found[0]!.time).toBeTypeOf('number');
}

describe('bundles unpacked further, trimmed or renamed', () => {
  const kit = KIT_GENERATIONS.find((profile) => profile.kit === 'v0.0.84')!;
  const generated = cluster(kit, { fileName: 'case-01234-prod' });

  it('names the bundle after Harvester’s support-bundle-file-name setting (kit v0.0.82+), and still reads it', async () => {
    expect(generated.builder.topFolderName).toBe('supportbundle_case-01234-prod_2025-03-12T09-14-07Z');
    const bundle = await openBundle(generated.builder.toZip());
    try {
      expect(bundle.root).toBe('supportbundle_case-01234-prod_2025-03-12T09-14-07Z');
      expect((await bundle.facts()).createdAt).toBe('2025-03-12T09:14:07Z');
    } finally {
      await bundle.close();
    }
  });

  it.each(PACKAGINGS)('%s: node folders unpacked beside their zips (scc unpacked too) are the same nodes, read once from the zips', async (packaging) => {
    const plain = await open(generated, packaging);
    const unpacked = await open(generated, packaging, { nodes: 'zip+folder', supportconfig: 'archive+folder' });
    try {
      const read = (bundle: Bundle) => bundle.index.entries.filter((entry) => entry.type === 'nodeFile').map((entry) => entry.path);
      expect(read(unpacked)).toEqual(read(plain));
      expect(unpacked.index.nodes()).toEqual(['harvester-node-0', 'harvester-node-1']);
      expect(unpacked.logs({ node: NODE }).map((log) => log.path)).toEqual(plain.logs({ node: NODE }).map((log) => log.path));
      expect(unpacked.index.nodeBundles()[0]).toMatchObject({ node: NODE, path: `nodes/${NODE}.zip`, packaging: 'zip', copy: `nodes/${NODE}` });
      const copies = unpacked.index.entries.filter((entry) => entry.type === 'other' && entry.copyOf === `nodes/${NODE}.zip`);
      expect(copies.length).toBeGreaterThan(10);
      expect(unpacked.diagnostics().filter((diagnostic) => diagnostic.level !== 'info')).toEqual([]);
      expect(unpacked.diagnostics()).toContainEqual({ path: `nodes/${NODE}`, level: 'info', message: `node ${NODE}: read from nodes/${NODE}.zip; nodes/${NODE} is the same node bundle and was not read` });
      expect(await unpacked.supportconfig(NODE)).toEqual(await plain.supportconfig(NODE));
    } finally {
      await plain.close();
      await unpacked.close();
    }
  });

  it.each(PACKAGINGS)('%s: node folders instead of zips, with the scc archive unpacked beside itself, read the .txz once', async (packaging) => {
    const bundle = await open(generated, packaging, { nodes: 'folder', supportconfig: 'archive+folder' });
    try {
      const choice = bundle.index.nodeBundles()[0]!;
      expect(choice).toMatchObject({ node: NODE, path: `nodes/${NODE}`, packaging: 'folder', supportconfig: { packaging: 'txz' } });
      expect(choice.supportconfig!.copy).toMatch(new RegExp(`^nodes/${NODE}/scc/scc_supportconfig_${NODE}-[A-Za-z0-9]{6}$`));
      const files = bundle.index.nodeFiles(NODE).map((entry) => entry.file);
      expect(files.filter((file) => file === 'supportconfig/messages.txt')).toHaveLength(1);
      const scc = await bundle.supportconfig(NODE);
      expect(scc!.filesystems[0]!.source.path).toMatch(new RegExp(`^nodes/${NODE}/scc/scc_supportconfig_[^/]+\\.txz!/scc_supportconfig_[^/]+/fs-diskio\\.txt$`));
      expect(bundle.diagnostics().filter((diagnostic) => diagnostic.level !== 'info')).toEqual([]);
    } finally {
      await bundle.close();
    }
  });

  it.each(PACKAGINGS)('%s: a bundle without nodes/ is analysed, node inputs skipped for that reason', async (packaging) => {
    const bundle = await open(generated, packaging, { nodes: 'none' });
    try {
      expect(bundle.index.nodes()).toEqual([]);
      expect((await bundle.facts()).nodesWithoutBundle).toEqual(['harvester-node-0', 'harvester-node-1']);
      expect(await bundle.supportconfig(NODE)).toBeUndefined();
      const run = await runRule(
        `id: kernel-io-errors\ntitle: Kernel I/O errors\ndescription: I/O errors in node kernel logs.\nseverity: high\ncomponent: node\ninputs:\n  kernel:\n    logs: { nodeFile: logs/kernel.log }\noutcomes:\n  - when:\n      log: { input: kernel, pattern: 'I/O error', as: hits }\n    status: fail\n    message: I/O errors.\n`,
        bundle,
      );
      expect(run.outcome).toBe('skipped');
      expect(run.skipReason).toBe('no nodes/ folder: node logs and configs were not collected in this bundle');
    } finally {
      await bundle.close();
    }
  });

  it('indexes folders a newer kit may add without reading them or saying anything about them', async () => {
    const builder = cluster(kit).builder;
    builder.addFile('hostinfo/cluster-summary.json', '{"nodes":2}\n');
    builder.addNodeFile(NODE, 'hostinfos/proc_mounts', '/dev/sda5 /usr/local ext4 rw,relatime 0 0\n');
    const bundle = await openBundle(builder.toZip());
    try {
      expect(bundle.entry('hostinfo/cluster-summary.json')).toMatchObject({ type: 'other' });
      expect(bundle.nodeFile(NODE, 'hostinfos/proc_mounts')).toBeDefined();
      expect(bundle.logs({ node: NODE }).some((log) => log.file === 'hostinfos/proc_mounts')).toBe(false);
      expect(bundle.diagnostics()).toEqual([]);
    } finally {
      await bundle.close();
    }
  });
});
