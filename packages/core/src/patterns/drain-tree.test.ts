import { describe, expect, it } from 'vitest';
import { DrainTree, WILDCARD } from './drain-tree.js';

const tokens = (line: string) => line.split(' ');

describe('DrainTree', () => {
  it('joins messages of one template and turns the differing positions into <*>', () => {
    const tree = new DrainTree();
    const a = tree.add(tokens('Deleting volume a1 on node n1'));
    const b = tree.add(tokens('Deleting volume b2 on node n2'));
    expect(b).toBe(a);
    expect(a!.tokens.join(' ')).toBe(`Deleting volume ${WILDCARD} on node ${WILDCARD}`);
    expect(a!.size).toBe(2);
  });

  it('keeps messages apart below the similarity threshold (0.4), and by token count and first token', () => {
    const tree = new DrainTree();
    const a = tree.add(tokens('Deleting volume a1 on node n1'))!;
    expect(tree.add(tokens('Deleting x y z w v'))).not.toBe(a); // 1 of 6 equal
    expect(tree.add(tokens('Deleting volume a1 on node'))).not.toBe(a); // another length
    expect(tree.add(tokens('Creating volume a1 on node n1'))).not.toBe(a); // another first token
    expect(tree.clusters).toHaveLength(4);
  });

  it('gives a message to the most similar cluster of its leaf', () => {
    const tree = new DrainTree({ similarity: 0.5 });
    const general = tree.add(tokens('sync a b c'))!;
    tree.add(tokens('sync x y c'));
    const specific = tree.add(tokens('sync q q q'))!;
    expect(specific).not.toBe(general);
    expect(tree.match(tokens('sync z w c'))).toBe(general);
    expect(tree.match(tokens('sync q q c'))).toBe(specific);
  });

  it('stops making clusters at maxClusters and says so with undefined, while still matching', () => {
    const tree = new DrainTree({ maxClusters: 1 });
    const first = tree.add(tokens('a b c'));
    expect(tree.add(tokens('x y'))).toBeUndefined();
    expect(tree.add(tokens('a b d'))).toBe(first);
  });

  it('routes tokens with digits, and tokens past maxChildren, through the <*> branch', () => {
    const tree = new DrainTree({ maxChildren: 3, similarity: 0.5 });
    for (const first of ['alpha', 'beta', 'gamma', 'delta', 'v2x']) tree.add(tokens(`${first} same tail here`));
    // Found again through the shared branch.
    expect(tree.match(tokens('delta same tail here'))).toBeDefined();
    expect(tree.match(tokens('v9y same tail here'))).toBeDefined();
  });
});
