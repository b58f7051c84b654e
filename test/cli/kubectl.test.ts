// get, describe and logs run as a user runs them: the built CLI, on the workloads fixture in
// each packaging, on a generated bundle with planted secrets, and on the real v1.0 sample.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { load as parseYaml } from 'js-yaml';
import { workloadsNames } from '../../packages/core/src/kubectl/test-bundles.js';
import { generateHealthyCluster, addWorkloadHistory } from '../../testdata/generator/index.js';
import { assertBuilt, CLI_TEST_TIMEOUT_MS, expectOneLineError, repositoryRoot, runCli, temporaryFolder } from './run-cli.js';

vi.setConfig({ testTimeout: CLI_TEST_TIMEOUT_MS });
beforeAll(assertBuilt);

const WORKLOADS = {
  zip: 'testdata/bundles/workloads-v1.4.2.zip',
  tarGz: 'testdata/bundles/workloads-v1.4.2.tar.gz',
  folder: 'testdata/bundles/workloads-v1.4.2',
};
/** Generated names (pods get random suffixes), from the generator that made the fixture. */
const NAMES = workloadsNames();
const CRASHLOOP = NAMES.crashLoopPod;

describe.each([
  ['zip', WORKLOADS.zip],
  ['tar.gz', WORKLOADS.tarGz],
  ['folder', WORKLOADS.folder],
])('get, describe and logs on the workloads bundle as a %s', (_packaging, bundle) => {
  it('get prints kubectl\'s aligned pod table on stdout and nothing on stderr', async () => {
    const run = await runCli(['get', bundle, 'pods', '-n', 'harvester-system']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const [header, ...rows] = run.stdout.split('\n');
    expect(header).toMatch(/^NAME +READY +STATUS +RESTARTS +AGE$/);
    const row = rows.find((line) => line.startsWith(`${CRASHLOOP} `))!;
    expect(row).toMatch(/^\S+ +0\/1 +CrashLoopBackOff +14 \(3m ago\) +29d$/);
    // Aligned: each column starts where its header does, three spaces after the widest cell.
    for (const [title, cell] of [['READY', '0/1'], ['STATUS', 'CrashLoopBackOff'], ['RESTARTS', '14 (3m ago)'], ['AGE', '29d']] as const) {
      expect(row.indexOf(cell)).toBe(header!.indexOf(title));
    }
    expect(header!.indexOf('READY')).toBe(Math.max(...rows.filter(Boolean).map((line) => line.indexOf(' ')), 'NAME'.length) + 3);
  });

  it('describe shows conditions, the owner chain and the events, with the bundle path', async () => {
    const run = await runCli(['describe', bundle, `pod/${CRASHLOOP}`, '-n', 'harvester-system']);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[0]).toBe(`Name:         ${CRASHLOOP}`);
    expect(run.stdout).toContain(`\nControlled By:  ReplicaSet/${NAMES.crashLoopReplicaSet}\n`);
    expect(run.stdout).toMatch(/^ {2}Warning {2}BackOff {2}60s \(x397 over 92m\) {2}kubelet {2}Back-off restarting/m);
    expect(run.stdout).toMatch(/^Bundle Path: {2}yamls\/namespaced\/harvester-system\/v1\/pods\.yaml:\d+$/m);
    // The findings about the pod and its timeline, with its own log lines.
    // Its own crash loop first, then the pre-check that lists it, then the not-ready check it explains.
    const findings = /^Findings:\n((?: {2}.*\n)+)/m.exec(run.stdout)?.[1]?.trimEnd().split('\n') ?? [];
    expect(findings).toEqual([
      expect.stringMatching(new RegExp(`^ {2}FAIL high pod-crash-looping: pod harvester-system/${CRASHLOOP} is crash-looping: container harvester-network-manager in CrashLoopBackOff after 14 restart\\(s\\), .* yamls/namespaced/harvester-system/v1/pods\\.yaml:\\d+$`)),
      expect.stringMatching(/^ {2}FAIL high precheck-pod-status: Pod-Status Test: Failed .* yamls\/namespaced\/harvester-system\/v1\/pods\.yaml:\d+$/),
      expect.stringMatching(/^ {2}INFO high pod-not-ready: .*\(explained by pod-crash-looping\) +yamls\/namespaced\/harvester-system\/v1\/pods\.yaml:\d+$/),
    ]);
    expect(run.stdout).toMatch(/^ {2}2025-03-12T09:11:07Z ERROR Pod harvester-system\/\S+ container harvester-network-manager previous instance terminated: Error, exit code 1 \(14 restarts\) +yamls\/namespaced\/harvester-system\/v1\/pods\.yaml:\d+$/m);
    expect(run.stdout).toMatch(/^ {2}2025-03-12T09:11:07\.106000000Z ERROR last log line: network controller manager exited: leader election lost \(×2\) +logs\/harvester-system\/\S+\/harvester-network-manager\.log:4$/m);
  });

  it('describe --no-findings leaves the findings and the timeline out', async () => {
    const run = await runCli(['describe', bundle, `pod/${CRASHLOOP}`, '-n', 'harvester-system', '--no-findings']);
    expect(run.code).toBe(0);
    expect(run.stdout).not.toMatch(/^(Findings|Timeline):/m);
  });

  it("logs prints the container's previous run, and a node's journal", async () => {
    const previous = await runCli(['logs', bundle, CRASHLOOP, '-n', 'harvester-system', '--previous', '--tail', '1']);
    expect(previous.code).toBe(0);
    expect(previous.stdout).toBe('time="2025-03-12T09:06:07Z" level=fatal msg="network controller manager exited: leader election lost"\n');
    const node = await runCli(['logs', bundle, 'node/harvester-node-0', 'rke2-server', '--tail', '1', '--with-path']);
    expect(node.code).toBe(0);
    expect(node.stdout).toMatch(/^nodes\/harvester-node-0(\.zip!\/harvester-node-0)?\/logs\/rke2-server\.log:\d+: Feb 10 \d\d:\d\d:\d\d\.\d{6} harvester-node-0 rke2\[2100\]: .*rke2 is up and running"\n$/);
  });
});

describe('get', () => {
  it('takes the bundle from --bundle or BUNDLE_TRIAGE_BUNDLE, then every argument is a resource', async () => {
    const fromArgument = await runCli(['get', WORKLOADS.zip, 'vm', '-n', 'default']);
    const fromOption = await runCli(['get', '--bundle', WORKLOADS.zip, 'vm', '-n', 'default']);
    const fromEnvironment = await runCli(['get', 'vm', '-n', 'default'], { env: { BUNDLE_TRIAGE_BUNDLE: WORKLOADS.zip } });
    expect(fromArgument.stdout).toBe('NAME               AGE   STATUS    READY\nsles15-sp6-db      29d   Running   True\nubuntu-2204-web    29d   Running   True\nwin2022-jumphost   29d   Stopped   False\n');
    expect(fromOption.stdout).toBe(fromArgument.stdout);
    expect(fromEnvironment.stdout).toBe(fromArgument.stdout);
  });

  it('refuses, when BUNDLE_TRIAGE_BUNDLE is set, a first argument that looks like a bundle, saying why', async () => {
    const run = await runCli(['get', WORKLOADS.tarGz, 'pods'], { env: { BUNDLE_TRIAGE_BUNDLE: WORKLOADS.zip } });
    expect(run.code).toBe(2);
    expect(expectOneLineError(run.stderr)).toBe(`bundle-triage: usage: ${WORKLOADS.tarGz}: BUNDLE_TRIAGE_BUNDLE is set (${WORKLOADS.zip}), so every argument is a resource; use --bundle to name another bundle (see bundle-triage get --help)`);
  });

  it('says "No resources found in <ns> namespace." on stderr and exits 0, with a note when the namespace was not collected', async () => {
    const run = await runCli(['get', WORKLOADS.zip, 'pods', '-n', 'production-vms']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      'bundle-triage: note: namespace production-vms exists in the cluster but the support bundle did not collect it (add it to the bundle\'s namespaces in Harvester to see its objects)\n' +
        'No resources found in production-vms namespace.\n',
    );
  });

  it('notes which group a name several groups use was taken as (settings), unless --quiet', async () => {
    const run = await runCli(['get', WORKLOADS.zip, 'settings', 'server-version']);
    expect(run.stdout).toBe('NAME             VALUE\nserver-version   v1.4.2\n');
    expect(run.stderr).toMatch(/^bundle-triage: note: "settings" also names settings\.longhorn\.io, settings\.management\.cattle\.io; like kubectl, this shows settings\.harvesterhci\.io/);
    expect((await runCli(['get', WORKLOADS.zip, 'settings', 'server-version', '-q'])).stderr).toBe('');
  });

  it('exits 4 with kubectl\'s NotFound line for an object the bundle does not hold', async () => {
    const run = await runCli(['get', WORKLOADS.zip, 'po/nope', '-n', 'harvester-system']);
    expect(run.code).toBe(4);
    expect(expectOneLineError(run.stderr)).toBe('bundle-triage: Error from bundle (NotFound): pods "nope" not found in namespace "harvester-system"');
  });

  it('refuses an unknown type with close names, in one line, exit 2', async () => {
    const run = await runCli(['get', WORKLOADS.zip, 'vmz']);
    expect(run.code).toBe(2);
    expect(expectOneLineError(run.stderr)).toMatch(/^bundle-triage: error: the bundle has no resource type "vmz" \(did you mean vm, /);
  });

  it('prints one named object as YAML, quoting what YAML 1.1 would read as another type', async () => {
    const run = await runCli(['get', WORKLOADS.zip, 'svc/ingress-expose', '-n', 'kube-system', '-o', 'yaml']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('creationTimestamp: "2025-02-10T09:22:07Z"');
    const service = parseYaml(run.stdout) as { kind: string; status: { loadBalancer: { ingress: { ip: string }[] } } };
    expect(service.kind).toBe('Service');
    expect(service.status.loadBalancer.ingress[0]!.ip).toBe('192.168.122.100');
  });

  it('prints several objects as a List in JSON (4-space indent), without managedFields unless asked', async () => {
    const run = await runCli(['get', WORKLOADS.zip, 'pods', '-n', 'kube-system', '-l', 'helmcharts.helm.cattle.io/chart', '-o', 'json']);
    const list = JSON.parse(run.stdout) as { kind: string; items: { metadata: Record<string, unknown> }[] };
    expect(list.kind).toBe('List');
    expect(list.items).toHaveLength(5);
    expect(run.stdout).toMatch(/^ {4}"apiVersion": "v1",$/m);
    const kept = JSON.parse((await runCli(['get', WORKLOADS.zip, `pod/${CRASHLOOP}`, '-n', 'harvester-system', '-o', 'json', '--show-managed-fields'])).stdout);
    expect(kept.metadata.managedFields).toHaveLength(2);
    expect(list.items.every((item) => !('managedFields' in item.metadata))).toBe(true);
  });

  it('prints -o name as kind.group/name', async () => {
    const run = await runCli(['get', WORKLOADS.zip, 'vm,pvc', '-n', 'default', '-o', 'name']);
    expect(run.stdout).toBe(
      `virtualmachine.kubevirt.io/sles15-sp6-db\nvirtualmachine.kubevirt.io/ubuntu-2204-web\nvirtualmachine.kubevirt.io/win2022-jumphost\n${NAMES.claims.map((claim) => `persistentvolumeclaim/${claim}\n`).join('')}`,
    );
  });

  it('refuses an output format it does not have', async () => {
    const run = await runCli(['get', WORKLOADS.zip, 'pods', '-o', 'jsonpath={.items}']);
    expect(run.code).toBe(2);
    expectOneLineError(run.stderr);
  });

  it('reads a zip from stdin as "-"', async () => {
    const run = await runCli(['get', '-', 'nodes'], { stdin: readFileSync(join(repositoryRoot, WORKLOADS.zip)) });
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[1]).toMatch(/^harvester-node-0 {3}Ready {4}control-plane,etcd,master {3}29d {3}v1\.31\.4\+rke2r1$/);
  });
});

describe('describe and logs: what the bundle does not hold', () => {
  it('describe exits 4 for a missing object', async () => {
    const run = await runCli(['describe', WORKLOADS.zip, 'vm/nope']);
    expect(run.code).toBe(4);
    expect(expectOneLineError(run.stderr)).toBe('bundle-triage: Error from bundle (NotFound): virtualmachines.kubevirt.io "nope" not found in namespace "default"');
  });

  it("logs --previous of a container that never restarted says so, exit 4", async () => {
    const run = await runCli(['logs', WORKLOADS.zip, NAMES.quietPod, '-n', 'harvester-system', '-p']);
    expect(run.code).toBe(4);
    expect(expectOneLineError(run.stderr)).toContain(`previous terminated container "virt-handler" in pod "${NAMES.quietPod}" not found: it has not restarted`);
  });

  it('logs --grep refuses a pattern that is not linear-time (RE2), exit 2', async () => {
    const run = await runCli(['logs', WORKLOADS.zip, CRASHLOOP, '-n', 'harvester-system', '--grep', '(a)\\1']);
    expect(run.code).toBe(2);
    expect(expectOneLineError(run.stderr)).toMatch(/^bundle-triage: usage: --grep: .*RE2/);
  });

  it("logs deploy/<name> reads that controller's pod, --grep and --since filter, --prefix names the source", async () => {
    const run = await runCli(['logs', WORKLOADS.zip, 'deploy/harvester-network-controller-manager', '-n', 'harvester-system', '--grep', 'level=(error|fatal)', '--since', '3m30s', '--prefix']);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n').filter(Boolean).map((line) => line.slice(0, 96))).toEqual([
      `[pod/${CRASHLOOP}/harvester-network-manager] time="2025-03-12T09:11:07Z" level=err`.slice(0, 96),
      `[pod/${CRASHLOOP}/harvester-network-manager] time="2025-03-12T09:11:07Z" level=fat`.slice(0, 96),
    ]);
  });
});

