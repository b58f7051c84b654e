import { join } from 'node:path';
import { openBundle } from '@bundle-triage/core';
import { describe, expect, it } from 'vitest';
import { clusterIdentity } from '../src/analysis/cluster-identity.js';
import { healthyCluster } from '../../../testdata/generator/index.js';
import { bundles } from './helpers/built-server.js';

const sample = process.env.BUNDLE_TRIAGE_SAMPLE_V10;

async function identityOf(input: string | Uint8Array) {
  const bundle = await openBundle(input);
  try {
    return await clusterIdentity(bundle);
  } finally {
    await bundle.close();
  }
}

describe('cluster identity', () => {
  it.skipIf(!sample)('reads the real v1.0 sample: harvester-system uid from metadata.yaml, the same as in namespaces.yaml', async () => {
    expect(await identityOf(sample!)).toEqual({
      id: '9b6b22de-6e5d-4905-aec8-1f226e413986',
      source: 'harvester-system-namespace',
      evidence: 'metadata.yaml projectnamespaceuuid (harvester-system namespace uid; also yamls/cluster/v1/namespaces.yaml:690)',
    });
  });

  it('tells the generated fixtures of different clusters apart, and keeps the fixed flagship with its cluster', async () => {
    const flagship = await identityOf(join(bundles, 'flagship-v1.4.1.zip'));
    expect(flagship).toMatchObject({ id: '612c6edb-da17-4774-b848-37dd4e06ed17', source: 'harvester-system-namespace' });
    expect(flagship.evidence).toContain('yamls/cluster/v1/namespaces.yaml:221');
    expect((await identityOf(join(bundles, 'flagship-v1.4.1-fixed.zip'))).id).toBe(flagship.id);
    expect((await identityOf(join(bundles, 'flagship-v1.4.1.tar.gz'))).id).toBe(flagship.id);
    expect((await identityOf(join(bundles, 'healthy-v1.4.2-3node.zip'))).id).toBe('a96cd3ab-bded-4ec3-95ba-903c7fe09cff');
  });

  it('falls back to namespaces.yaml, then to kube-system, and says when the bundle records no id', async () => {
    const withoutMetadataUid = healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 1, seed: 3 }).setMetadata({ projectNamespaceUuid: '' });
    const fromNamespaces = await identityOf(withoutMetadataUid.toZip());
    expect(fromNamespaces.source).toBe('harvester-system-namespace');
    expect(fromNamespaces.evidence).toMatch(/^yamls\/cluster\/v1\/namespaces\.yaml:\d+ \(harvester-system namespace uid; metadata\.yaml has none\)$/);

    withoutMetadataUid.removeObject('v1', 'Namespace', undefined, 'harvester-system');
    const fromKubeSystem = await identityOf(withoutMetadataUid.toZip());
    expect(fromKubeSystem).toMatchObject({ source: 'kube-system-namespace' });
    expect(fromKubeSystem.evidence).toMatch(/^yamls\/cluster\/v1\/namespaces\.yaml:\d+ \(kube-system namespace uid/);

    withoutMetadataUid.removeObject('v1', 'Namespace', undefined, 'kube-system');
    expect(await identityOf(withoutMetadataUid.toZip())).toMatchObject({ id: null, source: null, evidence: expect.stringMatching(/^the bundle records no cluster id/) });
  });
});
