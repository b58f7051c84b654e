import { TIMELINE_RESOURCES, TimelineBuilder, type Bundle, type BundleFacts, type KubeObject } from '@bundle-triage/core';
import type { ObjectConsumer } from './object-feed.js';

/**
 * The timeline's reader of decoded objects: the lists an incident involves (`TIMELINE_RESOURCES`),
 * handed over while the rules decode them or afterwards (`ObjectFeed`). A namespace's
 * events.k8s.io list is taken after its core list, so the core list's copy of an event is the one
 * kept, whatever order the files were decoded in.
 */
export class TimelineConsumer implements ObjectConsumer {
  readonly builder: TimelineBuilder;
  readonly #paths: Set<string>;
  readonly #bundle: Bundle;
  readonly #taken = new Set<string>();

  constructor(bundle: Bundle, facts: BundleFacts) {
    this.#bundle = bundle;
    // Entries remember where their objects are, not the objects: the rules' files can go when the rules are done.
    this.builder = new TimelineBuilder({ ...(facts.createdAt ? { bundleCreatedAt: facts.createdAt } : {}), originOf: (object) => bundle.origin(object) });
    this.#paths = new Set(TIMELINE_RESOURCES.flatMap((query) => bundle.resourceFiles(query).map((file) => file.path)));
  }

  wants(path: string): boolean {
    return this.#paths.has(path);
  }

  /** An events.k8s.io list waits for the core event list of its namespace, when there is one it has not taken yet. */
  last(path: string): boolean {
    const entry = this.#bundle.entry(path);
    if (entry?.type !== 'resource' || entry.group !== 'events.k8s.io') return false;
    const core = this.#bundle.resourceFiles({ group: '', resource: 'events', namespace: entry.namespace ?? null });
    return core.some((file) => this.#paths.has(file.path) && !this.#taken.has(file.path));
  }

  addObjects(objects: readonly KubeObject[], path: string): void {
    this.#taken.add(path);
    this.builder.addObjects(objects, path);
  }

  /** Files it read that could not be read whole (from the bundle's diagnostics), as timeline notes. */
  noteUnreadable(): void {
    const noted = new Set<string>();
    for (const diagnostic of this.#bundle.diagnostics()) {
      if (diagnostic.level !== 'error' || !this.#paths.has(diagnostic.path) || noted.has(diagnostic.path)) continue;
      noted.add(diagnostic.path);
      this.builder.skip(diagnostic.path, `could not be read whole: ${diagnostic.message}`);
    }
  }
}