describe('kubectl logs and get options read as kubectl reads them', () => {
  const pod = ['logs', WORKLOADS.zip, CRASHLOOP, '-n', 'harvester-system'];

  it('--since 0 and --tail=-1 are no limit; --tail -1 says how to write a value starting with a dash', async () => {
    const all = await runCli(pod);
    expect(all.code).toBe(0);
    expect(all.stdout.length).toBeGreaterThan(0);
    expect((await runCli([...pod, '--since', '0'])).stdout).toBe(all.stdout);
    expect((await runCli([...pod, '--tail=-1'])).stdout).toBe(all.stdout);
    const detached = await runCli([...pod, '--tail', '-1']);
    expect(detached.code).toBe(2);
    expect(expectOneLineError(detached.stderr)).toMatch(/--tail: needs a value \(one starting with "-" is written --tail=<value>\)/);
  });

  it('a malformed --since is the only line on stderr: refused before the bundle is read', async () => {
    const run = await runCli(['logs', WORKLOADS.zip, 'deploy/harvester-network-controller-manager', '-n', 'harvester-system', '--since', '1d']);
    expect(run.code).not.toBe(0);
    expect(expectOneLineError(run.stderr)).toMatch(/--since: "1d" is neither a duration/);
  });

  it('a type without a bundle says no bundle is named, not what to get', async () => {
    const run = await runCli(['get', 'vm'], { env: { BUNDLE_TRIAGE_BUNDLE: '' } });
    expect(run.code).toBe(2);
    expect(expectOneLineError(run.stderr)).toMatch(/vm: is not a bundle \(no such file or folder\) and no bundle is named otherwise/);
  });

  it('node/ without a node name asks for one', async () => {
    const run = await runCli(['logs', WORKLOADS.zip, 'node/']);
    expect(run.code).toBe(2);
    expect(expectOneLineError(run.stderr)).toMatch(/node\/: say which node: node\/<node> <log>/);
  });

  it('-c with --all-containers is refused, as kubectl refuses it', async () => {
    const run = await runCli([...pod, '-c', 'harvester-network-manager', '--all-containers']);
    expect(run.code).toBe(2);
    expect(expectOneLineError(run.stderr)).toMatch(/--container: give --container or --all-containers, not both/);
  });

  it('get and describe: -A wins over -n', async () => {
    const all = await runCli(['get', WORKLOADS.zip, 'pods', '-A', '-o', 'name']);
    expect(all.code).toBe(0);
    expect((await runCli(['get', WORKLOADS.zip, 'pods', '-n', 'harvester-system', '-A', '-o', 'name'])).stdout).toBe(all.stdout);
    const described = await runCli(['describe', WORKLOADS.zip, `pod/${CRASHLOOP}`, '-n', 'default', '-A', '--no-findings']);
    expect(described.code).toBe(0);
    expect(described.stdout).toContain(`Name:`);
  });
});

