import { gunzipSync } from 'node:zlib';

import { Unzip, UnzipInflate, unzipSync } from 'fflate';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';

import type { KitName } from './kit-profile.js';
import { BundleBuilder, type KubeObject } from './bundle-builder.js';

const CREATED_AT = '2025-03-06T22:45:28Z';
const text = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes);
const newBundle = (kit: KitName = 'current') =>
  new BundleBuilder({ createdAt: CREATED_AT, kubernetesVersion: 'v1.30.7+rke2r1', namespaceUid: '11111111-2222-4333-8444-555555555555', bundleName: 'bundle-abcde', kit });

const pod = (namespace: string, name: string): KubeObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace } });

/** Entry names and compression methods (0 stored, 8 deflate), in archive order. */
function zipEntries(zip: Uint8Array): { name: string; compression: number }[] {
  const entries: { name: string; compression: number }[] = [];
  const unzip = new Unzip((file) => entries.push({ name: file.name, compression: file.compression }));
  unzip.register(UnzipInflate);
  unzip.push(zip, true);
  return entries;
}

describe('BundleBuilder: where objects go', () => {
  it('files objects by group, version and plural, cluster-scoped or per namespace, core group under v1', () => {
    const files = newBundle()
      .collectNamespace('fleet-local', 'harvester-system')
      .addObject({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'n1' } })
      .addObject({ apiVersion: 'management.cattle.io/v3', kind: 'ManagedChart', metadata: { name: 'harvester', namespace: 'fleet-local' } })
      .addObject({ apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'i', namespace: 'cattle-system' } })
      .addObject({ apiVersion: 'k8s.cni.cncf.io/v1', kind: 'NetworkAttachmentDefinition', metadata: { name: 'vlan', namespace: 'default' } })
      .addObject({ apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'e', namespace: 'default' } })
      .addObject({ apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'sc' } })
      .addObject({ apiVersion: 'example.io/v1', kind: 'Thing', metadata: { name: 't' } }, { resource: 'thingies', version: 'v2' })
      .toFiles();
    expect([...files.keys()].filter((path) => path.startsWith('yamls/')).sort()).toEqual([
      'yamls/cluster/example.io/v2/thingies.yaml',
      'yamls/cluster/storage.k8s.io/v1/storageclasses.yaml',
      'yamls/cluster/v1/nodes.yaml',
      'yamls/namespaced/cattle-system/networking.k8s.io/v1/ingresses.yaml',
      'yamls/namespaced/default/k8s.cni.cncf.io/v1/network-attachment-definitions.yaml',
      'yamls/namespaced/default/v1/endpoints.yaml',
      'yamls/namespaced/fleet-local/management.cattle.io/v3/managedcharts.yaml',
    ]);
  });

  it('writes a kind: List sorted by name, with apiVersion/kind injected and "" rewritten to "null"', () => {
    const bundle = newBundle().addObject(pod('default', 'b')).addObject({ ...pod('default', 'a'), metadata: { name: 'a', namespace: 'default', labels: { empty: '' } } });
    const list = yaml.load(text(bundle.toFiles().get('yamls/namespaced/default/v1/pods.yaml'))) as { kind: string; items: KubeObject[]; metadata: Record<string, string> };
    expect(list.kind).toBe('List');
    expect(list.items.map((item) => item.metadata.name)).toEqual(['a', 'b']);
    expect(list.items[0]).toMatchObject({ apiVersion: 'v1', kind: 'Pod', metadata: { labels: { empty: 'null' } } });
    expect(list.metadata).not.toHaveProperty('continue'); // built-in resource
  });

  it('adds continue: "null" to lists of custom resources only, as the API server does', () => {
    const files = newBundle().collectNamespace('fleet-local').addObject({ apiVersion: 'fleet.cattle.io/v1alpha1', kind: 'Bundle', metadata: { name: 'x', namespace: 'fleet-local' } }).toFiles();
    expect(text(files.get('yamls/namespaced/fleet-local/fleet.cattle.io/v1alpha1/bundles.yaml'))).toMatch(/\nmetadata:\n {2}continue: "null"\n {2}resourceVersion: "\d+"\n$/);
  });

  it('leaves out namespaces that were not collected, core secrets and redacted settings, like the kit', () => {
    const files = newBundle()
      .addObject(pod('harvester-public', 'p'))
      .addObject({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's', namespace: 'kube-system' }, data: { x: 'eA==' } })
      .collectNamespace('fleet-local')
      .addObject({ apiVersion: 'v1', kind: 'Secret', type: 'rke.cattle.io/machine-plan', metadata: { name: 'm', namespace: 'fleet-local' }, data: { plan: 'cA==', 'applied-checksum': 'YQ==' } })
      .addObject({ apiVersion: 'harvesterhci.io/v1beta1', kind: 'Setting', metadata: { name: 'ssl-certificates' } })
      .addObject({ apiVersion: 'harvesterhci.io/v1beta1', kind: 'Setting', metadata: { name: 'server-version' }, value: 'v1.4.1' })
      .toFiles();
    const paths = [...files.keys()];
    expect(paths.some((path) => path.includes('harvester-public'))).toBe(false);
    expect(paths).not.toContain('yamls/namespaced/kube-system/v1/secrets.yaml');
    const secrets = text(files.get('yamls/namespaced/fleet-local/v1/secrets.yaml'));
    expect(secrets).toContain('applied-checksum: YQ==');
    expect(secrets).not.toContain('plan:');
    const settings = text(files.get('yamls/cluster/harvesterhci.io/v1beta1/settings.yaml'));
    expect(settings).toContain('name: server-version');
    expect(settings).not.toContain('ssl-certificates');
  });

  it('updates and removes objects, and refuses to update one that is not there', () => {
    const bundle = newBundle().addObject(pod('default', 'a'));
    bundle.updateObject('v1', 'Pod', 'default', 'a', (object) => {
      object.spec = { nodeName: 'n1' };
    });
    expect(bundle.getObject('v1', 'Pod', 'default', 'a')?.spec).toEqual({ nodeName: 'n1' });
    expect(bundle.removeObject('v1', 'Pod', 'default', 'a')).toBe(true);
    expect(() => bundle.updateObject('v1', 'Pod', 'default', 'a', () => undefined)).toThrow(/no Pod default\/a/);
  });

  it('removes a whole resource list, in one namespace or in all, and writes no file for it', () => {
    const node: KubeObject = { apiVersion: 'v1', kind: 'Node', metadata: { name: 'n1' } };
    const bundle = newBundle().addObject(pod('default', 'a')).addObject(pod('kube-system', 'b')).addObject(node);
    expect(bundle.removeResource('', 'pods', 'kube-system')).toBe(1);
    expect(bundle.listObjects('v1', 'Pod').map((object) => object.metadata.name)).toEqual(['a']);
    expect(bundle.removeResource('', 'pods')).toBe(1);
    expect(bundle.removeResource('', 'nodes', null)).toBe(1);
    expect([...bundle.toFiles().keys()].filter((path) => path.startsWith('yamls/'))).toEqual([]);
  });
});

