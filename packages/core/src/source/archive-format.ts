import { BundleFormatError } from '../errors.js';

/** How many leading bytes `archiveFormat` looks at (enough to recognise a plain tar's `ustar`). */
export const FORMAT_SNIFF_BYTES = 512;

/**
 * An archive's format from its first bytes, never from its name: bundles get renamed, and bots
 * receive them under upload names.
 */
export function archiveFormat(head: Buffer, label: string): 'zip' | 'tar.gz' {
  if (head.length === 0) throw new BundleFormatError(`${label}: empty file, not a zip or tar.gz`, { path: label });
  // Local file header, or the end-of-central-directory record of an empty zip.
  if (head[0] === 0x50 && head[1] === 0x4b && ((head[2] === 3 && head[3] === 4) || (head[2] === 5 && head[3] === 6))) {
    return 'zip';
  }
  if (head[0] === 0x1f && head[1] === 0x8b) return 'tar.gz';
  const what =
    head.length >= 262 && head.subarray(257, 262).toString('latin1') === 'ustar'
      ? 'an uncompressed tar; gzip it or extract it first'
      : `starts with 0x${head.subarray(0, 4).toString('hex')}`;
  throw new BundleFormatError(`${label}: not a zip or tar.gz: ${what}`, { path: label });
}
