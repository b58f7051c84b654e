/**
 * `.xz` files for fixtures (the node's supportconfig `scc_supportconfig_*.txz`), written in
 * TypeScript so the bytes never depend on an installed `xz`. The container is the real one (stream
 * header and footer, one block with its CRC64 check, the index, CRC32s; tukaani.org's
 * xz-file-format spec), and the LZMA2 data is stored as *uncompressed* chunks: valid xz that any
 * decoder reads (`xz -t`, liblzma, xz-embedded), without writing an LZMA encoder. The files are as
 * big as their content; Info-ZIP then deflates them inside the node zip, as it does any file that
 * compresses.
 */
const MAGIC = [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00];
const CHECK_CRC64 = 0x04;
const LZMA2_FILTER = 0x21;
/** Dictionary size code 22 = 8 MiB, xz's default preset (-6). */
const LZMA2_DICT_PROP = 22;
const CHUNK = 64 * 1024;

export function xz(data: Uint8Array): Uint8Array {
  const streamFlags = [0x00, CHECK_CRC64];
  const streamHeader = [...MAGIC, ...streamFlags, ...le32(crc32(Uint8Array.from(streamFlags)))];

  // Block header: size, flags (one filter, no sizes), LZMA2 filter flags, padding, CRC32.
  const headerBody = [0x00, 0x00, LZMA2_FILTER, 0x01, LZMA2_DICT_PROP];
  while ((headerBody.length + 4) % 4 !== 0) headerBody.push(0);
  headerBody[0] = (headerBody.length + 4) / 4 - 1;
  const blockHeader = [...headerBody, ...le32(crc32(Uint8Array.from(headerBody)))];

  const chunks: number[] = [];
  for (let offset = 0; offset < data.length; offset += CHUNK) {
    const size = Math.min(CHUNK, data.length - offset);
    // 0x01: uncompressed chunk with a dictionary reset (first), 0x02: uncompressed, no reset.
    chunks.push(offset === 0 ? 0x01 : 0x02, (size - 1) >> 8, (size - 1) & 0xff);
    for (let i = 0; i < size; i += 1) chunks.push(data[offset + i]!);
  }
  chunks.push(0x00); // end of LZMA2 data
  const compressedSize = chunks.length;
  while (chunks.length % 4 !== 0) chunks.push(0); // block padding
  const check = le64(crc64(data));
  const unpaddedSize = blockHeader.length + compressedSize + check.length;

  const index = [0x00, ...varint(1), ...varint(unpaddedSize), ...varint(data.length)];
  while (index.length % 4 !== 0) index.push(0);
  const indexBytes = [...index, ...le32(crc32(Uint8Array.from(index)))];

  const footerBody = [...le32(indexBytes.length / 4 - 1), ...streamFlags];
  const streamFooter = [...le32(crc32(Uint8Array.from(footerBody))), ...footerBody, 0x59, 0x5a];

  const out = new Uint8Array(streamHeader.length + blockHeader.length + chunks.length + check.length + indexBytes.length + streamFooter.length);
  let at = 0;
  for (const part of [streamHeader, blockHeader, chunks, check, indexBytes, streamFooter]) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

function varint(value: number): number[] {
  const bytes: number[] = [];
  let rest = value;
  while (rest >= 0x80) {
    bytes.push((rest % 0x80) | 0x80);
    rest = Math.floor(rest / 0x80);
  }
  bytes.push(rest);
  return bytes;
}

function le32(value: number): number[] {
  return [value & 0xff, (value >>> 8) & 0xff, (value >>> 16) & 0xff, (value >>> 24) & 0xff];
}

function le64(value: bigint): number[] {
  const bytes: number[] = [];
  for (let i = 0n; i < 8n; i += 1n) bytes.push(Number((value >> (8n * i)) & 0xffn));
  return bytes;
}

const CRC32_TABLE = Uint32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC32_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

// CRC64 (ECMA-182, reflected), as xz uses it, in two 32-bit halves (BigInt per byte is slow).
const CRC64_POLY_HI = 0xc96c5795;
const CRC64_POLY_LO = 0xd7870f42;
const CRC64_HI = new Uint32Array(256);
const CRC64_LO = new Uint32Array(256);
for (let n = 0; n < 256; n += 1) {
  let hi = 0;
  let lo = n;
  for (let k = 0; k < 8; k += 1) {
    const lsb = lo & 1;
    lo = ((lo >>> 1) | ((hi & 1) << 31)) >>> 0;
    hi = hi >>> 1;
    if (lsb) {
      hi = (hi ^ CRC64_POLY_HI) >>> 0;
      lo = (lo ^ CRC64_POLY_LO) >>> 0;
    }
  }
  CRC64_HI[n] = hi;
  CRC64_LO[n] = lo;
}

function crc64(bytes: Uint8Array): bigint {
  let hi = 0xffffffff;
  let lo = 0xffffffff;
  for (const byte of bytes) {
    const index = (lo ^ byte) & 0xff;
    lo = (((lo >>> 8) | ((hi & 0xff) << 24)) ^ CRC64_LO[index]!) >>> 0;
    hi = ((hi >>> 8) ^ CRC64_HI[index]!) >>> 0;
  }
  return (BigInt((hi ^ 0xffffffff) >>> 0) << 32n) | BigInt((lo ^ 0xffffffff) >>> 0);
}
