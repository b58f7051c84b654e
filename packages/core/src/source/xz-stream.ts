import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { decompressionMeter, type DecompressionBounds } from './decompression-meter.js';

/**
 * xz decoding for the node's supportconfig archive (`scc_supportconfig_*.txz`). The decoder is
 * `xz-decompress`: xz-embedded compiled to WebAssembly, streaming, no native code and nothing
 * fetched at install (packages/core/README.md says why it was chosen). It streams, so a bomb is
 * stopped by the bytes it actually produces (`decompressionMeter`), before they are held anywhere.
 */
export type XzDecoder = new (input: WebReadableStream<Uint8Array>) => WebReadableStream<Uint8Array>;

/**
 * The decoder (WebAssembly and web streams), loaded on first need: only a node's supportconfig is
 * xz. Load it before opening the stream it decodes.
 */
export async function loadXzDecoder(): Promise<XzDecoder> {
  // The package is a webpack UMD bundle: Node's ES module loader puts its one export under
  // `default`; a loader that runs it as CommonJS (tsx, which the benches use) exports it by name.
  const module = (await import('xz-decompress')) as unknown as { XzReadableStream?: XzDecoder; default?: { XzReadableStream: XzDecoder } };
  return module.XzReadableStream ?? module.default!.XzReadableStream;
}

/** Decodes an xz stream, bounded; errors name what went wrong in the xz data, in one line. */
export function decodeXz(XzReadableStream: XzDecoder, compressed: Readable, bounds: DecompressionBounds): Readable {
  const meter = decompressionMeter(bounds);
  const counted = compressed.pipe(meter.compressed);
  compressed.once('error', (error) => counted.destroy(error));
  const decoded = Readable.fromWeb(new XzReadableStream(Readable.toWeb(counted) as WebReadableStream<Uint8Array>));
  decoded.once('error', (error) => meter.decoded.destroy(new Error(xzErrorMessage(error))));
  meter.decoded.once('close', () => {
    if (!decoded.destroyed) decoded.destroy();
    if (!compressed.destroyed) compressed.destroy();
  });
  return decoded.pipe(meter.decoded);
}

/** xz-embedded's return codes (xz.h `enum xz_ret`), which the package reports as numbers. */
const XZ_ERRORS: Record<string, string> = {
  '2': 'unsupported integrity check',
  '3': 'out of memory',
  '4': 'dictionary larger than the decoder allows',
  '5': 'not xz data (bad header magic)',
  '6': 'unsupported xz options (filter or flags)',
  '7': 'corrupt xz data',
  '8': 'xz data ends early (truncated)',
};

function xzErrorMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = /error code (\d+)/.exec(message)?.[1];
  return code !== undefined && XZ_ERRORS[code] ? XZ_ERRORS[code] : `xz: ${message.split('\n')[0]}`;
}