describe('BundleBuilder: logs and node bundles', () => {
  it('prefixes pod log lines with 9-digit RFC3339Nano timestamps and keeps previous logs as .log.1', () => {
    const files = newBundle()
      .addPodLog('default', 'p', 'c', [{ time: '2025-03-06T22:00:00.5Z', text: 'started' }, 'next'])
      .addPodLog('default', 'p', 'c', ['crashed'], { previous: true })
      .toFiles();
    expect(text(files.get('logs/default/p/c.log'))).toBe('2025-03-06T22:00:00.500000000Z started\n2025-03-06T22:00:00.750000137Z next\n');
    expect(files.has('logs/default/p/c.log.1')).toBe(true);
    expect(newBundle('old').addPodLog('default', 'p', 'c', ['x'], { previous: true }).toFiles().has('logs/default/p/c.log.1')).toBe(false);
  });

  it('nests each node bundle as a zip whose entries start with <node>/, directories included', () => {
    const files = newBundle()
      .addNodeFile('node1', 'configs/etc/hostname', 'node1\n')
      .addNodeLog('node1', 'kernel.log', [{ time: '2025-03-06T22:45:28.123456Z', identifier: 'kernel', text: 'Linux version 5.14.21' }])
      .toFiles();
    const nodeZip = files.get('nodes/node1.zip')!;
    expect(zipEntries(nodeZip).map((entry) => entry.name)).toEqual([
      'node1/', 'node1/configs/', 'node1/configs/etc/', 'node1/configs/etc/hostname', 'node1/logs/', 'node1/logs/kernel.log',
    ]);
    expect(text(unzipSync(nodeZip)['node1/logs/kernel.log'])).toBe('Mar 06 22:45:28.123456 node1 kernel: Linux version 5.14.21\n');
  });

  it('writes journal logs in the old kit format (no microseconds), wicked.log, and no supportconfig', () => {
    const nodeZip = newBundle('old')
      .addNodeLog('node1', 'wicked.log', [{ time: '2022-03-06T22:45:28.5Z', identifier: 'wickedd[900]', text: 'up' }])
      .addNodeFile('node1', 'scc/scc_supportconfig_node1.txz', new Uint8Array([1]))
      .toFiles()
      .get('nodes/node1.zip')!;
    const entries = unzipSync(nodeZip);
    expect(text(entries['node1/logs/wicked.log'])).toBe('Mar 06 22:45:28 node1 wickedd[900]: up\n');
    expect(Object.keys(entries).some((name) => name.includes('scc'))).toBe(false);
  });

  it('collects the network unit the kit collects: an empty journal for the other unit, none on v0.0.72', () => {
    const lines = [{ time: '2025-03-06T22:45:28.5Z', identifier: 'NetworkManager[1270]', text: 'up' }];
    const zipOf = (kit: 'v0.0.46' | 'v0.0.72' | 'v0.0.74') =>
      unzipSync(newBundle(kit).addNodeFile('node1', 'configs/etc/hostname', 'node1\n').addNodeLog('node1', 'NetworkManager.log', lines).toFiles().get('nodes/node1.zip')!);
    expect(text(zipOf('v0.0.46')['node1/logs/wicked.log'])).toBe('-- No entries --\n');
    expect(Object.keys(zipOf('v0.0.72')).filter((name) => name.startsWith('node1/logs/'))).toEqual([]);
    expect(text(zipOf('v0.0.74')['node1/logs/NetworkManager.log'])).toBe('Mar 06 22:45:28.500000 node1 NetworkManager[1270]: up\n');
  });
});

