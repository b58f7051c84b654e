import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBundle, type Bundle } from '../bundle.js';
import { HARVESTER_CRDS, addCustomResourceDefinitions } from '../../../../testdata/generator/index.js';
import { InvalidSelectorError } from './kubectl-errors.js';
import { kubectlGet, type GetResult } from './kubectl-get.js';
import { SAMPLE, WORKLOADS, workloadsVariant, workloadsNames } from './test-bundles.js';

/** A table as header and rows of text cells, as the assertions read it. */
function rows(result: GetResult, index = 0): string[][] {
  const table = result.types[index]!.table;
  return [table.columns.map((column) => column.name.toUpperCase()), ...table.rows.map((row) => row.cells.map((cell) => (cell === null ? '' : String(cell))))];
}

const NAMES = workloadsNames();
const CRASHLOOP = NAMES.crashLoopPod;

describe.each([
  ['zip', WORKLOADS.zip],
  ['tar.gz', WORKLOADS.tarGz],
  ['folder', WORKLOADS.folder],
])('kubectlGet on the workloads bundle as a %s', (_packaging, path) => {
  let bundle: Bundle;
  beforeAll(async () => {
    bundle = await openBundle(path);
  });
  afterAll(() => bundle.close());

  it("lists pods with kubectl's columns: CrashLoopBackOff 0/1, restarts with the time of the last one, AGE from the bundle's creation", async () => {
    const result = await kubectlGet(bundle, { resources: ['pods'], namespace: 'harvester-system' });
    const table = rows(result);
    expect(table[0]).toEqual(['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE']);
    expect(table.find((row) => row[0] === CRASHLOOP)).toEqual([CRASHLOOP, '0/1', 'CrashLoopBackOff', '14 (3m ago)', '29d']);
    expect(result.types[0]!.table.columnsFrom).toBe('kubernetes');
  });

  it('adds the wide columns with -o wide and NAMESPACE across namespaces', async () => {
    const result = await kubectlGet(bundle, { resources: ['po'], allNamespaces: true, wide: true, fieldSelector: `metadata.name=${NAMES.restartedPod.name}` });
    expect(rows(result)).toEqual([
      ['NAMESPACE', 'NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE', 'IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES'],
      ['longhorn-system', NAMES.restartedPod.name, '2/2', 'Running', '2 (47m ago)', '29d', NAMES.restartedPod.ip, NAMES.restartedPod.node, '<none>', '<none>'],
    ]);
  });

  it("prints a CRD's additionalPrinterColumns from the bundle's CRD list (VM: NAME AGE STATUS READY)", async () => {
    const result = await kubectlGet(bundle, { resources: ['vm'], namespace: 'default' });
    expect(rows(result)).toEqual([
      ['NAME', 'AGE', 'STATUS', 'READY'],
      ['sles15-sp6-db', '29d', 'Running', 'True'],
      ['ubuntu-2204-web', '29d', 'Running', 'True'],
      ['win2022-jumphost', '29d', 'Stopped', 'False'],
    ]);
    expect(result.types[0]!.table.columnsFrom).toBe('bundle-crd');
  });

  it('shows Fleet bundles with BUNDLEDEPLOYMENTS-READY and the Ready message', async () => {
    const result = await kubectlGet(bundle, { resources: ['bundles', 'mcc-harvester'], namespace: 'fleet-local' });
    expect(rows(result)).toEqual([['NAME', 'BUNDLEDEPLOYMENTS-READY', 'STATUS'], ['mcc-harvester', '1/1', '']]);
  });

  it('shows Jobs with STATUS (Kubernetes ≥ 1.30) and HelmCharts with their job', async () => {
    const jobs = await kubectlGet(bundle, { resources: ['jobs'], namespace: 'kube-system', labelSelector: 'helmcharts.helm.cattle.io/chart=rke2-coredns' });
    expect(rows(jobs)).toEqual([['NAME', 'STATUS', 'COMPLETIONS', 'DURATION', 'AGE'], ['helm-install-rke2-coredns', 'Complete', '1/1', '12s', '29d']]);
    const charts = await kubectlGet(bundle, { resources: ['helmcharts/rke2-canal'], namespace: 'kube-system' });
    expect(rows(charts)[1]).toEqual(['rke2-canal', 'helm-install-rke2-canal', '', '', '', '', '', 'true']);
  });

  it('merges the two event lists: each event once, in core/v1 shape', async () => {
    const result = await kubectlGet(bundle, { resources: ['events'], namespace: 'harvester-system', fieldSelector: 'reason=BackOff' });
    expect(rows(result)).toEqual([
      ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'],
      ['60s', 'Warning', 'BackOff', `pod/${CRASHLOOP}`, expect.stringMatching(/^Back-off restarting failed container harvester-network-manager/)],
    ]);
  });

  it('keeps events.k8s.io Events as that API has them (regarding, note), printed with the same columns', async () => {
    const result = await kubectlGet(bundle, { resources: ['events.events.k8s.io'], namespace: 'harvester-system', fieldSelector: 'reason=BackOff' });
    expect(result.types[0]!.objects[0]!.object).toMatchObject({ apiVersion: 'events.k8s.io/v1', regarding: { kind: 'Pod', name: CRASHLOOP } });
    expect(rows(result)[1]!.slice(0, 4)).toEqual(['60s', 'Warning', 'BackOff', `pod/${CRASHLOOP}`]);
  });

  it('names each row kind/name when the output spans several types', async () => {
    const result = await kubectlGet(bundle, { resources: ['svc,pvc'], namespace: 'default' });
    expect(result.types.map((entry) => entry.table.rows.map((row) => row.cells[0]))).toEqual([
      ['service/kubernetes'],
      NAMES.claims.map((claim) => `persistentvolumeclaim/${claim}`),
    ]);
  });

  it('reports each name it cannot find as NotFound, and lists the others', async () => {
    const result = await kubectlGet(bundle, { resources: ['pod/nope', `pod/${CRASHLOOP}`], namespace: 'harvester-system' });
    expect(result.types[0]!.objects.map((entry) => entry.object.metadata.name)).toEqual([CRASHLOOP]);
    expect(result.notFound.map((error) => error.message)).toEqual(['pods "nope" not found in namespace "harvester-system"']);
  });

  it('says why a type is never in a bundle (Secrets) instead of only "none"', async () => {
    const result = await kubectlGet(bundle, { resources: ['secrets'], namespace: 'kube-system' });
    expect(result.types[0]!.objects).toEqual([]);
    expect(result.notes.join('\n')).toMatch(/never collects Secrets/);
  });

  it('says when the namespace asked for exists but was not collected', async () => {
    const result = await kubectlGet(bundle, { resources: ['pods'], namespace: 'production-vms' });
    expect(result.notes.join('\n')).toMatch(/namespace production-vms exists in the cluster but the support bundle did not collect it/);
  });

  it('refuses a selector that does not parse, with a typed error', async () => {
    await expect(kubectlGet(bundle, { resources: ['pods'], labelSelector: 'app in harvester' })).rejects.toBeInstanceOf(InvalidSelectorError);
  });
});

