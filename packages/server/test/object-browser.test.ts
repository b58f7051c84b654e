/**
 * The object browser's API on the fixtures: get, describe and logs over an analysed bundle, as
 * a ticket bot asks them — the kinds the bundle holds, kubectl's columns with each object's
 * path:line, an object with its conditions, events, owners and the findings citing it, pod and
 * node logs filtered and paged — redacted, refused for path tricks, and 410 once retention
 * removed the bundle file.
 */
import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeOldBundles } from '../src/retention/remove-old-bundles.js';
import { assertBuilt, bundles, S01 } from './helpers/built-server.js';
import { startTestService, type TestService } from './helpers/test-service.js';

const WORKLOADS = join(bundles, 'workloads-v1.4.2');
const POD = 'harvester-network-controller-manager-p2z294f4b-dwz47';
const POD_STATUS_FINGERPRINT = 'b6279015280de0f9';

let service: TestService;
let workloads: string;
let flagship: string;

/** A JSON answer of the service, as the reader role. */
async function get<T = Record<string, unknown>>(path: string): Promise<{ status: number; body: T }> {
  const response = await service.request(path, { as: 'reader' });
  return { status: response.status, body: (await response.json()) as T };
}

/**
 * A request whose path is sent as written: fetch (the WHATWG URL parser) would resolve `..` and
 * `%2e%2e` segments before they reach the service.
 */
function rawGet(path: string): Promise<{ status: number; body: { error: { code: string; message: string } } }> {
  // Pages answer HTML: only the status counts then.
  const url = new URL(service.url);
  return new Promise((resolve, reject) => {
    const request = httpRequest({ host: url.hostname, port: url.port, path, headers: { authorization: `Bearer ${service.tokens.reader}` } }, (response) => {
      let text = '';
      response.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: (text.startsWith('{') ? JSON.parse(text) : { error: { code: '', message: text } }) as { error: { code: string; message: string } } }));
    });
    request.on('error', reject).end();
  });
}

/** A line of a file of the extracted workloads fixture, as it is in the bundle. */
function bundleLine(path: string, line: number): string {
  return readFileSync(join(WORKLOADS, path), 'utf8').split('\n')[line - 1]!;
}

beforeAll(async () => {
  assertBuilt();
  service = await startTestService({ openBundles: { maxOpen: 1, idleCloseMs: 2000 } });
  workloads = (await service.upload(readFileSync(join(bundles, 'workloads-v1.4.2.zip')))).body.analysisId;
  flagship = (await service.upload(readFileSync(join(bundles, 'flagship-v1.4.1.zip')))).body.analysisId;
  await service.finished(workloads);
  await service.finished(flagship);
});
afterAll(() => service?.close());

interface Table {
  type: { name: string; namespaced: boolean };
  namespace: string | null;
  columns: { name: string }[];
  rows: { namespace: string | null; name: string; cells: unknown[]; path: string; line: number; links: { self: string; page: string } }[];
  total: number;
  notes: string[];
}

describe('the kinds a bundle holds', () => {
  it("lists the bundle's types with kubectl's names, in discovery order, and its namespaces and nodes", async () => {
    const analysis = await get<{ links: { objects: string } }>(`/api/analyses/${workloads}`);
    expect(analysis.body.links.objects).toBe(`/api/analyses/${workloads}/objects`);
    const { status, body } = await get<{ types: { name: string; kind: string; shortNames: string[]; namespaced: boolean; files: number }[]; namespaces: string[]; nodes: string[] }>(
      `/api/analyses/${workloads}/objects`,
    );
    expect(status).toBe(200);
    const pods = body.types.find((type) => type.name === 'pods');
    expect(pods).toMatchObject({ kind: 'Pod', shortNames: ['po'], namespaced: true });
    expect(pods!.files).toBeGreaterThan(5);
    expect(body.types.find((type) => type.name === 'jobs.batch')).toMatchObject({ kind: 'Job', namespaced: true });
    expect(body.types.find((type) => type.name === 'nodes')).toMatchObject({ kind: 'Node', namespaced: false });
    // Discovery order: the core group first.
    expect(body.types[0]!.name).not.toContain('.');
    expect(body.namespaces).toEqual(expect.arrayContaining(['harvester-system', 'kube-system', 'longhorn-system']));
    expect(body.nodes).toEqual(['harvester-node-0', 'harvester-node-1', 'harvester-node-2']);
  });
});

