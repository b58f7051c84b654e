import { Transform, type TransformCallback } from 'node:stream';

/**
 * The bounds of one decompression (a gzip'd bundle, a node's xz supportconfig): a bomb is stopped
 * by the bytes it actually produces (`maxBytes`), and early by their ratio to the compressed bytes
 * read so far (`maxRatio`, once more than `ratioMinBytes` were produced), before they are held
 * anywhere.
 */
export interface DecompressionBounds {
  maxBytes: number;
  maxRatio: number;
  ratioMinBytes: number;
  /** The error to fail with when a bound is passed (a BundleLimitError, from the caller). */
  onTooMany: (what: 'bytes' | 'ratio', decoded: number, compressed: number) => Error;
}

/**
 * Two pass-through streams around a decoder: `compressed` counts what goes in, `decoded` what
 * comes out, and fails the pipeline when a bound is passed.
 */
export function decompressionMeter(bounds: DecompressionBounds): { compressed: Transform; decoded: Transform } {
  let compressedBytes = 0;
  let decodedBytes = 0;
  const compressed = new Transform({
    transform(chunk: Buffer, _encoding, done: TransformCallback) {
      compressedBytes += chunk.length;
      done(null, chunk);
    },
  });
  const decoded = new Transform({
    transform(chunk: Buffer, _encoding, done: TransformCallback) {
      decodedBytes += chunk.length;
      if (decodedBytes > bounds.maxBytes) return done(bounds.onTooMany('bytes', decodedBytes, compressedBytes));
      if (decodedBytes > bounds.ratioMinBytes && decodedBytes / Math.max(compressedBytes, 1) > bounds.maxRatio) {
        return done(bounds.onTooMany('ratio', decodedBytes, compressedBytes));
      }
      done(null, chunk);
    },
  });
  return { compressed, decoded };
}