describe('kubectlGet: where printer columns come from', () => {
  it("prefers the bundle's CRD over the built-in table (a newer Harvester's VM images with BACKEND)", async () => {
    const bundle = await workloadsVariant((cluster) => {
      cluster.builder.removeObject('apiextensions.k8s.io/v1', 'CustomResourceDefinition', undefined, 'virtualmachineimages.harvesterhci.io');
      const images = HARVESTER_CRDS.find((crd) => crd.plural === 'virtualmachineimages')!;
      addCustomResourceDefinitions(cluster, [{ ...images, columns: [['BACKEND', 'string', '.spec.backend'], ...images.columns!] }]);
    });
    try {
      const result = await kubectlGet(bundle, { resources: ['vmimages'], namespace: 'default' });
      expect(rows(result)[0]).toEqual(['NAME', 'BACKEND', 'DISPLAY-NAME', 'SIZE', 'VIRTUALSIZE', 'AGE']);
    } finally {
      await bundle.close();
    }
  });

  it('uses the built-in copy of the columns when the bundle has no CRD list', async () => {
    const bundle = await workloadsVariant(undefined, { crds: false });
    try {
      const result = await kubectlGet(bundle, { resources: ['vmi'], namespace: 'default', wide: true });
      expect(result.types[0]!.table.columnsFrom).toBe('built-in-crd');
      expect(rows(result)[0]).toEqual(['NAME', 'AGE', 'PHASE', 'IP', 'NODENAME', 'READY', 'LIVE-MIGRATABLE', 'PAUSED']);
      expect(rows(result)[1]).toEqual(['sles15-sp6-db', '29d', 'Running', '192.168.10.51', 'harvester-node-1', 'True', 'True', '']);
    } finally {
      await bundle.close();
    }
  });

  it('falls back to NAME and AGE, and says so, for a custom type with no known columns', async () => {
    const bundle = await workloadsVariant(
      ({ builder, at }) => builder.addObject({ apiVersion: 'whereabouts.cni.cncf.io/v1alpha1', kind: 'IPPool', metadata: { creationTimestamp: at(60), name: '10.10.0.0-24', namespace: 'kube-system' }, spec: { range: '10.10.0.0/24' } }),
      { crds: false },
    );
    try {
      const result = await kubectlGet(bundle, { resources: ['ippools.whereabouts.cni.cncf.io'], namespace: 'kube-system' });
      expect(rows(result)).toEqual([['NAME', 'AGE'], ['10.10.0.0-24', '29d']]);
      expect(result.notes.join('\n')).toMatch(/NAME and AGE are shown/);
    } finally {
      await bundle.close();
    }
  });
});

