import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogRule, runRule, toGoYaml } from '@bundle-triage/rules/testing';
import { readinessCluster } from '../../../../../testdata/generator/fault-support/readiness-check.js';

const ID = 'precheck-kubeconfig-secret';

describe(`${ID} on a bundle that cannot answer it`, () => {
  it('is skipped with the reason and what to run instead', async () => {
    const run = await runRule(await catalogRule(ID), readinessCluster(1));
    expect(run.outcome).toBe('skipped');
    expect(run.skipKind).toBe('not-recorded');
    expect(run.skipReason).toMatch(/^secret fleet-local\/local-kubeconfig is not in a support bundle: support-bundle-kit collects no Secrets except the machine-plan ones in fleet-local/);
  });
});

describe(`${ID} on a bundle that does hold the secret (support-bundle-kit drops it; a hand-made bundle may not)`, () => {
  /** The healthy cluster as a folder, plus fleet-local/local-kubeconfig with the given labels. */
  async function withSecret(labels: Record<string, string> | undefined) {
    const root = mkdtempSync(join(tmpdir(), 'kubeconfig-secret-'));
    try {
      readinessCluster(1).writeDirectory(root);
      const secret = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'local-kubeconfig', namespace: 'fleet-local', ...(labels ? { labels } : {}) }, type: 'Opaque' };
      writeFileSync(join(root, 'yamls/namespaced/fleet-local/v1/secrets.yaml'), toGoYaml({ apiVersion: 'v1', items: [secret], kind: 'List' }));
      return await runRule(await catalogRule(ID), root);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }

  it('fails without the cluster-name label, with the patch that adds it', async () => {
    const run = await withSecret({ app: 'rancher' });
    expect(run.outcome).toBe('fail');
    expect(run.finding?.message).toBe('Kubeconfig Secret Test: Failed — secret fleet-local/local-kubeconfig does not have the label cluster.x-k8s.io/cluster-name=local');
    expect(run.finding?.remediation?.patch?.operations).toEqual([{ op: 'add', path: '/metadata/labels/cluster.x-k8s.io~1cluster-name', value: 'local' }]);
    expect(run.finding?.evidence[0]?.path).toBe('yamls/namespaced/fleet-local/v1/secrets.yaml');
  });

  it('fails without any label, adding the labels map', async () => {
    const run = await withSecret(undefined);
    expect(run.outcome).toBe('fail');
    expect(run.finding?.remediation?.patch?.operations).toEqual([{ op: 'add', path: '/metadata/labels', value: { 'cluster.x-k8s.io/cluster-name': 'local' } }]);
  });

  it('passes with the label', async () => {
    expect((await withSecret({ 'cluster.x-k8s.io/cluster-name': 'local' })).outcome).toBe('pass');
  });
});
