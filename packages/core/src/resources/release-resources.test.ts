import { describe, expect, it } from 'vitest';
import { openBundle } from '../bundle.js';
import { zipBytes, type TestEntry } from '../source/test-archives.js';

const NODES = `apiVersion: v1
items:
- apiVersion: v1
  kind: Node
  metadata:
    name: node1
  status:
    phase: Running
- apiVersion: v1
  kind: Node
  metadata:
    name: node2
kind: List
`;

async function nodesBundle(): Promise<{ bundle: Awaited<ReturnType<typeof openBundle>>; reads: string[] }> {
  const entries: TestEntry[] = [
    { name: 'metadata.yaml', data: 'bundleVersion: 0.1.0\n' },
    { name: 'yamls/cluster/v1/nodes.yaml', data: NODES },
  ];
  const reads: string[] = [];
  const bundle = await openBundle(await zipBytes(entries), {
    onProgress: (event) => {
      if (event.phase === 'read') reads.push(event.path);
    },
  });
  return { bundle, reads };
}

const NODES_QUERY = { group: '', resource: 'nodes', namespace: null } as const;

describe('releasing decoded resource files', () => {
  it('parses a file once however often it is asked, until it is released', async () => {
    const { bundle, reads } = await nodesBundle();
    try {
      const first = await bundle.resources(NODES_QUERY);
      const again = await bundle.resources(NODES_QUERY);
      expect(again[0]).toBe(first[0]);
      expect(reads.filter((path) => path === 'yamls/cluster/v1/nodes.yaml')).toHaveLength(1);
      expect(bundle.heldResourceFiles()).toEqual(['yamls/cluster/v1/nodes.yaml']);
    } finally {
      await bundle.close();
    }
  });

  it('parses a released file again only when it is asked for again, into new objects', async () => {
    const { bundle, reads } = await nodesBundle();
    try {
      const [before] = await bundle.resources(NODES_QUERY);
      expect(bundle.releaseResources(NODES_QUERY)).toBe(1);
      expect(bundle.heldResourceFiles()).toEqual([]);
      expect(reads.filter((path) => path === 'yamls/cluster/v1/nodes.yaml')).toHaveLength(1);

      const [after] = await bundle.resources(NODES_QUERY);
      expect(reads.filter((path) => path === 'yamls/cluster/v1/nodes.yaml')).toHaveLength(2);
      expect(after).not.toBe(before);
      expect(after).toEqual(before);
      // Releasing what is not held is a no-op.
      expect(bundle.releaseResourceFile('yamls/cluster/v1/nodes.yaml')).toBe(true);
      expect(bundle.releaseResourceFile('yamls/cluster/v1/nodes.yaml')).toBe(false);
    } finally {
      await bundle.close();
    }
  });

  it('keeps objects handed out before a release usable: origin and locate still answer', async () => {
    const { bundle } = await nodesBundle();
    try {
      const [node1] = await bundle.resources(NODES_QUERY);
      bundle.releaseResources(NODES_QUERY);
      expect(bundle.origin(node1!)).toEqual({ path: 'yamls/cluster/v1/nodes.yaml', line: 3, index: 0 });
      expect(await bundle.locate(node1!, '/status/phase')).toBe(8);
    } finally {
      await bundle.close();
    }
  });

  it('tells a decode listener the objects of each file as it is decoded, once per decode, until it stops listening', async () => {
    const { bundle } = await nodesBundle();
    try {
      const told: { path: string; names: string[] }[] = [];
      const stop = bundle.onResourcesDecoded((path, objects) => told.push({ path, names: objects.map((object) => object.metadata.name) }));
      await bundle.resources(NODES_QUERY);
      await bundle.resources({ ...NODES_QUERY, name: 'node2' });
      expect(told).toEqual([{ path: 'yamls/cluster/v1/nodes.yaml', names: ['node1', 'node2'] }]);
      bundle.releaseResources(NODES_QUERY);
      await bundle.resources(NODES_QUERY);
      expect(told).toHaveLength(2);
      stop();
      bundle.releaseResources(NODES_QUERY);
      await bundle.resources(NODES_QUERY);
      expect(told).toHaveLength(2);
    } finally {
      await bundle.close();
    }
  });

  it('keeps a file readable when a decode listener throws, and says so in a diagnostic', async () => {
    const { bundle } = await nodesBundle();
    try {
      bundle.onResourcesDecoded(() => {
        throw new Error('listener bug');
      });
      expect(await bundle.resources(NODES_QUERY)).toHaveLength(2);
      expect(bundle.diagnostics()).toContainEqual({ path: 'yamls/cluster/v1/nodes.yaml', level: 'error', message: 'a reader of decoded objects failed: listener bug' });
    } finally {
      await bundle.close();
    }
  });
});
