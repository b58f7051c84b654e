import { describe, expect, it } from 'vitest';
import { openBundle } from '../bundle.js';
import { zipBytes } from '../source/test-archives.js';

/** A pod as the kit writes it (yaml.v2, sequences at their key's indent), waiting for `reason`. */
function pod(name: string, reason: string, extra = ''): string {
  return `- apiVersion: v1
  kind: Pod
  metadata:
    creationTimestamp: "2025-03-01T10:00:00Z"
    name: ${name}
    namespace: default
    uid: 0c1f6a1e-${name.length.toString().padStart(4, '0')}-4d0e-9c1a-${name.padEnd(12, '0').slice(0, 12).replace(/[^0-9a-f]/g, 'a')}
  spec:
    containers:
    - image: registry.suse.com/app:1.0
      name: app
  status:
    containerStatuses:
    - name: app
      ready: false
      restartCount: 4
      state:
        waiting:
          reason: ${reason}
${extra}    phase: Running
`;
}

// The last item is decoded by every query (a file cut off may have lost a literal with its end):
// web-4 is there so that the others show what a query decodes.
const PODS = `apiVersion: v1
items:
${pod('web-1', 'ContainerCreating')}${pod('web-2', 'CrashLoopBackOff')}${pod('web-3', 'ContainerCreating')}${pod('web-4', 'PodInitializing')}kind: List
`;

const PATH = 'yamls/namespaced/default/v1/pods.yaml';

async function bundleOf(pods: string) {
  return openBundle(await zipBytes([{ name: 'metadata.yaml', data: 'bundleversion: 0.1.0\n' }, { name: PATH, data: pods }]));
}

const names = (objects: readonly { metadata: { name: string } }[]) => objects.map((object) => object.metadata.name);

