import type { Bundle, ResourceQuery } from '@bundle-triage/core';
import type { Rule } from '../rule/rule.js';

/**
 * Which rules still need each resource file, so the engine can let go of a file's decoded
 * objects as soon as the last rule that declared it has finished. On a large bundle that keeps
 * memory flat: the big lists (pods, replicas, CRDs) are held while their rules run, not for the
 * whole analysis.
 *
 * Only declared inputs are counted. A code rule that reads a resource it did not declare may
 * find the file released and parse it again; that costs time, never correctness.
 */
export class ReleasePlan {
  readonly #bundle: Bundle;
  /** Resource file paths each rule declared. */
  readonly #filesOf = new Map<string, readonly string[]>();
  /** Rules not yet finished that declared the file. */
  readonly #pending = new Map<string, number>();
  /**
   * Queries that search lists for a literal (`containing`, e.g. over every list): they decode only
   * the few lists that hold it, so they neither keep every candidate list decoded until they run
   * nor weigh in the order; when such a rule finishes, the lists it decoded that no later rule
   * declared are let go.
   */
  readonly #searchesOf = new Map<string, ResourceQuery[]>();
  /** The lists each search may decode. */
  readonly #searchFiles = new Map<ResourceQuery, Set<string>>();

  constructor(bundle: Bundle, rules: readonly Rule[]) {
    this.#bundle = bundle;
    for (const rule of rules) {
      const paths = new Set<string>();
      for (const spec of Object.values(rule.inputs ?? {})) {
        if (!('resource' in spec)) continue;
        const { name: _name, ...query } = spec.resource;
        if (query.containing !== undefined) {
          this.#searchesOf.set(rule.id, [...(this.#searchesOf.get(rule.id) ?? []), query]);
          this.#searchFiles.set(query, new Set(bundle.resourceFiles(query).map((file) => file.path)));
          continue;
        }
        for (const file of bundle.resourceFiles(query)) paths.add(file.path);
      }
      this.#filesOf.set(rule.id, [...paths]);
      for (const path of paths) this.#pending.set(path, (this.#pending.get(path) ?? 0) + 1);
    }
  }

  /**
   * The rules in an order that keeps few files decoded at once: next comes the rule that reuses
   * the most bytes of files already read and reads the fewest new ones (ties keep the given
   * order). Without it, a file read by an early rule and again by a late one (pods by a
   * pre-check and by a VM rule 30 rules later) stays decoded in between. Results do not depend
   * on the order: the report is sorted. Rules named in `after` (those that wait on logs another
   * thread reads ahead) come after the others, ordered the same way among themselves.
   */
  order(rules: readonly Rule[], options: { after?: ReadonlySet<string> } = {}): Rule[] {
    const sizes = new Map<string, number>();
    const size = (path: string) => {
      let bytes = sizes.get(path);
      if (bytes === undefined) sizes.set(path, (bytes = this.#bundle.entry(path)?.size ?? 0));
      return bytes;
    };
    const users = new Map(this.#pending);
    // Rules that search lists for a literal go last: by then most lists were read by the others,
    // and the bundle noted while reading them whether they hold it.
    const searching = rules.filter((rule) => this.#searchesOf.has(rule.id));
    const after = options.after ?? new Set<string>();
    const first = rules.filter((rule) => !this.#searchesOf.has(rule.id) && !after.has(rule.id));
    const then = rules.filter((rule) => !this.#searchesOf.has(rule.id) && after.has(rule.id));
    const opened = new Set<string>();
    const ordered: Rule[] = [];
    for (const remaining of [first, then]) this.#orderGroup(remaining, opened, users, size, ordered);
    return [...ordered, ...searching];
  }

  /** Appends `remaining` to `ordered`, greedily by the bytes each rule reuses (see `order`). */
  #orderGroup(remaining: Rule[], opened: Set<string>, users: Map<string, number>, size: (path: string) => number, ordered: Rule[]): void {
    while (remaining.length > 0) {
      let best = 0;
      let bestScore = -Infinity;
      remaining.forEach((rule, index) => {
        let score = 0;
        for (const path of this.#filesOf.get(rule.id) ?? []) score += opened.has(path) ? size(path) : -size(path);
        if (score > bestScore) [best, bestScore] = [index, score];
      });
      const [next] = remaining.splice(best, 1);
      ordered.push(next!);
      for (const path of this.#filesOf.get(next!.id) ?? []) {
        const left = (users.get(path) ?? 1) - 1;
        users.set(path, left);
        if (left === 0) opened.delete(path);
        else opened.add(path);
      }
    }
  }

  /**
   * Marks a rule finished (whatever its result) and releases the files no later rule declared,
   * nor a later search will decode: a list found to hold a pending search's literal stays decoded
   * until that search has run, instead of being parsed again for it.
   */
  finished(rule: Rule): void {
    for (const path of this.#filesOf.get(rule.id) ?? []) {
      const left = (this.#pending.get(path) ?? 1) - 1;
      this.#pending.set(path, left);
      if (left === 0 && !this.#searchedLater(path, rule.id)) this.#bundle.releaseResourceFile(path);
    }
    this.#filesOf.delete(rule.id);
    const held = new Set(this.#bundle.heldResourceFiles({ partly: true }));
    for (const query of this.#searchesOf.get(rule.id) ?? []) {
      for (const path of this.#searchFiles.get(query) ?? []) {
        if (held.has(path) && !this.#pending.get(path) && !this.#searchedLater(path, rule.id)) this.#bundle.releaseResourceFile(path);
      }
    }
    this.#searchesOf.delete(rule.id);
  }

  /** Whether a rule other than `finishing`, not yet finished, searches this list for a literal it holds. */
  #searchedLater(path: string, finishing: string): boolean {
    for (const [ruleId, queries] of this.#searchesOf) {
      if (ruleId === finishing) continue;
      for (const query of queries) {
        if (this.#searchFiles.get(query)?.has(path) && this.#bundle.knownToHold(path, query.containing!) === true) return true;
      }
    }
    return false;
  }
}