describe.skipIf(!SAMPLE || !existsSync(join(SAMPLE, 'metadata.yaml')))(`kubectlGet on the real Harvester v1.0 sample (${SAMPLE || 'absent: set BUNDLE_TRIAGE_SAMPLE_V10'})`, () => {
  let bundle: Bundle;
  beforeAll(async () => {
    bundle = await openBundle(SAMPLE);
  });
  afterAll(() => bundle.close());

  it('shows node1 Ready with its roles, AGE counted to the bundle creation (2022-03-22T23:49:32Z)', async () => {
    expect(rows(await kubectlGet(bundle, { resources: ['nodes'] }))).toEqual([
      ['NAME', 'STATUS', 'ROLES', 'AGE', 'VERSION'],
      ['node1', 'Ready', 'control-plane,etcd,master', '16d', 'v1.21.7+rke2r1'],
    ]);
  });

  it('prints RESTARTS as a bare count and Jobs without STATUS, as Kubernetes 1.21 did', async () => {
    const pods = rows(await kubectlGet(bundle, { resources: ['pods'], namespace: 'harvester-system', fieldSelector: 'metadata.name=kube-vip-vchbv' }));
    expect(pods[1]).toEqual(['kube-vip-vchbv', '1/1', 'Running', '4', '16d']);
    const jobs = rows(await kubectlGet(bundle, { resources: ['jobs'], namespace: 'kube-system' }));
    expect(jobs[0]).toEqual(['NAME', 'COMPLETIONS', 'DURATION', 'AGE']);
  });

  it("reads the mcc-harvester bundle's 0/1 and its Modified message", async () => {
    const table = rows(await kubectlGet(bundle, { resources: ['bundles/mcc-harvester'], namespace: 'fleet-local' }));
    expect(table[1]!.slice(0, 2)).toEqual(['mcc-harvester', '0/1']);
    expect(table[1]![2]).toMatch(/^Modified\(1\) \[Cluster fleet-local\/local\]/);
  });

  it('lists old-kit stubs as no objects (items: [])', async () => {
    const result = await kubectlGet(bundle, { resources: ['vm'], namespace: 'default' });
    expect(result.types[0]!.objects).toEqual([]);
  });
});