describe('get', () => {
  it("answers kubectl's pod columns, each row with the path:line of its list item", async () => {
    const { status, body } = await get<Table>(`/api/analyses/${workloads}/objects/po?namespace=harvester-system`);
    expect(status).toBe(200);
    expect(body.type.name).toBe('pods');
    expect(body.namespace).toBe('harvester-system');
    expect(body.columns.map((column) => column.name)).toEqual(['Name', 'Ready', 'Status', 'Restarts', 'Age']);
    const row = body.rows.find((candidate) => candidate.name === POD)!;
    expect(row.cells.slice(0, 3)).toEqual([POD, '0/1', 'CrashLoopBackOff']);
    expect(row.path).toBe('yamls/namespaced/harvester-system/v1/pods.yaml');
    expect(bundleLine(row.path, row.line)).toMatch(/^- /);
    expect(row.links).toEqual({
      self: `/api/analyses/${workloads}/objects/pods/${POD}?namespace=harvester-system`,
      page: `/analyses/${workloads}/objects/pods/${POD}?namespace=harvester-system`,
    });
  });

  it('lists every namespace unless one is given, with the NAMESPACE column, and pages with limit and offset', async () => {
    const all = await get<Table>(`/api/analyses/${workloads}/objects/jobs`);
    expect(all.body.namespace).toBeNull();
    expect(all.body.columns[0]!.name).toBe('Namespace');
    // RKE2's helm-install Jobs in kube-system and the vm-import-controller Addon's in harvester-system.
    expect([...new Set(all.body.rows.map((row) => row.namespace))].sort()).toEqual(['harvester-system', 'kube-system']);
    expect(all.body.total).toBe(all.body.rows.length);
    const page = await get<Table & { offset: number }>(`/api/analyses/${workloads}/objects/jobs?limit=2&offset=1`);
    expect(page.body.rows.map((row) => row.name)).toEqual(all.body.rows.slice(1, 3).map((row) => row.name));
    expect(page.body).toMatchObject({ total: all.body.total, offset: 1 });
  });

  it('selects with label and field selectors, and refuses one that does not parse', async () => {
    const running = await get<Table>(`/api/analyses/${workloads}/objects/pods?fieldSelector=${encodeURIComponent('status.phase!=Running')}`);
    expect(running.body.rows.length).toBeGreaterThan(0);
    expect(running.body.rows.map((row) => row.cells[2])).not.toContain('Running');
    const labelled = await get<Table>(`/api/analyses/${workloads}/objects/pods?namespace=longhorn-system&labelSelector=${encodeURIComponent('app.kubernetes.io/name=longhorn-manager')}`);
    expect(labelled.body.rows.map((row) => row.name)).toEqual(['longhorn-manager-5f7h8', 'longhorn-manager-bxgnp', 'longhorn-manager-d8dqq']);
    const notIn = await get<Table>(`/api/analyses/${workloads}/objects/pods?namespace=longhorn-system&labelSelector=${encodeURIComponent('app.kubernetes.io/name notin (longhorn-manager,csi-attacher)')}`);
    expect(notIn.body.total).toBe(17 - 6);
    const broken = await get<{ error: { code: string; message: string } }>(`/api/analyses/${workloads}/objects/pods?labelSelector=${encodeURIComponent('app in (a')}`);
    expect(broken.status).toBe(400);
    expect(broken.body.error.code).toBe('INVALID_SELECTOR');
  });

  it('says which type was meant, with close names, for a type the bundle does not know', async () => {
    const { status, body } = await get<{ error: { code: string; message: string } }>(`/api/analyses/${workloads}/objects/podz`);
    expect(status).toBe(404);
    expect(body.error.code).toBe('UNKNOWN_RESOURCE_TYPE');
    expect(body.error.message).toMatch(/the bundle has no resource type "podz" \(did you mean .*pods/);
  });
});

interface Description {
  kind: string;
  namespace: string | null;
  name: string;
  path: string;
  line: number;
  conditions: { type: string; status: string; reason: string }[];
  events: { reason: string; message: string; path: string; line: number }[];
  owners: { kind: string; name: string; path: string | null; line: number | null; links: { self: string; page: string } | null }[];
  sections: { title: string; entries: { text: string; path: string; line: number; finding: { ruleId: string; fingerprint: string; link: string } | null }[] }[];
  logs: { label: string; previous: boolean; links: { self: string; page: string } }[];
  object: { metadata: { name: string } };
  masked: number;
}

describe('describe', () => {
  it('answers the pod with its conditions, events, owner chain, the finding that cites it and its logs', async () => {
    const { status, body } = await get<Description>(`/api/analyses/${workloads}/objects/pods/${POD}?namespace=harvester-system`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ kind: 'Pod', namespace: 'harvester-system', name: POD, path: 'yamls/namespaced/harvester-system/v1/pods.yaml' });
    expect(body.conditions.find((condition) => condition.type === 'Ready')).toMatchObject({ status: 'False', reason: 'ContainersNotReady' });
    expect(body.events.length).toBeGreaterThan(0);
    for (const event of body.events) expect(bundleLine(event.path, event.line)).toMatch(/^- /);
    expect(body.owners.map((owner) => owner.kind)).toEqual(['ReplicaSet', 'Deployment']);
    expect(body.owners[0]!.links!.self).toMatch(new RegExp(`^/api/analyses/${workloads}/objects/replicasets\\.apps/harvester-network-controller-manager-p2z294f4b\\?namespace=harvester-system$`));
    const findings = body.sections.find((section) => section.title === 'Findings')!;
    // The crash loop, the pre-check that fails on the pod, and the generic not-Ready check it explains.
    expect(findings.entries.map((entry) => entry.finding?.ruleId).sort()).toEqual(['pod-crash-looping', 'pod-not-ready', 'precheck-pod-status']);
    const podStatus = findings.entries.find((entry) => entry.finding?.ruleId === 'precheck-pod-status')!;
    expect(podStatus.finding).toEqual(expect.objectContaining({ fingerprint: POD_STATUS_FINGERPRINT, link: `/analyses/${workloads}#finding-${POD_STATUS_FINGERPRINT}` }));
    expect(podStatus).toMatchObject({ path: body.path, line: 447 });
    for (const entry of findings.entries) expect(entry.path).toBe(body.path);
    expect(body.logs.map((log) => [log.label, log.previous])).toEqual([
      ['harvester-network-manager', false],
      ['harvester-network-manager (previous run)', true],
    ]);
    expect(body.object.metadata.name).toBe(POD);
  });

  it("follows an owner's link to the owner's own description", async () => {
    const pod = await get<Description>(`/api/analyses/${workloads}/objects/pods/${POD}?namespace=harvester-system`);
    const replicaSet = await get<Description>(pod.body.owners[0]!.links!.self);
    expect(replicaSet.status).toBe(200);
    expect(replicaSet.body).toMatchObject({ kind: 'ReplicaSet', path: pod.body.owners[0]!.path, line: pod.body.owners[0]!.line });
  });

  it("names the flagship's findings on the Fleet bundle, with its secrets masked", async () => {
    const { body } = await get<Description>(`/api/analyses/${flagship}/objects/bundle.fleet.cattle.io/mcc-harvester?namespace=fleet-local`);
    expect(body.kind).toBe('Bundle');
    const rules = body.sections.find((section) => section.title === 'Findings')!.entries.map((entry) => entry.finding?.ruleId);
    expect(rules).toEqual(expect.arrayContaining([S01, 'precheck-harvester-bundles']));
    expect(body.conditions.find((condition) => condition.type === 'Ready')).toMatchObject({ status: 'False' });
    expect(body.masked).toBeGreaterThan(0);
    expect(JSON.stringify(body)).not.toMatch(/LS0tLS1CRUdJTi/);
  });

  it('says which objects a name starts, where kubectl would describe them all, and 404s a missing one', async () => {
    const prefix = await get<{ error: { code: string; message: string } }>(`/api/analyses/${workloads}/objects/pods/longhorn-manager?namespace=longhorn-system`);
    expect(prefix.status).toBe(404);
    expect(prefix.body.error.message).toMatch(/^pods "longhorn-manager" not found in namespace "longhorn-system": names that start with it: longhorn-manager-/);
    const missing = await get<{ error: { code: string } }>(`/api/analyses/${workloads}/objects/pods/no-such-pod?namespace=harvester-system`);
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('NOT_FOUND');
  });
});