describe('a query that can only match items holding a literal (itemsHolding)', () => {
  it('decodes only the items that hold it, and tells no reader of whole files', async () => {
    const bundle = await bundleOf(PODS);
    const told: string[] = [];
    bundle.onResourcesDecoded((path) => told.push(path));
    try {
      const found = await bundle.resources({ group: '', resource: 'pods', itemsHolding: [['CrashLoopBackOff']] });
      expect(names(found)).toEqual(['web-2', 'web-4']);
      expect(told).toEqual([]);
      // Held in part: not among the lists held whole (which readers of whole lists go by).
      expect(bundle.heldResourceFiles()).toEqual([]);
      expect(bundle.heldResourceFiles({ partly: true })).toEqual([PATH]);
      // Evidence still cites the item's own line.
      expect(await bundle.locate(found[0]!, '/status/containerStatuses/0/state/waiting/reason')).toBe(PODS.split('\n').findIndex((line, index) => index > 30 && line.includes('reason: CrashLoopBackOff')) + 1);
    } finally {
      await bundle.close();
    }
  });

  it('hands out the same objects when the whole file is decoded later, and the whole list then', async () => {
    const bundle = await bundleOf(PODS);
    try {
      const [early] = await bundle.resources({ group: '', resource: 'pods', itemsHolding: [['CrashLoopBackOff']] });
      const all = await bundle.resources({ group: '', resource: 'pods' });
      expect(names(all)).toEqual(['web-1', 'web-2', 'web-3', 'web-4']);
      expect(all[1]).toBe(early);
      // Once the whole file is decoded, the hint filters nothing.
      expect(names(await bundle.resources({ group: '', resource: 'pods', itemsHolding: [['CrashLoopBackOff']] }))).toEqual(['web-1', 'web-2', 'web-3', 'web-4']);
    } finally {
      await bundle.close();
    }
  });

  it('keeps one object per item when queries for several literals and the whole file run at once', async () => {
    const bundle = await bundleOf(PODS);
    try {
      const [crashing, creating, all] = await Promise.all([
        bundle.resources({ group: '', resource: 'pods', itemsHolding: [['CrashLoopBackOff']] }),
        bundle.resources({ group: '', resource: 'pods', itemsHolding: [['ContainerCreating']] }),
        bundle.resources({ group: '', resource: 'pods' }),
      ]);
      expect(names(all)).toEqual(['web-1', 'web-2', 'web-3', 'web-4']);
      for (const object of [...crashing, ...creating]) expect(all).toContain(object);
    } finally {
      await bundle.close();
    }
  });

  it('decodes an item that spells the literal with an escape (the text alone cannot rule it out)', async () => {
    // "\x4C" is L: the decoded reason is CrashLoopBackOff though the text does not hold it.
    const escaped = PODS.replace('reason: CrashLoopBackOff', 'reason: "Crash\\x4CoopBackOff"');
    const bundle = await bundleOf(escaped);
    try {
      const found = await bundle.resources({ group: '', resource: 'pods', itemsHolding: [['CrashLoopBackOff']] });
      expect(found.map((object) => (object as unknown as { status: { containerStatuses: { state: { waiting: { reason: string } } }[] } }).status.containerStatuses[0]!.state.waiting.reason)).toEqual(['CrashLoopBackOff', 'PodInitializing']);
    } finally {
      await bundle.close();
    }
  });

  it('reports a broken item that holds the literal as a problem of the query, and does not read the broken item that cannot match', async () => {
    const broken = `apiVersion: v1
items:
${pod('web-1', 'ContainerCreating', '      bad: [unclosed\n')}${pod('web-2', 'CrashLoopBackOff', '      bad: [unclosed\n')}kind: List
`;
    const bundle = await bundleOf(broken);
    try {
      const query = { group: '', resource: 'pods', itemsHolding: [['CrashLoopBackOff']] };
      expect(await bundle.resources(query)).toEqual([]);
      expect(await bundle.resourceProblems(query)).toEqual([{ path: PATH, problem: expect.stringMatching(/^invalid YAML/) }]);
      // Only web-2's item was decoded: one diagnostic, at its lines.
      const errors = bundle.diagnostics().filter((diagnostic) => diagnostic.level === 'error');
      expect(errors).toHaveLength(1);
      expect(errors[0]!.line).toBeGreaterThan(broken.indexOf('name: web-2') > 0 ? broken.slice(0, broken.indexOf('name: web-2')).split('\n').length - 6 : 0);
    } finally {
      await bundle.close();
    }
  });

  it('decodes a list some reader announced it will take whole at once, telling that reader', async () => {
    const bundle = await bundleOf(PODS);
    const told: string[] = [];
    bundle.onResourcesDecoded((path) => told.push(path));
    try {
      const forget = bundle.expectWholeLists([PATH]);
      expect(names(await bundle.resources({ group: '', resource: 'pods', itemsHolding: [['CrashLoopBackOff']] }))).toEqual(['web-1', 'web-2', 'web-3', 'web-4']);
      expect(told).toEqual([PATH]);
      forget();
      bundle.releaseResourceFile(PATH);
      expect(names(await bundle.resources({ group: '', resource: 'pods', itemsHolding: [['CrashLoopBackOff']] }))).toEqual(['web-2', 'web-4']);
    } finally {
      await bundle.close();
    }
  });

  it('counts a broken item as a problem of the query only if it could matter, whoever decoded the list, and always the last item (it may be cut off)', async () => {
    const broken = (lastBroken: boolean) => `apiVersion: v1
items:
${pod('web-1', 'ContainerCreating', '      bad: [unclosed\n')}${pod('web-2', 'CrashLoopBackOff')}${pod('web-3', 'ContainerCreating', lastBroken ? '      bad: [unclosed\n' : '')}kind: List
`;
    const query = { group: '', resource: 'pods', itemsHolding: [['CrashLoopBackOff']] };
    for (const whole of [false, true]) {
      for (const lastBroken of [false, true]) {
        const bundle = await bundleOf(broken(lastBroken));
        try {
          if (whole) bundle.expectWholeLists([PATH]);
          expect(names(await bundle.resources(query))).toContain('web-2');
          expect((await bundle.resourceProblems(query)).map((problem) => problem.path), `decoded ${whole ? 'whole' : 'in part'}, last item ${lastBroken ? 'broken' : 'fine'}`).toEqual(lastBroken ? [PATH] : []);
          // A query that may match any item counts every broken item.
          if (whole) expect(await bundle.resourceProblems({ group: '', resource: 'pods' })).toHaveLength(1);
        } finally {
          await bundle.close();
        }
      }
    }
  });

  it('decodes the whole list for an empty literal, which every item holds', async () => {
    const bundle = await bundleOf(PODS);
    try {
      expect(names(await bundle.resources({ group: '', resource: 'pods', containing: '' }))).toEqual(['web-1', 'web-2', 'web-3', 'web-4']);
      expect(names(await bundle.resources({ group: '', resource: 'pods', itemsHolding: [['']] }))).toEqual(['web-1', 'web-2', 'web-3', 'web-4']);
    } finally {
      await bundle.close();
    }
  });

  it('lets go of the items it decoded when the file is released', async () => {
    const bundle = await bundleOf(PODS);
    try {
      const [before] = await bundle.resources({ group: '', resource: 'pods', itemsHolding: [['CrashLoopBackOff']] });
      expect(bundle.releaseResourceFile(PATH)).toBe(true);
      expect(bundle.heldResourceFiles({ partly: true })).toEqual([]);
      const [after] = await bundle.resources({ group: '', resource: 'pods', itemsHolding: [['CrashLoopBackOff']] });
      expect(after).not.toBe(before);
      expect(after).toEqual(before);
    } finally {
      await bundle.close();
    }
  });
});

describe('which items hold which literals, found in one pass', () => {
  it('marks every literal in the items that hold it: one inside another, two starting together, none across an item\'s end', async () => {
    const { itemsHoldingLiterals } = await import('./decode-resource-file.js');
    const text = '- a: CreateContainerError\n- b: ErrorX\n- c: Err\n- d: ro\n';
    const slices = [0, 26, 38, 47].map((start, index, all) => ({ start, end: all[index + 1] ?? text.length, line: index + 1 }));
    const found = itemsHoldingLiterals(text, slices, ['Error', 'CreateContainerError', 'ErrorX', 'Err', 'r\n- d', 'absent']);
    const items = (literal: string) => [...found.get(literal)!].flatMap((held, index) => (held ? [index] : []));
    expect(items('CreateContainerError')).toEqual([0]);
    expect(items('Error')).toEqual([0, 1]);
    expect(items('ErrorX')).toEqual([1]);
    expect(items('Err')).toEqual([0, 1, 2]);
    expect(items('r\n- d')).toEqual([]);
    expect(items('absent')).toEqual([]);
  });
});
