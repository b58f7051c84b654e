import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBundle, type Bundle } from '../bundle.js';
import { BadRequestError, NotInBundleError } from './kubectl-errors.js';
import { readLogLines, type BundleLogLine } from './log-lines.js';
import { parseGoDuration, parseSince } from './log-since.js';
import { selectNodeLog } from './node-logs.js';
import { selectPodLogs } from './pod-logs.js';
import { podForController } from './pods-of-controller.js';
import { WORKLOADS, workloadsVariant, workloadsNames } from './test-bundles.js';

const NAMES = workloadsNames();
const CRASHLOOP = NAMES.crashLoopPod;

async function collect(lines: AsyncIterable<BundleLogLine>): Promise<BundleLogLine[]> {
  const out: BundleLogLine[] = [];
  for await (const line of lines) out.push(line);
  return out;
}

describe.each([
  ['zip', WORKLOADS.zip],
  ['tar.gz', WORKLOADS.tarGz],
  ['folder', WORKLOADS.folder],
])('pod and node logs from the workloads bundle as a %s', (_packaging, path) => {
  let bundle: Bundle;
  beforeAll(async () => {
    bundle = await openBundle(path);
  });
  afterAll(() => bundle.close());

  it("reads a container's log with each line's path:line, the timestamp split off", async () => {
    const { sources } = await selectPodLogs(bundle, { namespace: 'harvester-system', pod: CRASHLOOP });
    const lines = await collect(readLogLines(sources));
    expect(lines).toHaveLength(4);
    expect(lines[3]).toMatchObject({
      path: `logs/harvester-system/${CRASHLOOP}/harvester-network-manager.log`,
      line: 4,
      text: expect.stringMatching(/^time="[^"]+" level=fatal msg="network controller manager exited/),
    });
  });

  it('reads the previous run from <container>.log.1', async () => {
    const { sources } = await selectPodLogs(bundle, { namespace: 'harvester-system', pod: CRASHLOOP, previous: true });
    expect(sources.map((source) => source.file.path)).toEqual([`logs/harvester-system/${CRASHLOOP}/harvester-network-manager.log.1`]);
  });

  it('defaults to the first container and says so when the pod has several, as kubectl does', async () => {
    const selection = await selectPodLogs(bundle, { namespace: 'longhorn-system', pod: NAMES.restartedPod.name });
    expect(selection.sources.map((source) => (source.kind === 'pod' ? source.container : ''))).toEqual(['longhorn-manager']);
    expect(selection.notes).toEqual(['Defaulted container "longhorn-manager" out of: longhorn-manager, pre-pull-share-manager-image']);
  });

  it('says the container never restarted when asked for a previous run it does not have', async () => {
    const error = await selectPodLogs(bundle, { namespace: 'harvester-system', pod: NAMES.quietPod, previous: true }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NotInBundleError);
    expect((error as Error).message).toBe(`previous terminated container "virt-handler" in pod "${NAMES.quietPod}" not found: it has not restarted (restartCount 0), so there is no previous run`);
  });

  it('filters with a linear-time pattern, --since the bundle creation, and --tail', async () => {
    const { sources } = await selectPodLogs(bundle, { namespace: 'harvester-system', pod: CRASHLOOP });
    const grep = /level=(error|fatal)/;
    expect((await collect(readLogLines(sources, { grep }))).map((line) => line.line)).toEqual([3, 4]);
    const created = Date.parse((await bundle.facts()).createdAt!);
    expect((await collect(readLogLines(sources, { since: parseSince('3m30s', created) }))).map((line) => line.line)).toEqual([3, 4]);
    expect((await collect(readLogLines(sources, { tail: 1 }))).map((line) => line.line)).toEqual([4]);
  });

  it('picks the pod behind svc/<name> by its selector, as kubectl does (a Service owns no pod)', async () => {
    const pod = (await bundle.resources({ group: '', resource: 'pods', namespace: 'harvester-system' })).find((candidate) => candidate.metadata.name === CRASHLOOP)!;
    const labels = pod.metadata.labels as Record<string, string>;
    const variant = await workloadsVariant(({ builder }) => {
      builder.addObject({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'network-metrics', namespace: 'harvester-system' }, spec: { selector: labels, ports: [{ port: 8080 }] } });
      builder.addObject({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'external-db', namespace: 'harvester-system' }, spec: { type: 'ExternalName', externalName: 'db.example.com' } });
    });
    try {
      expect((await podForController(variant, 'svc/network-metrics', 'harvester-system')).pod.metadata.name).toBe(CRASHLOOP);
      await expect(podForController(variant, 'svc/external-db', 'harvester-system')).rejects.toThrow(/services "external-db" has no selector/);
    } finally {
      await variant.close();
    }
  });

  it("picks a controller's pod for deploy/<name>", async () => {
    const { pod, found } = await podForController(bundle, 'deploy/harvester-network-controller-manager', 'harvester-system');
    expect([pod.metadata.name, found]).toEqual([CRASHLOOP, 1]);
  });

  it("reads a node's journal log by its short name", async () => {
    const { sources } = await selectNodeLog(bundle, { node: 'harvester-node-0', file: 'rke2-server' });
    const lines = await collect(readLogLines(sources, { tail: 1 }));
    expect(lines[0]!.path).toMatch(/^nodes\/harvester-node-0(\.zip!\/harvester-node-0|)\/logs\/rke2-server\.log$/);
    expect(lines[0]!.time).toBeTypeOf('number');
  });

  it('dates kubelet.log and containerd.log lines by the time inside them, so --since filters them too', async () => {
    const created = Date.parse((await bundle.facts()).createdAt!);
    for (const file of ['kubelet', 'containerd']) {
      const { sources } = await selectNodeLog(bundle, { node: 'harvester-node-0', file });
      const all = await collect(readLogLines(sources));
      expect(all.length, file).toBeGreaterThan(0);
      // klog's I0210 09:15:17 takes the bundle's year, as the journal's stamps do.
      expect(all.every((line) => typeof line.time === 'number' && new Date(line.time).getUTCFullYear() === 2025), file).toBe(true);
      expect(all[0]!.text).toBe(all[0]!.raw);
      // Every line of the generated node logs is from the node's install, a month before the bundle.
      expect(await collect(readLogLines(sources, { since: parseSince('10m', created) })), file).toEqual([]);
    }
  });

  it("lists a node's logs when the one asked for is not there", async () => {
    await expect(selectNodeLog(bundle, { node: 'harvester-node-0', file: 'nope' })).rejects.toThrow(/its logs: .*kernel.*rke2-server/);
  });
});

