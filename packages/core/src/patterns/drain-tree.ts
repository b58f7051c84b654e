/**
 * Drain (He et al., "Drain: An Online Log Parsing Approach with Fixed Depth Tree", ICWS 2017),
 * with the choices of its Drain3 variant: a message's tokens walk a tree of fixed depth — first
 * by how many tokens it has, then by its first token(s) — to a leaf holding a few clusters; it
 * joins the most similar one if at least `similarity` of the template's tokens are equal (the
 * template's wildcards do not count), and each position where they differ becomes `<*>`.
 *
 * Unlike Drain3, clusters are never evicted: past `maxClusters`, a message that fits no cluster
 * is reported as unclustered (and counted by the caller), so no count is ever lost in silence.
 */
export const WILDCARD = '<*>';

export interface DrainOptions {
  /** Depth of the leaves, root and leaf included (Drain3's default, 4: root → length → first token → leaf). */
  depth?: number;
  /** Least share of equal tokens for a message to join a cluster (Drain3: 0.4). */
  similarity?: number;
  /** Children per internal node before further tokens share the `<*>` child (Drain3: 100). */
  maxChildren?: number;
  /** Clusters kept; past it, messages that fit none are unclustered. */
  maxClusters?: number;
}

export interface DrainCluster {
  readonly id: number;
  /** The template's tokens, `<*>` where the messages differ. */
  tokens: string[];
  /** Messages added to it. */
  size: number;
}

interface TreeNode {
  children: Map<string, TreeNode>;
  clusters: DrainCluster[];
}

export class DrainTree {
  readonly #prefixTokens: number;
  readonly #similarity: number;
  readonly #maxChildren: number;
  readonly #maxClusters: number;
  readonly #byLength = new Map<number, TreeNode>();
  readonly #clusters: DrainCluster[] = [];

  constructor(options: DrainOptions = {}) {
    const depth = options.depth ?? 4;
    if (!Number.isInteger(depth) || depth < 3) throw new RangeError(`Drain depth must be an integer of at least 3, got ${depth}`);
    this.#prefixTokens = depth - 3;
    this.#similarity = options.similarity ?? 0.4;
    this.#maxChildren = options.maxChildren ?? 100;
    this.#maxClusters = options.maxClusters ?? Number.POSITIVE_INFINITY;
  }

  get clusters(): readonly DrainCluster[] {
    return this.#clusters;
  }

  /**
   * Adds a message (its tokens, already masked) and returns its cluster, or undefined when it
   * fits none and the tree is full.
   */
  add(tokens: readonly string[]): DrainCluster | undefined {
    const found = this.match(tokens);
    if (found) {
      for (let index = 0; index < tokens.length; index += 1) {
        if (found.tokens[index] !== tokens[index]) found.tokens[index] = WILDCARD;
      }
      found.size += 1;
      return found;
    }
    if (this.#clusters.length >= this.#maxClusters) return undefined;
    const cluster: DrainCluster = { id: this.#clusters.length + 1, tokens: [...tokens], size: 1 };
    this.#clusters.push(cluster);
    this.#leafFor(cluster.tokens).clusters.push(cluster);
    return cluster;
  }

  /** The cluster a message would join, without adding it. */
  match(tokens: readonly string[]): DrainCluster | undefined {
    let node = this.#byLength.get(tokens.length);
    if (!node) return undefined;
    for (let depth = 0; depth < this.#prefixTokens && depth < tokens.length - 1; depth += 1) {
      node = node.children.get(tokens[depth]!) ?? node.children.get(WILDCARD);
      if (!node) return undefined;
    }
    return this.#mostSimilar(node.clusters, tokens);
  }

  #mostSimilar(clusters: readonly DrainCluster[], tokens: readonly string[]): DrainCluster | undefined {
    let best: DrainCluster | undefined;
    let bestSimilarity = -1;
    let bestWildcards = -1;
    for (const cluster of clusters) {
      let equal = 0;
      let wildcards = 0;
      for (let index = 0; index < tokens.length; index += 1) {
        const token = cluster.tokens[index];
        if (token === WILDCARD) wildcards += 1;
        else if (token === tokens[index]) equal += 1;
      }
      const similarity = tokens.length === 0 ? 1 : equal / tokens.length;
      if (similarity > bestSimilarity || (similarity === bestSimilarity && wildcards > bestWildcards)) {
        best = cluster;
        bestSimilarity = similarity;
        bestWildcards = wildcards;
      }
    }
    return best && bestSimilarity >= this.#similarity ? best : undefined;
  }

  #leafFor(tokens: readonly string[]): TreeNode {
    let node = this.#byLength.get(tokens.length);
    if (!node) {
      node = newNode();
      this.#byLength.set(tokens.length, node);
    }
    for (let depth = 0; depth < this.#prefixTokens && depth < tokens.length - 1; depth += 1) {
      node = this.#child(node, tokens[depth]!);
    }
    return node;
  }

  /** The child for a token; tokens with digits, and tokens past maxChildren, share the `<*>` child. */
  #child(node: TreeNode, token: string): TreeNode {
    const existing = node.children.get(token);
    if (existing) return existing;
    const hasWildcard = node.children.has(WILDCARD);
    const room = hasWildcard ? node.children.size < this.#maxChildren : node.children.size + 1 < this.#maxChildren;
    const key = HAS_DIGIT.test(token) || !room ? WILDCARD : token;
    let child = node.children.get(key);
    if (!child) {
      child = newNode();
      node.children.set(key, child);
    }
    return child;
  }
}

const HAS_DIGIT = /\d/;

function newNode(): TreeNode {
  return { children: new Map(), clusters: [] };
}
