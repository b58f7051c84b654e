/**
 * Reads a zip's central directory (names, compression methods, external attributes) without a
 * zip library, so that tests check the committed fixtures independently of the writer.
 */
export interface ZipListingEntry {
  name: string;
  /** 0 = stored, 8 = deflated. */
  method: number;
  /** Unix mode from the external attributes (e.g. 0o40755 for a directory). */
  unixMode: number;
}

export function listZip(zip: Uint8Array): ZipListingEntry[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let end = zip.length - 22;
  while (end >= 0 && view.getUint32(end, true) !== 0x06054b50) end--;
  if (end < 0) throw new Error('not a zip: no end-of-central-directory record');
  const count = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  const entries: ZipListingEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (view.getUint32(offset, true) !== 0x02014b50) throw new Error(`bad central directory entry at ${offset}`);
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    entries.push({
      name: new TextDecoder().decode(zip.subarray(offset + 46, offset + 46 + nameLength)),
      method: view.getUint16(offset + 10, true),
      unixMode: view.getUint32(offset + 38, true) >>> 16,
    });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}