interface Logs {
  source: { kind: string; container: string | null; previous: boolean; file: string | null };
  files: string[];
  logs: { label: string }[];
  lines: { path: string; line: number; time: string | null; text: string }[];
  offset: number;
  nextOffset: number | null;
}

describe('logs', () => {
  const podLogs = (query = '') => get<Logs>(`/api/analyses/${workloads}/logs/pods/harvester-system/${POD}${query}`);

  it("pages a container's log, each line with its path:line in the bundle", async () => {
    const { status, body } = await podLogs();
    expect(status).toBe(200);
    expect(body.source).toMatchObject({ kind: 'pod', container: 'harvester-network-manager', previous: false });
    expect(body.files).toEqual([`logs/harvester-system/${POD}/harvester-network-manager.log`]);
    expect(body.lines.length).toBeGreaterThan(2);
    for (const line of body.lines) expect(bundleLine(line.path, line.line)).toContain(line.text);
    expect(body.lines[0]).toMatchObject({ line: 1, time: '2025-03-12T09:10:07.923Z' });
    const first = await podLogs('?limit=1');
    expect(first.body.lines).toHaveLength(1);
    expect(first.body.nextOffset).toBe(1);
    const second = await podLogs('?limit=1&offset=1');
    expect(second.body.lines[0]!.line).toBe(2);
  });

  it('reads the previous run, filters with --grep and --since, and keeps the last lines with tail', async () => {
    const previous = await podLogs('?previous=true');
    expect(previous.body.files).toEqual([`logs/harvester-system/${POD}/harvester-network-manager.log.1`]);
    const errors = await podLogs(`?grep=${encodeURIComponent('level=(error|fatal)')}`);
    expect(errors.body.lines.length).toBeGreaterThan(0);
    expect(errors.body.lines.every((line) => /level=(error|fatal)/.test(line.text))).toBe(true);
    const all = (await podLogs()).body.lines;
    // The bundle was made at 09:14:07: three minutes before is 09:11:07.
    const recent = await podLogs('?since=3m');
    expect(recent.body.lines.length).toBeLessThan(all.length);
    expect(recent.body.lines.every((line) => line.time === null || line.time >= '2025-03-12T09:11:07.000Z')).toBe(true);
    const tail = await podLogs('?tail=2');
    expect(tail.body.lines.map((line) => line.line)).toEqual(all.slice(-2).map((line) => line.line));
  });

  it('refuses a pattern RE2 cannot run in linear time, and runs a catastrophic one fast', async () => {
    const lookahead = await get<{ error: { code: string; message: string } }>(`/api/analyses/${workloads}/logs/pods/harvester-system/${POD}?grep=${encodeURIComponent('(?=error)')}`);
    expect(lookahead.status).toBe(400);
    expect(lookahead.body.error.code).toBe('BAD_PARAMETER');
    expect(lookahead.body.error.message).toMatch(/^grep: .*RE2/);
    const started = Date.now();
    const catastrophic = await podLogs(`?grep=${encodeURIComponent('^(a+)+$|(x|x)*y')}`);
    expect(catastrophic.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it("lists a node's logs, then reads one", async () => {
    const choices = await get<Logs>(`/api/analyses/${workloads}/logs/nodes/harvester-node-0`);
    expect(choices.status).toBe(200);
    expect(choices.body.lines).toEqual([]);
    expect(choices.body.logs.map((log) => log.label)).toEqual(expect.arrayContaining(['kernel', 'rke2-server', 'kubelet']));
    const rke2 = await get<Logs>(`/api/analyses/${workloads}/logs/nodes/harvester-node-0?file=rke2-server`);
    expect(rke2.body.files).toEqual(['nodes/harvester-node-0.zip!/harvester-node-0/logs/rke2-server.log']);
    expect(rke2.body.lines.length).toBeGreaterThan(0);
    const missing = await get<{ error: { code: string; message: string } }>(`/api/analyses/${workloads}/logs/nodes/harvester-node-0?file=no-such-log`);
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toMatch(/its logs: .*rke2-server/);
  });

  it('says why a previous run is not in the bundle', async () => {
    const { status, body } = await get<{ error: { code: string; message: string } }>(`/api/analyses/${workloads}/logs/pods/cattle-system/rancher-9n2q5zlft-mrps9?previous=true`);
    expect(status).toBe(404);
    expect(body.error.message).toMatch(/previous terminated container "rancher" in pod "rancher-9n2q5zlft-mrps9" not found/);
  });
});

describe('the pages', () => {
  /** A page of the web UI, as the reader. */
  const view = async (path: string) => {
    const response = await service.request(path, { as: 'reader', redirect: 'manual' });
    return { status: response.status, location: response.headers.get('location'), csp: response.headers.get('content-security-policy'), text: await response.text() };
  };

  it('turns the kind picker into the kind\'s own address, and lists its objects linked to their pages', async () => {
    const picked = await view(`/analyses/${workloads}/objects?type=po&namespace=harvester-system&labelSelector=`);
    expect(picked.status).toBe(303);
    expect(picked.location).toBe(`/analyses/${workloads}/objects/po?namespace=harvester-system`);
    const table = await view(picked.location!);
    expect(table.status).toBe(200);
    expect(table.csp).toMatch(/^default-src 'none'; script-src 'self'/);
    expect(table.text).toContain(`<a href="/analyses/${workloads}/objects/pods/${POD}?namespace=harvester-system">${POD}</a>`);
    expect(table.text).toContain('<code>yamls/namespaced/harvester-system/v1/pods.yaml:');
    // Nothing from another origin.
    expect(table.text).not.toMatch(/(src|href)="(https?:)?\/\//);
  });

  it("describes the object with a link to the report's finding, and shows its YAML and its log", async () => {
    const object = await view(`/analyses/${workloads}/objects/pods/${POD}?namespace=harvester-system`);
    expect(object.status).toBe(200);
    expect(object.text).toContain(`<a class="finding-link" href="/analyses/${workloads}#finding-${POD_STATUS_FINGERPRINT}">`);
    expect(object.text).toMatch(/<td>Ready<\/td><td class="s-fail">False<\/td>/);
    const yaml = await view(`/analyses/${workloads}/objects/pods/${POD}?namespace=harvester-system&view=yaml`);
    expect(yaml.text).toMatch(/<pre id="object-yaml" class="yaml">apiVersion: v1\nkind: Pod\nmetadata:/);
    const log = await view(`/analyses/${workloads}/logs/pods/harvester-system/${POD}?previous=true&grep=${encodeURIComponent('level=fatal')}`);
    expect(log.status).toBe(200);
    expect(log.text).toContain('harvester-network-manager.log.1:');
    expect(log.text).toContain('level=fatal');
    expect(log.text).not.toContain('level=info');
  });

  it('says on the page why it cannot show something, with the status', async () => {
    const unknown = await view(`/analyses/${workloads}/objects/podz`);
    expect(unknown.status).toBe(404);
    expect(unknown.text).toContain('the bundle has no resource type &quot;podz&quot;');
    const hostile = await rawGet(`/analyses/${workloads}/objects/pods/..`);
    expect(hostile.status).toBe(400);
    const grep = await view(`/analyses/${workloads}/logs/pods/harvester-system/${POD}?grep=${encodeURIComponent('(?<=x)y')}`);
    expect(grep.status).toBe(400);
    expect(grep.text).toContain('grep: ');
    expect((await view(`/analyses/not-an-id/objects`)).status).toBe(404);
  });
});

describe('the open bundles', () => {
  it('keeps at most the configured number of bundles open while two are browsed in turn', async () => {
    for (const id of [workloads, flagship, workloads, flagship]) {
      const answers = await Promise.all([get(`/api/analyses/${id}/objects/pods?namespace=harvester-system`), get(`/api/analyses/${id === workloads ? flagship : workloads}/objects/nodes`)]);
      expect(answers.map((answer) => answer.status)).toEqual([200, 200]);
      expect(service.service.bundles.size).toBeLessThanOrEqual(1);
    }
  });
});

describe('hostile parameters', () => {
  it.each([
    ['a type with a path', `/objects/${encodeURIComponent('../../etc')}`],
    ['a name with ..', `/objects/pods/${encodeURIComponent('..')}`],
    ['a name with a slash', `/objects/pods/${encodeURIComponent('a/../../b')}?namespace=default`],
    ['a name with a NUL', `/objects/pods/${encodeURIComponent('a\u0000b')}`],
    ['a namespace with a path', `/objects/pods?namespace=${encodeURIComponent('../kube-system')}`],
    ['a namespace in upper case', `/objects/pods?namespace=KUBE-SYSTEM`],
    ['a container with a path', `/logs/pods/harvester-system/${POD}?container=${encodeURIComponent('../../../../etc/passwd')}`],
    ['a pod log namespace of dots', `/logs/pods/%2e%2e/${POD}`],
    ['a node file with ..', `/logs/nodes/harvester-node-0?file=${encodeURIComponent('../../../../etc/passwd')}`],
    ['an absolute node file', `/logs/nodes/harvester-node-0?file=${encodeURIComponent('/etc/passwd')}`],
    ['a node of dots', `/logs/nodes/%2E%2E`],
    ['a type of dots', `/objects/%2e%2e/passwd`],
    ['a name of dots', `/objects/pods/..`],
    ['a selector with a newline', `/objects/pods?labelSelector=${encodeURIComponent('a=b\nc=d')}`],
    ['a grep longer than allowed', `/logs/pods/harvester-system/${POD}?grep=${'a'.repeat(600)}`],
  ])('refuses %s with a 400', async (_what, path) => {
    const { status, body } = await rawGet(`/api/analyses/${workloads}${path}`);
    expect(status).toBe(400);
    expect(body.error.code).toBe('BAD_REQUEST');
  });

  it('refuses an analysis id that is not one, and an object name longer than any Kubernetes name', async () => {
    expect((await get(`/api/analyses/${encodeURIComponent('../etc')}/objects`)).status).toBe(400);
    // Past the router's longest parameter: refused before any route runs (414).
    expect([400, 414]).toContain((await get(`/api/analyses/${workloads}/objects/pods/${'a'.repeat(300)}`)).status);
    expect((await get(`/api/analyses/${workloads}/objects/pods/${'a'.repeat(254)}`)).status).toBe(400);
  });

  it('needs a token', async () => {
    expect((await service.request(`/api/analyses/${workloads}/objects`, { as: null })).status).toBe(401);
  });
});

describe('OpenAPI', () => {
  it('documents the object routes for the reader role', async () => {
    const document = (await (await service.request('/api/openapi.json', { as: 'reader' })).json()) as { paths: Record<string, { get: { tags: string[] } }> };
    for (const path of ['/api/analyses/{id}/objects', '/api/analyses/{id}/objects/{type}', '/api/analyses/{id}/objects/{type}/{name}', '/api/analyses/{id}/logs/pods/{namespace}/{pod}', '/api/analyses/{id}/logs/nodes/{node}']) {
      expect(document.paths[path]?.get.tags, path).toEqual(['objects']);
    }
  });
});

// Last: retention removes the file of every bundle uploaded so far.
describe('bundles that cannot be browsed', () => {
  it('answers 410 when the file is gone from the store though no retention here recorded it (another process removed it)', async () => {
    const { body } = await service.upload(readFileSync(join(bundles, 'flagship-v1.4.1-fixed.zip')));
    await service.finished(body.analysisId);
    const analysis = (await service.service.store.getAnalysis(body.analysisId))!;
    // With one bundle open at most, reading another closes this one if it was open.
    expect((await get(`/api/analyses/${workloads}/objects`)).status).toBe(200);
    await service.service.files.removeBundle(service.service.files.bundleKey(analysis.bundleSha256, analysis.format));
    const gone = await get<{ error: { code: string; message: string } }>(`/api/analyses/${body.analysisId}/objects/pods`);
    expect(gone.status).toBe(410);
    expect(gone.body.error.message).toBe(`the objects and logs of analysis ${body.analysisId} cannot be shown: its bundle file is no longer in the store; the report is still there (/analyses/${body.analysisId})`);
  });

  it('answers 410 once retention removed the bundle file, while the report is still there', async () => {
    const { body } = await service.upload(readFileSync(join(bundles, 'healthy-v1.4.1-1node.zip')));
    await service.finished(body.analysisId);
    expect((await get(`/api/analyses/${body.analysisId}/objects/pods?namespace=harvester-system`)).status).toBe(200);
    await removeOldBundles(service.service.store, service.service.files, 1, () => {}, new Date(Date.now() + 2 * 24 * 3600 * 1000));
    for (const path of ['/objects', '/objects/pods', '/objects/nodes/harvester-node-0', '/logs/nodes/harvester-node-0']) {
      const gone = await get<{ error: { code: string; message: string } }>(`/api/analyses/${body.analysisId}${path}`);
      expect(gone.status, path).toBe(410);
      expect(gone.body.error).toEqual({
        code: 'BUNDLE_REMOVED',
        message: `the objects and logs of analysis ${body.analysisId} cannot be shown: its bundle file was removed by retention; the report is still there (/analyses/${body.analysisId})`,
      });
    }
    expect((await service.request(`/api/analyses/${body.analysisId}/report`)).status).toBe(200);
    const page = await service.request(`/analyses/${body.analysisId}/objects/pods`, { as: 'reader' });
    expect(page.status).toBe(410);
    expect(await page.text()).toContain(`<a href="/analyses/${body.analysisId}">Back to the report</a>`);
  });

  it('answers 409 for an analysis that ended in an error', async () => {
    const broken = await service.upload(Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(64)]));
    await service.finished(broken.body.analysisId);
    const { status, body } = await get<{ error: { code: string; message: string } }>(`/api/analyses/${broken.body.analysisId}/objects`);
    expect(status).toBe(409);
    expect(body.error.code).toBe('NOT_READY');
  });

});
