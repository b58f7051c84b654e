import { describe, expect, it } from 'vitest';
import { analyze, loadCatalog } from '@bundle-triage/rules';
import { catalogRule, runRule } from '@bundle-triage/rules/testing';
import { openBundle } from '@bundle-triage/core';
import { generateHealthyCluster } from '../../../../../testdata/generator/index.js';
import { describeNodeHealthCheck } from '../../../../../testdata/generator/fault-support/node-health-check.js';
import { nodeFilesystemFull } from './fault.js';

describeNodeHealthCheck({
  id: 'node-filesystem-full',
  source: 'supportconfig',
  fault: (cluster) => nodeFilesystemFull(cluster),
  // 79 % of COS_PERSISTENT (df -h rounds 78.7 % up): just below SCA's warning mark.
  nearMiss: (cluster) => nodeFilesystemFull(cluster, { usedGiB: 144 }),
  status: 'fail',
  message: (node) =>
    `COS_PERSISTENT (/usr/local) on ${node as string} is 94% full (171G of 183G used, 12G free, df -h): kubelet evicts pods once less than 10 % is free, image pulls and logs fail when it fills, and an upgrade is refused`,
  file: 'fs-diskio.txt',
  proof: /^\/dev\/sda5\s+ext4\s+183G\s+171G\s+12G\s+94% \/usr\/local$/,
});

describe('node-filesystem-full', () => {
  const rule = () => catalogRule('node-filesystem-full');

  it('warns past 80 %, once per filesystem: the binds of COS_PERSISTENT are the same space', async () => {
    const cluster = generateHealthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 51 });
    const node = nodeFilesystemFull(cluster, { usedGiB: 150 });
    const run = await runRule(await rule(), cluster.builder);
    expect(run.outcome).toBe('warn');
    expect(run.findings.map((finding) => finding.message)).toEqual([
      `/dev/sda5 at /usr/local on ${node} is 82% full (150G of 183G used, 33G free, df -h): past SCA's 80 % warning mark`,
    ]);
  });

  it('leaves the read-only OS image, overlays and tmpfs out, however full', async () => {
    const cluster = generateHealthyCluster({ harvesterVersion: 'v1.4.2', nodes: 1, seed: 52 });
    for (const mount of ['/', '/etc', '/dev/shm']) nodeFilesystemFull(cluster, { node: 'harvester-node-0', mount, usedGiB: 3 });
    expect((await runRule(await rule(), cluster.builder)).outcome).toBe('pass');
  });

  it('explains the pre-checks that refuse the upgrade for the same filesystem, and is the headline', async () => {
    const cluster = generateHealthyCluster({ harvesterVersion: 'v1.4.1', nodes: 3, seed: 53 });
    const node = nodeFilesystemFull(cluster, { usedGiB: 172 });
    const bundle = await openBundle(cluster.builder.toZip());
    try {
      const ids = ['node-filesystem-full', 'precheck-node-free-space', 'upgrade-gate-free-system-partition'];
      const report = await analyze(bundle, { rules: (await loadCatalog()).filter((candidate) => ids.includes(candidate.id)) });
      const full = report.findings.find((finding) => finding.ruleId === 'node-filesystem-full')!;
      expect(full.explains?.map((link) => link.ruleId).sort()).toEqual(['precheck-node-free-space', 'upgrade-gate-free-system-partition']);
      for (const id of ids.slice(1)) {
        const symptom = report.findings.find((finding) => finding.ruleId === id)!;
        expect(symptom.status).toBe('fail');
        expect(symptom.message).toContain(node);
        expect(symptom.causedBy).toEqual([{ ruleId: 'node-filesystem-full', fingerprint: full.fingerprint }]);
      }
      expect(report.summary.headline).toBe('node-filesystem-full');
    } finally {
      await bundle.close();
    }
  });

  it('does not explain a pre-check about another filesystem of the same node', async () => {
    const cluster = generateHealthyCluster({ harvesterVersion: 'v1.4.1', nodes: 3, seed: 54 });
    const node = nodeFilesystemFull(cluster, { mount: '/oem', usedGiB: 0.042 });
    nodeFilesystemFull(cluster, { node, usedGiB: 150 });
    const bundle = await openBundle(cluster.builder.toZip());
    try {
      const ids = ['node-filesystem-full', 'precheck-node-free-space'];
      const report = await analyze(bundle, { rules: (await loadCatalog()).filter((candidate) => ids.includes(candidate.id)) });
      const oem = report.findings.find((finding) => finding.ruleId === 'node-filesystem-full' && finding.message.includes('/oem'))!;
      expect(oem.status).toBe('fail');
      expect(oem.explains ?? []).toEqual([]);
      expect(report.findings.find((finding) => finding.ruleId === 'precheck-node-free-space')!.causedBy ?? []).toEqual(
        report.findings.filter((finding) => finding.ruleId === 'node-filesystem-full' && finding.message.includes('/usr/local')).map((finding) => ({ ruleId: finding.ruleId, fingerprint: finding.fingerprint })),
      );
    } finally {
      await bundle.close();
    }
  });
});
