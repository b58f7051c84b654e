import { describe, expect, it } from 'vitest';
import { openBundle } from '../bundle.js';
import { zipBytes, type TestEntry } from '../source/test-archives.js';

const PVCS = `apiVersion: v1
items:
- apiVersion: v1
  kind: PersistentVolumeClaim
  metadata:
    deletionTimestamp: "2025-03-01T10:00:00Z"
    finalizers:
    - kubernetes.io/pvc-protection
    name: data-stuck
    namespace: default
- apiVersion: v1
  kind: PersistentVolumeClaim
  metadata:
    name: data-fine
    namespace: default
kind: List
`;

const VOLUMES = `apiVersion: v1
items:
- apiVersion: longhorn.io/v1beta2
  kind: Volume
  metadata:
    deletionTimestamp: "2025-03-01T11:00:00Z"
    finalizers:
    - longhorn.io
    name: pvc-1
    namespace: longhorn-system
kind: List
`;

const NODES = `apiVersion: v1
items:
- apiVersion: v1
  kind: Node
  metadata:
    name: node1
kind: List
`;

async function bundleOf(entries: TestEntry[]) {
  return openBundle(await zipBytes([{ name: 'metadata.yaml', data: 'bundleversion: 0.1.0\n' }, ...entries]));
}

describe('a query over every resource list, for the objects that hold a literal', () => {
  it('returns the objects of every group and kind whose own text holds the literal, and decodes no other list', async () => {
    const bundle = await bundleOf([
      { name: 'yamls/namespaced/default/v1/persistentvolumeclaims.yaml', data: PVCS },
      { name: 'yamls/namespaced/longhorn-system/longhorn.io/v1beta2/volumes.yaml', data: VOLUMES },
      { name: 'yamls/cluster/v1/nodes.yaml', data: NODES },
    ]);
    try {
      const found = await bundle.resources({ group: '*', containing: 'deletionTimestamp' });
      expect(found.map((object) => `${object.kind}/${object.metadata.name}`).sort()).toEqual(['PersistentVolumeClaim/data-stuck', 'Volume/pvc-1']);
      expect(bundle.heldResourceFiles({ partly: true }).sort()).toEqual([
        'yamls/namespaced/default/v1/persistentvolumeclaims.yaml',
        'yamls/namespaced/longhorn-system/longhorn.io/v1beta2/volumes.yaml',
      ]);
      // The objects are bundle objects like any other: their fields can be cited.
      expect(await bundle.locate(found.find((object) => object.kind === 'Volume')!, '/metadata/deletionTimestamp')).toBe(6);
    } finally {
      await bundle.close();
    }
  });

  it('keeps the namespace and group filters, and narrows a list of one group by the literal too', async () => {
    const bundle = await bundleOf([
      { name: 'yamls/namespaced/default/v1/persistentvolumeclaims.yaml', data: PVCS },
      { name: 'yamls/namespaced/longhorn-system/longhorn.io/v1beta2/volumes.yaml', data: VOLUMES },
    ]);
    try {
      expect((await bundle.resources({ group: '*', namespace: 'longhorn-system', containing: 'finalizers' })).map((object) => object.metadata.name)).toEqual(['pvc-1']);
      expect((await bundle.resources({ group: '', resource: 'persistentvolumeclaims', containing: 'pvc-protection' })).map((object) => object.metadata.name)).toEqual(['data-stuck']);
      expect(await bundle.resources({ group: '*', containing: 'no such text' })).toEqual([]);
      expect(bundle.heldResourceFiles({ partly: true }).sort()).toEqual(['yamls/namespaced/default/v1/persistentvolumeclaims.yaml', 'yamls/namespaced/longhorn-system/longhorn.io/v1beta2/volumes.yaml']);
    } finally {
      await bundle.close();
    }
  });

  it('keeps exactly the items whose own text holds the literal, from a list already decoded whole', async () => {
    const claim = (name: string, finalizer: boolean) =>
      `- apiVersion: v1\n  kind: PersistentVolumeClaim\n  metadata:\n${finalizer ? '    finalizers:\n    - kubernetes.io/pvc-protection\n' : ''}    name: ${name}\n    namespace: default\n`;
    const names = ['a', 'b', 'c', 'd', 'e', 'f'];
    const held = new Set(['b', 'c', 'f']);
    const bundle = await bundleOf([{ name: 'yamls/namespaced/default/v1/persistentvolumeclaims.yaml', data: `apiVersion: v1\nitems:\n${names.map((name) => claim(name, held.has(name))).join('')}kind: List\n` }]);
    try {
      expect(await bundle.resources({ group: '', resource: 'persistentvolumeclaims' })).toHaveLength(6);
      expect((await bundle.resources({ group: '', resource: 'persistentvolumeclaims', containing: 'pvc-protection' })).map((object) => object.metadata.name)).toEqual(['b', 'c', 'f']);
      expect(await bundle.resources({ group: '', resource: 'persistentvolumeclaims', containing: 'no such text' })).toEqual([]);
    } finally {
      await bundle.close();
    }
  });

  it('leaves out the resources a query excepts, without reading their lists', async () => {
    const reads: string[] = [];
    const bundle = await openBundle(
      await zipBytes([
        { name: 'metadata.yaml', data: 'bundleversion: 0.1.0\n' },
        { name: 'yamls/namespaced/default/v1/persistentvolumeclaims.yaml', data: PVCS },
        { name: 'yamls/namespaced/longhorn-system/longhorn.io/v1beta2/volumes.yaml', data: VOLUMES },
      ]),
      { onProgress: (event) => void (event.phase === 'read' && reads.push(event.path)) },
    );
    try {
      const found = await bundle.resources({ group: '*', containing: 'deletionTimestamp', except: ['volumes'] });
      expect(found.map((object) => object.metadata.name)).toEqual(['data-stuck']);
      expect(reads).not.toContain('yamls/namespaced/longhorn-system/longhorn.io/v1beta2/volumes.yaml');
    } finally {
      await bundle.close();
    }
  });

  it('does not read again a list read earlier for another query once the literal was announced', async () => {
    const reads: string[] = [];
    const bundle = await openBundle(
      await zipBytes([
        { name: 'metadata.yaml', data: 'bundleversion: 0.1.0\n' },
        { name: 'yamls/namespaced/default/v1/persistentvolumeclaims.yaml', data: PVCS },
        { name: 'yamls/cluster/v1/nodes.yaml', data: NODES },
      ]),
      { onProgress: (event) => void (event.phase === 'read' && reads.push(event.path)) },
    );
    try {
      bundle.expectSearches([{ group: '*', containing: 'deletionTimestamp' }]);
      await bundle.resources({ group: '', resource: 'nodes' });
      bundle.releaseResources({ group: '', resource: 'nodes' });
      const found = await bundle.resources({ group: '*', containing: 'deletionTimestamp' });
      expect(found.map((object) => object.metadata.name)).toEqual(['data-stuck']);
      expect(reads.filter((path) => path === 'yamls/cluster/v1/nodes.yaml')).toHaveLength(1);
    } finally {
      await bundle.close();
    }
  });

  it('reports a list whose item that holds the literal does not decode as a problem of the query', async () => {
    const broken = `${VOLUMES.replace('kind: List\n', '')}- apiVersion: longhorn.io/v1beta2\n  kind: Volume\n  metadata: {deletionTimestamp: "2025-03-01T11:00:00Z", name: [unclosed\nkind: List\n`;
    const bundle = await bundleOf([{ name: 'yamls/namespaced/longhorn-system/longhorn.io/v1beta2/volumes.yaml', data: broken }]);
    try {
      const query = { group: '*', containing: 'deletionTimestamp' };
      await bundle.resources(query);
      expect((await bundle.resourceProblems(query)).map((problem) => problem.path)).toEqual(['yamls/namespaced/longhorn-system/longhorn.io/v1beta2/volumes.yaml']);
    } finally {
      await bundle.close();
    }
  });

  it('does not count as its problem a broken item of a list that cannot hold what it looks for (the item lacks the literal, and is not the last)', async () => {
    const broken = `${VOLUMES.replace('kind: List\n', '')}- apiVersion: longhorn.io/v1beta2\n  kind: Volume\n  metadata: {name: [unclosed\n- apiVersion: longhorn.io/v1beta2\n  kind: Volume\n  metadata:\n    name: pvc-3\n    namespace: longhorn-system\nkind: List\n`;
    const bundle = await bundleOf([{ name: 'yamls/namespaced/longhorn-system/longhorn.io/v1beta2/volumes.yaml', data: broken }]);
    try {
      const query = { group: '*', containing: 'deletionTimestamp' };
      expect((await bundle.resources(query)).map((object) => object.metadata.name)).toEqual(['pvc-1']);
      expect(await bundle.resourceProblems(query)).toEqual([]);
    } finally {
      await bundle.close();
    }
  });

  it('does not count as its problem a broken list without the literal that another query decoded', async () => {
    const brokenNodes = `${NODES.replace('kind: List\n', '')}- apiVersion: v1\n  kind: Node\n  metadata: {name: [unclosed\nkind: List\n`;
    const bundle = await bundleOf([
      { name: 'yamls/cluster/v1/nodes.yaml', data: brokenNodes },
      { name: 'yamls/namespaced/default/v1/persistentvolumeclaims.yaml', data: PVCS },
    ]);
    try {
      await bundle.resources({ group: '', resource: 'nodes' });
      const query = { group: '*', containing: 'deletionTimestamp' };
      expect((await bundle.resources(query)).map((object) => object.metadata.name)).toEqual(['data-stuck']);
      expect(await bundle.resourceProblems(query)).toEqual([]);
      expect((await bundle.resourceProblems({ group: '', resource: 'nodes' })).length).toBe(1);
    } finally {
      await bundle.close();
    }
  });
});
