import { once } from 'node:events';
import type { Writable } from 'node:stream';

const FLUSH_AT = 1 << 20;

/**
 * Buffers generated text into ~1 MiB writes and honours the stream's backpressure, so that a
 * 20 MB log is produced with a flat, small memory footprint.
 */
export class TextSink {
  readonly #stream: Writable;
  #pending: string[] = [];
  #pendingLength = 0;
  bytes = 0;

  constructor(stream: Writable) {
    this.#stream = stream;
  }

  async write(text: string): Promise<void> {
    this.#pending.push(text);
    this.#pendingLength += text.length;
    if (this.#pendingLength >= FLUSH_AT) await this.flush();
  }

  async writeBytes(bytes: Uint8Array): Promise<void> {
    await this.flush();
    this.bytes += bytes.length;
    if (!this.#stream.write(bytes)) await once(this.#stream, 'drain');
  }

  async flush(): Promise<void> {
    if (this.#pending.length === 0) return;
    const chunk = Buffer.from(this.#pending.join(''), 'utf8');
    this.#pending = [];
    this.#pendingLength = 0;
    this.bytes += chunk.length;
    if (!this.#stream.write(chunk)) await once(this.#stream, 'drain');
  }

  async end(): Promise<void> {
    await this.flush();
    const finished = once(this.#stream, 'finish');
    this.#stream.end();
    await finished;
  }
}
