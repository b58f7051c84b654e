import type { Bundle, KubeObject, ResourceFileEntry, ResourceQuery } from '@bundle-triage/core';

/** What reads decoded objects beside the rules (the timeline, the overview), file by file. */
export interface ObjectConsumer {
  /** Whether it reads this resource file. */
  wants(path: string): boolean;
  /**
   * Whether it must take this file only after others it has not been given yet (asked again as
   * files are given): event lists under a second API group, whose duplicates of the core list
   * must lose whatever order the files were decoded in.
   */
  last?(path: string): boolean;
  addObjects(objects: readonly KubeObject[], path: string): void;
}

/**
 * Hands each resource file's objects to the consumers that read it, once: while the rules decode
 * the file anyway (before the engine releases it), and, for the files no rule read, in `drain`,
 * which decodes them one at a time and lets each go again. So the timeline and the overview
 * never decode a file a second time, and memory stays what the rules need.
 */
export class ObjectFeed {
  readonly #bundle: Bundle;
  readonly #consumers: readonly ObjectConsumer[];
  /** Per consumer, the files it has been given. */
  readonly #given: Set<string>[];
  /**
   * Per consumer, files decoded while it had to wait for others (`last`): their objects are kept
   * until it may take them, so a file the rules decoded is not decoded again for it.
   */
  readonly #waiting: Map<string, readonly KubeObject[]>[];
  readonly #stop: () => void;
  /** Withdraws the whole-list announcement of files every consumer that wants them has (or keeps). */
  readonly #taken: (paths?: Iterable<string>) => void;

  private constructor(bundle: Bundle, consumers: readonly ObjectConsumer[]) {
    this.#bundle = bundle;
    this.#consumers = consumers;
    this.#given = consumers.map(() => new Set());
    this.#waiting = consumers.map(() => new Map());
    const stopListening = bundle.onResourcesDecoded((path, objects) => this.#give(path, objects, false));
    // The lists the consumers take whole: a rule that needs only some of their items decodes them
    // whole, so they come through the listener once instead of in part now and whole in drain.
    const wanted = bundle.index.resourceFiles().filter((file) => consumers.some((consumer) => consumer.wants(file.path)));
    this.#taken = bundle.expectWholeLists(wanted.map((file) => file.path));
    this.#stop = () => {
      stopListening();
      this.#taken();
    };
  }

  /** Starts listening, and hands over the files decoded before (the facts read nodes, namespaces, settings). */
  static async start(bundle: Bundle, consumers: readonly ObjectConsumer[]): Promise<ObjectFeed> {
    const feed = new ObjectFeed(bundle, consumers);
    for (const path of bundle.heldResourceFiles().sort()) {
      if (!consumers.some((consumer) => consumer.wants(path) && !consumer.last?.(path))) continue;
      const file = bundle.entry(path);
      if (file?.type !== 'resource') continue;
      feed.#give(path, await bundle.resources(fileQuery(file)), false);
    }
    return feed;
  }

  /** Reads the files some consumer still wants (in path order, the `last` ones after), then stops listening. */
  async drain(signal?: AbortSignal): Promise<void> {
    const wanted = new Set<string>();
    for (const [index, consumer] of this.#consumers.entries()) {
      for (const file of this.#bundle.index.resourceFiles()) if (consumer.wants(file.path) && !this.#given[index]!.has(file.path)) wanted.add(file.path);
    }
    const paths = [...wanted].sort();
    // Which files go in the second pass is decided once: `last` changes as files are given (an
    // events.k8s.io list stops waiting once its core list is in), and asked again it would be
    // in neither pass.
    const late = new Set(paths.filter((path) => this.#consumers.some((consumer) => consumer.last?.(path) ?? false)));
    const held = new Set(this.#bundle.heldResourceFiles());
    try {
      await this.#read(paths, late, held, signal);
    } finally {
      this.stop();
    }
  }

  async #read(paths: readonly string[], late: ReadonlySet<string>, held: ReadonlySet<string>, signal: AbortSignal | undefined): Promise<void> {
    for (const second of [false, true]) {
      for (const path of paths.filter((candidate) => late.has(candidate) === second)) {
        signal?.throwIfAborted();
        const file = this.#bundle.entry(path);
        if (file?.type !== 'resource') continue;
        const kept = this.#consumers.map((_, index) => this.#waiting[index]!.get(path)).find((objects) => objects !== undefined);
        if (kept) {
          this.#give(path, kept, true);
          continue;
        }
        const objects = await this.#bundle.resources(fileQuery(file));
        // Decoded just now (the listener gave it, except to `last` consumers) or held already.
        this.#give(path, objects, true);
        if (!held.has(path)) this.#bundle.releaseResourceFile(path);
      }
    }
  }

  /** Stops listening without reading anything more (a run that failed or was stopped). */
  stop(): void {
    this.#stop();
    for (const waiting of this.#waiting) waiting.clear();
  }

  #give(path: string, objects: readonly KubeObject[], draining: boolean): void {
    // Every consumer has the objects now (or keeps them until it may take them): a later query for
    // some of this list's items need not decode it whole again.
    this.#taken([path]);
    for (const [index, consumer] of this.#consumers.entries()) {
      const given = this.#given[index]!;
      const waiting = this.#waiting[index]!;
      if (given.has(path) || !consumer.wants(path)) continue;
      if (!draining && consumer.last?.(path)) {
        waiting.set(path, objects);
        continue;
      }
      waiting.delete(path);
      given.add(path);
      consumer.addObjects(objects, path);
      // A file it waited for may be what the kept ones waited on.
      for (const [kept, keptObjects] of [...waiting]) {
        if (consumer.last?.(kept)) continue;
        waiting.delete(kept);
        given.add(kept);
        consumer.addObjects(keptObjects, kept);
      }
    }
  }
}

/** The query that reads exactly one resource file. */
function fileQuery(file: ResourceFileEntry): ResourceQuery {
  return { group: file.group, version: file.version, resource: file.resource, namespace: file.namespace ?? null };
}