describe('node logs of a bundle opened on demand', () => {
  it('opens the node bundles to read a node log, and only the node bundles', async () => {
    const whole = await openBundle(WORKLOADS.zip);
    const onDemand = await openBundle(WORKLOADS.zip, { nestedArchives: 'when-needed' });
    try {
      const read = async (bundle: Bundle) => collect(readLogLines((await selectNodeLog(bundle, { node: 'harvester-node-0', file: 'kernel' })).sources));
      expect(onDemand.index.unopened.nodeBundles).toBe(true);
      const lines = await read(onDemand);
      expect(lines.length).toBeGreaterThan(0);
      expect(lines).toEqual(await read(whole));
      expect(onDemand.index.unopened).toEqual({ nodeBundles: false, supportconfig: true });
    } finally {
      await whole.close();
      await onDemand.close();
    }
  });
});

describe('logs the bundle cannot show', () => {
  it('says the kit does not collect init containers', async () => {
    const bundle = await workloadsVariant(({ builder }) => {
      const pod = builder.listObjects('v1', 'Pod', 'harvester-system').find((candidate) => candidate.metadata.name.startsWith('virt-handler-'))!;
      builder.updateObject('v1', 'Pod', 'harvester-system', pod.metadata.name, (object) => {
        (object.spec as Record<string, unknown>).initContainers = [{ name: 'virt-launcher', image: 'registry.suse.com/suse/sles/15.6/virt-launcher:1.3.1' }];
      });
    });
    try {
      const pod = (await bundle.resources({ group: '', resource: 'pods', namespace: 'harvester-system' })).find((candidate) => candidate.metadata.name.startsWith('virt-handler-'))!;
      await expect(selectPodLogs(bundle, { namespace: 'harvester-system', pod: pod.metadata.name, container: 'virt-launcher' })).rejects.toThrow(/does not collect logs of init containers/);
    } finally {
      await bundle.close();
    }
  });

  it('asks for a container when the pod object is missing and its logs are of several containers', async () => {
    const bundle = await workloadsVariant(({ builder }) => {
      const pod = builder.listObjects('v1', 'Pod', 'longhorn-system').find((candidate) => candidate.metadata.name === NAMES.restartedPod.name)!;
      builder.addPodLog('longhorn-system', pod.metadata.name, 'pre-pull-share-manager-image', ['pulled']);
      builder.removeObject('v1', 'Pod', 'longhorn-system', pod.metadata.name);
    });
    try {
      await expect(selectPodLogs(bundle, { namespace: 'longhorn-system', pod: NAMES.restartedPod.name })).rejects.toThrow(
        new BadRequestError(`a container name must be specified for pod ${NAMES.restartedPod.name}, choose one of: [longhorn-manager pre-pull-share-manager-image]`),
      );
      const selection = await selectPodLogs(bundle, { namespace: 'longhorn-system', pod: NAMES.restartedPod.name, container: 'longhorn-manager' });
      expect(selection.notes).toEqual([`the bundle has no Pod object longhorn-system/${NAMES.restartedPod.name}, only its logs`]);
    } finally {
      await bundle.close();
    }
  });

  it('says a previous run is missing because of the kit when the container did restart', async () => {
    const bundle = await workloadsVariant(({ builder }) => {
      const pod = builder.listObjects('v1', 'Pod', 'harvester-system').find((candidate) => candidate.metadata.name.startsWith('virt-handler-'))!;
      builder.updateObject('v1', 'Pod', 'harvester-system', pod.metadata.name, (object) => {
        ((object.status as Record<string, unknown>).containerStatuses as Record<string, unknown>[])[0]!.restartCount = 3;
      });
    });
    try {
      const pod = (await bundle.resources({ group: '', resource: 'pods', namespace: 'harvester-system' })).find((candidate) => candidate.metadata.name.startsWith('virt-handler-'))!;
      await expect(selectPodLogs(bundle, { namespace: 'harvester-system', pod: pod.metadata.name, previous: true })).rejects.toThrow(/only for a container that restarted, and only from kit v0\.0\.26/);
    } finally {
      await bundle.close();
    }
  });
});

describe('--since', () => {
  const created = Date.parse('2025-03-12T09:14:07Z');

  it.each([
    ['90s', created - 90_000],
    ['1h30m', created - 5_400_000],
    ['2.5h', created - 9_000_000],
    ['2025-03-12T08:00:00Z', Date.parse('2025-03-12T08:00:00Z')],
    ['2025-03-12T10:00:00+02:00', Date.parse('2025-03-12T08:00:00Z')],
  ])('reads %s as counted back from the bundle creation or as a time', (text, expected) => {
    expect(parseSince(text, created)).toBe(expected);
  });

  it('refuses what is neither, and a duration when the bundle does not say when it was made', () => {
    expect(() => parseSince('yesterday', created)).toThrow(BadRequestError);
    expect(() => parseSince('1h', undefined)).toThrow(/does not say when it was made/);
    expect(parseGoDuration('1x')).toBeUndefined();
  });
});
