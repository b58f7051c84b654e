import type { Bundle } from '../bundle.js';
import { locateInBlockYaml, TextLines } from '../timeline/locate-in-block-yaml.js';
import type { KubeObject } from './kube-object.js';
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

  /** Lets go of a file's text (a caller that goes file by file keeps one at a time). */
  forget(path: string): void {
    this.#texts.delete(path);
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