describe('secrets in the output are masked unless --no-redact', () => {
  const CANARY = { token: 'canary-cm-token-7c2e1a', password: 'Canary-Chart-Passw0rd-9f3', bearer: 'canaryBearerTok3n5t4r3q2pZ' } as const;
  const temp = temporaryFolder('kubectl-canary');
  const bundle = join(temp.path, 'canary');
  afterAll(temp.remove);
  beforeAll(() => {
    const cluster = generateHealthyCluster({ harvesterVersion: 'v1.4.2', nodes: 1, seed: 77 });
    addWorkloadHistory(cluster);
    cluster.builder.addObject({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'canary-settings', namespace: 'harvester-system' }, data: { 'api-token': CANARY.token, 'log-level': 'info' } });
    cluster.builder.updateObject('helm.cattle.io/v1', 'HelmChart', 'kube-system', 'rke2-canal', (chart) => {
      (chart.spec as Record<string, unknown>).valuesContent = `global:\n  adminPassword: ${CANARY.password}\n`;
    });
    const pod = cluster.builder.listObjects('v1', 'Pod', 'harvester-system').find((candidate) => candidate.metadata.name.startsWith('harvester-webhook-'))!;
    cluster.builder.addPodLog('harvester-system', pod.metadata.name, 'harvester-webhook', [`E0312 08:14:07.123456 1 webhook.go:88] Authorization: Bearer ${CANARY.bearer} rejected`]);
    cluster.builder.writeDirectory(bundle);
  });

  it('in get -o yaml|json, describe and logs', async () => {
    const pod = (await runCli(['get', bundle, 'pods', '-n', 'harvester-system', '-o', 'name'])).stdout.split('\n').find((line) => line.startsWith('pod/harvester-webhook-'))!;
    const outputs = await Promise.all([
      runCli(['get', bundle, 'cm/canary-settings', '-n', 'harvester-system', '-o', 'yaml']),
      runCli(['get', bundle, 'cm', 'canary-settings', '-n', 'harvester-system', '-o', 'json']),
      runCli(['describe', bundle, 'helmchart/rke2-canal', '-n', 'kube-system']),
      runCli(['logs', bundle, pod, '-n', 'harvester-system']),
    ]);
    for (const run of outputs) {
      expect(run.code).toBe(0);
      for (const secret of Object.values(CANARY)) expect(run.stdout).not.toContain(secret);
    }
    expect(JSON.parse(outputs[1]!.stdout).data['log-level']).toBe('info');
    expect(outputs[3]!.stdout).toContain('Authorization: Bearer ***');
  });

  it('and shown as they are with --no-redact', async () => {
    const yaml = await runCli(['get', bundle, 'cm/canary-settings', '-n', 'harvester-system', '-o', 'yaml', '--no-redact']);
    const described = await runCli(['describe', bundle, 'helmchart/rke2-canal', '-n', 'kube-system', '--no-redact']);
    expect(yaml.stdout).toContain(CANARY.token);
    expect(described.stdout).toContain(CANARY.password);
  });
});

