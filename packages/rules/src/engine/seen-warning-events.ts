import type { Bundle, KubeObject } from '@bundle-triage/core';

/**
 * The Warning events of the event lists the rules decoded, kept as each list is decoded so that
 * `attachEvents`, which runs after the engine has let the lists go, need not parse them again.
 * Only events that are not Normal are kept: the few a finding may show, not the lists.
 */
export class SeenWarningEvents {
  readonly #bundle: Bundle;
  readonly #byPath = new Map<string, KubeObject[]>();
  readonly #stop: () => void;

  constructor(bundle: Bundle) {
    this.#bundle = bundle;
    this.#stop = bundle.onResourcesDecoded((path, objects) => {
      const file = bundle.entry(path);
      if (file?.type !== 'resource' || file.resource !== 'events') return;
      this.#byPath.set(path, objects.filter((object) => (object as { type?: unknown }).type !== 'Normal'));
    });
  }

  /** The events of a namespace's list (core or events.k8s.io), from what was seen, else read now. */
  async events(group: '' | 'events.k8s.io', namespace: string): Promise<KubeObject[]> {
    const query = { group, resource: 'events', namespace };
    const files = this.#bundle.resourceFiles(query);
    if (files.length > 0 && files.every((file) => this.#byPath.has(file.path))) return files.flatMap((file) => this.#byPath.get(file.path)!);
    return this.#bundle.resources(query);
  }

  stop(): void {
    this.#stop();
  }
}
