/**
 * The shape every node-health rule test shares (catalog/node/*, and the pre-checks and gates the
 * node's supportconfig answers): the fault makes the rule fire with its message, citing a line
 * that the archive itself holds — read back from the node zip and the supportconfig `.txz` the
 * builder wrote — on several kit generations (supportconfig under `logs/` before kit v0.0.39,
 * under `scc/` after, selected modules from v0.0.36, a random suffix from v0.0.65) and in every
 * packaging; the near miss does not fire; a bundle that cannot answer skips the rule, never
 * passes it. Each rule folder's rule.test.ts calls `describeNodeHealthCheck` with its own case.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../../packages/report/src/report-types.js';
import { catalogRule, lineAt, runRule, type KitName, type RuleRun } from '../../../packages/rules/src/testing/index.js';
import { generateHealthyCluster, type GeneratedCluster } from '../healthy-cluster.js';

export interface NodeHealthCase {
  id: string;
  /** Where the rule's facts come from: the supportconfig (kit ≥ v0.0.26) or the kernel log (every kit with a node collector). */
  source: 'supportconfig' | 'kernel-log';
  nodes?: number;
  /** The Harvester release of the `current` kit's cluster (default v1.4.2). */
  version?: string;
  /** Kit generations the positive case runs on (default: by source, old to new). */
  kits?: readonly KitName[];
  /** Breaks a healthy cluster; returns what the message names (usually the node). */
  fault: (cluster: GeneratedCluster) => unknown;
  /** The same facts touched, not far enough to fire. */
  nearMiss: (cluster: GeneratedCluster) => unknown;
  /** What the near miss ends in: `pass` (default), or `info` for a rule that notes old events without failing. */
  nearMissOutcome?: 'pass' | 'info';
  status: 'fail' | 'warn' | 'info';
  message: (named: unknown, cluster: GeneratedCluster) => string | RegExp;
  /** The cited file: its name inside the node folder or the supportconfig (`fs-diskio.txt`, `logs/kernel.log`). */
  file: string;
  /** Text the cited line holds. */
  proof: string | RegExp;
  /** How a Harvester v1.0.3 bundle (no supportconfig) is skipped: `not-recorded`, or `version` for checks of later releases. */
  oldBundleSkip?: 'not-recorded' | 'version';
}

/** The Harvester release each kit generation came with (as test/generations models them). */
const RELEASE_OF: Partial<Record<KitName, string>> = {
  'v0.0.6': 'v1.0.0',
  'v0.0.11': 'v1.1.0',
  'v0.0.28': 'v1.2.1',
  'v0.0.36': 'v1.2.2',
  'v0.0.46': 'v1.4.1',
  'v0.0.65': 'v1.6.1',
  'v0.0.84': 'v1.8-dev',
};

const DEFAULT_KITS: Record<NodeHealthCase['source'], KitName[]> = {
  supportconfig: ['v0.0.28', 'v0.0.36', 'v0.0.65'],
  'kernel-log': ['v0.0.6', 'v0.0.36', 'v0.0.84'],
};

export function describeNodeHealthCheck(entry: NodeHealthCase): void {
  const scratch = mkdtempSync(join(tmpdir(), `${entry.id}-`));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));
  const cluster = (options: { kit?: KitName; version?: string } = {}): GeneratedCluster =>
    generateHealthyCluster({
      harvesterVersion: options.version ?? (options.kit ? RELEASE_OF[options.kit] : undefined) ?? entry.version ?? 'v1.4.2',
      nodes: entry.nodes ?? 3,
      seed: 41,
      ...(options.kit ? { kit: options.kit } : {}),
    });

  describe(entry.id, () => {
    const expectFinding = (run: RuleRun, broken: GeneratedCluster, named: unknown): Finding => {
      expect(run.error).toBeUndefined();
      expect(run.outcome).toBe(entry.status);
      const finding = run.findings.find((candidate) => candidate.status === entry.status)!;
      const message = entry.message(named, broken);
      if (typeof message === 'string') expect(finding.message).toBe(message);
      else expect(finding.message).toMatch(message);
      const cited = finding.evidence.filter((item) => item.path.endsWith(`/${entry.file}`));
      expect(cited.length, `evidence in ${entry.file}: ${JSON.stringify(finding.evidence.map((item) => item.path))}`).toBeGreaterThan(0);
      // The line as the archive holds it (node zip, then the supportconfig's .txz), and the excerpt is that line.
      const line = lineAt(broken.builder, cited[0]!.path, cited[0]!.line);
      if (typeof entry.proof === 'string') expect(line).toContain(entry.proof);
      else expect(line).toMatch(entry.proof);
      // The excerpt is that line (cut at 240 characters, as every excerpt is).
      const text = line.trim();
      expect(cited[0]!.excerpt).toBe(text.length > 240 ? `${text.slice(0, 239)}…` : text);
      return finding;
    };

    for (const kit of entry.kits ?? DEFAULT_KITS[entry.source]) {
      it(`fires on the fault in a kit ${kit} bundle, citing the line that proves it`, async () => {
        const broken = cluster({ kit });
        const named = entry.fault(broken);
        expectFinding(await runRule(await catalogRule(entry.id), broken.builder), broken, named);
      });
    }

    it('reads the same from the zip, the tar.gz and the extracted folder', async () => {
      const broken = cluster();
      const named = entry.fault(broken);
      const zip = expectFinding(await runRule(await catalogRule(entry.id), broken.builder), broken, named);
      const folder = mkdtempSync(join(scratch, 'bundle-'));
      broken.builder.writeDirectory(join(folder, broken.builder.topFolderName));
      for (const bundle of [broken.builder.toTarGz(), folder]) {
        const run = await runRule(await catalogRule(entry.id), bundle);
        const finding = expectFinding(run, broken, named);
        expect(finding.evidence).toEqual(zip.evidence);
        expect(finding.fingerprint).toBe(zip.fingerprint);
      }
    });

    it('does not fail or warn on the near miss', async () => {
      const near = cluster();
      entry.nearMiss(near);
      const run = await runRule(await catalogRule(entry.id), near.builder);
      expect(run.findings.filter((finding) => finding.status === 'fail' || finding.status === 'warn').map((finding) => finding.message)).toEqual([]);
      expect(run.outcome).toBe(entry.nearMissOutcome ?? 'pass');
    });

    if (entry.source === 'supportconfig') {
      it('is skipped, never passed, without the supportconfig: not recorded before Harvester v1.2.0, missing for a node collected without one', async () => {
        const old = await runRule(await catalogRule(entry.id), cluster({ kit: 'old', version: 'v1.0.3' }).builder);
        expect([old.outcome, old.skipKind]).toEqual(['skipped', entry.oldBundleSkip ?? 'not-recorded']);
        const partial = cluster();
        partial.builder.removeSupportconfig(partial.nodes[0]!.name);
        const run = await runRule(await catalogRule(entry.id), partial.builder);
        expect([run.outcome, run.skipKind]).toEqual(['skipped', 'missing-input']);
        expect(run.skipReason).toContain(`the node bundle of ${partial.nodes[0]!.name} holds no supportconfig`);
      });
    } else {
      it('is skipped, never passed, when the bundle has no node logs', async () => {
        const run = await runRule(await catalogRule(entry.id), cluster().builder.toZip({ nodes: 'none' }));
        expect([run.outcome, run.skipKind]).toEqual(['skipped', 'missing-input']);
      });
    }
  });
}