const SAMPLE = process.env.BUNDLE_TRIAGE_SAMPLE_V10 ?? '';
describe.skipIf(!SAMPLE || !existsSync(join(SAMPLE, 'metadata.yaml')))(`on the real Harvester v1.0 sample (${SAMPLE || 'absent: set BUNDLE_TRIAGE_SAMPLE_V10'})`, () => {
  it('get nodes and the mcc-harvester bundle', async () => {
    const nodes = await runCli(['get', SAMPLE, 'nodes']);
    expect(nodes.stdout).toBe('NAME    STATUS   ROLES                       AGE   VERSION\nnode1   Ready    control-plane,etcd,master   16d   v1.21.7+rke2r1\n');
    const bundles = await runCli(['get', SAMPLE, 'bundles', 'mcc-harvester', '-n', 'fleet-local']);
    expect(bundles.stdout).toMatch(/^mcc-harvester {3}0\/1 {23}Modified\(1\) \[Cluster fleet-local\/local\]; configmap\.v1 longhorn-system\/longhorn-storageclass missing$/m);
  });

  it('describe a pod with its events and logs of one of its containers', async () => {
    const described = await runCli(['describe', SAMPLE, 'pods', 'supportbundle-manager-bundle-o3n28', '-n', 'harvester-system']);
    expect(described.code).toBe(0);
    expect(described.stdout).toMatch(/^ {2}Normal {2}Pulling .*support-bundle-kit:master-head/m);
    const logs = await runCli(['logs', SAMPLE, 'supportbundle-manager-bundle-o3n28-7d6d44c544-ndn25', '-n', 'harvester-system', '--tail', '2']);
    expect(logs.code).toBe(0);
    expect(logs.stdout.split('\n').filter(Boolean)).toHaveLength(2);
  });

  it("reads a node's journal, and the old kit's wicked.log as it is (a header and no entries)", async () => {
    const iscsid = await runCli(['logs', SAMPLE, 'node/node1', 'iscsid', '--tail', '1']);
    expect(iscsid.stdout).toBe('Mar 06 22:45:28 node1 systemd[1]: Stopped Open-iSCSI.\n');
    const wicked = await runCli(['logs', SAMPLE, 'node/node1', 'wicked']);
    expect(wicked.stdout).toBe('-- Logs begin at Sun 2022-03-06 22:45:10 UTC, end at Tue 2022-03-22 23:56:05 UTC. --\n-- No entries --\n');
  });
});