describe('BundleBuilder: the bundle root and archives', () => {
  it('writes metadata.yaml in the BundleMeta field order with lower-cased keys, and an empty error log', () => {
    const files = newBundle().toFiles();
    expect(text(files.get('metadata.yaml'))).toBe(
      'bundlename: bundle-abcde\nbundleversion: 0.1.0\nkubernetesversion: v1.30.7+rke2r1\nprojectnamespaceuuid: 11111111-2222-4333-8444-555555555555\nbundlecreatedat: "2025-03-06T22:45:28Z"\nissueurl: ""\nissuedescription: ""\n',
    );
    expect(text(files.get('bundleGenerationError.log'))).toBe('');
  });

  it('zips everything under supportbundle_<uid>_<createdAt>/ with directory entries and nested zips stored', () => {
    const bundle = newBundle().addObject(pod('default', 'a')).addNodeFile('node1', 'configs/etc/hostname', 'node1\n');
    expect(bundle.topFolderName).toBe('supportbundle_11111111-2222-4333-8444-555555555555_2025-03-06T22-45-28Z');
    const entries = zipEntries(bundle.toZip());
    expect(entries.every((entry) => entry.name.startsWith(`${bundle.topFolderName}/`))).toBe(true);
    expect(entries[0]!.name).toBe(`${bundle.topFolderName}/`);
    expect(entries.map((entry) => entry.name)).toContain(`${bundle.topFolderName}/yamls/namespaced/default/v1/`);
    expect(entries.find((entry) => entry.name.endsWith('nodes/node1.zip'))?.compression).toBe(0);
    expect(entries.find((entry) => entry.name.endsWith('metadata.yaml'))?.compression).toBe(8);
  });

  it('produces the same bytes every time', () => {
    const build = () => newBundle().addObject(pod('default', 'a')).addPodLog('default', 'a', 'c', ['x']).addNodeFile('n', 'logs/a.log', 'a\n');
    expect(Buffer.from(build().toZip()).equals(Buffer.from(build().toZip()))).toBe(true);
    expect(Buffer.from(build().toTarGz()).equals(Buffer.from(build().toTarGz()))).toBe(true);
  });

  it('packs a tar.gz with the top folder first and each directory before its files', () => {
    const bundle = newBundle().addObject(pod('default', 'a'));
    const tar = gunzipSync(bundle.toTarGz());
    const names: string[] = [];
    for (let offset = 0; offset + 512 <= tar.length; ) {
      const header = tar.subarray(offset, offset + 512);
      if (header.every((byte) => byte === 0)) break;
      const field = (start: number, length: number) => header.subarray(start, start + length).toString('latin1').replace(/\0.*$/s, '');
      const prefix = field(345, 155);
      names.push(prefix ? `${prefix}/${field(0, 100)}` : field(0, 100));
      const size = parseInt(field(124, 12), 8);
      offset += 512 + Math.ceil(size / 512) * 512;
    }
    expect(names[0]).toBe(`${bundle.topFolderName}/`);
    expect(names).toContain(`${bundle.topFolderName}/yamls/namespaced/default/v1/pods.yaml`);
    expect(names.indexOf(`${bundle.topFolderName}/yamls/`)).toBeLessThan(names.indexOf(`${bundle.topFolderName}/yamls/namespaced/default/v1/pods.yaml`));
  });

  it('old kit: writes an empty List for every namespaced resource in every collected namespace', () => {
    const files = newBundle('old').collectNamespace('longhorn-system').addObject({ apiVersion: 'longhorn.io/v1beta1', kind: 'Volume', metadata: { name: 'v', namespace: 'longhorn-system' } }).toFiles();
    expect(text(files.get('yamls/namespaced/default/longhorn.io/v1beta1/volumes.yaml'))).toMatch(/^apiVersion: v1\nitems: \[\]\nkind: List\nmetadata:\n {2}continue: "null"\n/);
    expect(files.has('yamls/namespaced/kube-system/v1/configmaps.yaml')).toBe(true);
  });
});
