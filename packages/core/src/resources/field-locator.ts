import type { Bundle } from '../bundle.js';
import { locateInBlockYaml, TextLines } from '../timeline/locate-in-block-yaml.js';
import type { KubeObject, ObjectOrigin } from './kube-object.js';
import { parsePointer } from './locate-pointer.js';

/**
 * Lines of many fields of decoded objects, cheaply: each file's text is read once and each field
 * found by walking yaml.v2's indentation from its item's line (`locateInBlockYaml`); where the
 * walk declines (flow style, quoted keys) the item is re-parsed (`Bundle.locate`), which is exact
 * but about a hundred times slower.
 */
export class FieldLocator {
  readonly #bundle: Bundle;
  readonly #texts = new Map<string, Promise<TextLines | undefined>>();
  readonly #decoded = new Map<string, Promise<KubeObject[]>>();
  /** Fields found by the walk, and by re-parsing. */
  fast = 0;
  slow = 0;

  constructor(bundle: Bundle) {
    this.#bundle = bundle;
  }

  /** The 1-based line of `pointer` in `object` as its file holds it, or undefined. */
  async line(object: KubeObject, pointer: string): Promise<number | undefined> {
    const origin = this.#bundle.origin(object);
    if (!origin) return undefined;
    const segments = parsePointer(pointer);
    const lines = segments ? await this.#lines(origin.path) : undefined;
    const found = lines && segments ? locateInBlockYaml(lines, origin.line, segments) : undefined;
    if (found && 'line' in found) {
      this.fast += 1;
      return found.line;
    }
    // Declined, or "absent" for a field the object has: the text is not what the walk expects,
    // so the exact (slow) way decides.
    this.slow += 1;
    return this.#bundle.locate(object, pointer);
  }

  /**
   * The line of `pointer` in the item at `origin` when the object itself was let go: the walk
   * first; where it declines, the file's objects are read again (once per file) and the item
   * re-parsed.
   */
  async lineAt(origin: ObjectOrigin, pointer: string): Promise<number | undefined> {
    const segments = parsePointer(pointer);
    const lines = segments ? await this.#lines(origin.path) : undefined;
    const found = lines && segments ? locateInBlockYaml(lines, origin.line, segments) : undefined;
    if (found && 'line' in found) {
      this.fast += 1;
      return found.line;
    }
    this.slow += 1;
    const object = (await this.#objects(origin.path)).find((candidate) => this.#bundle.origin(candidate)?.line === origin.line);
    return object && this.#bundle.locate(object, pointer);
  }

  /** Lets go of a file's text (a caller that goes file by file keeps one at a time). */
  forget(path: string): void {
    this.#texts.delete(path);
    this.#decoded.delete(path);
  }

  /** A file's objects, read again for the items the walk could not place (released after, unless someone holds them). */
  #objects(path: string): Promise<KubeObject[]> {
    let objects = this.#decoded.get(path);
    if (!objects) {
      const file = this.#bundle.entry(path);
      const held = this.#bundle.heldResourceFiles().includes(path);
      objects =
        file?.type === 'resource'
          ? this.#bundle.resources({ group: file.group, version: file.version, resource: file.resource, namespace: file.namespace ?? null }).then((found) => {
              if (!held) this.#bundle.releaseResourceFile(path);
              return found;
            })
          : Promise.resolve([]);
      this.#decoded.set(path, objects);
    }
    return objects;
  }

  #lines(path: string): Promise<TextLines | undefined> {
    let lines = this.#texts.get(path);
    if (!lines) {
      lines = this.#bundle.readText(path).then(
        (text) => new TextLines(text),
        () => undefined,
      );
      this.#texts.set(path, lines);
    }
    return lines;
  }
}
