/**
 * A `.tar.gz` of an extracted bundle folder, as a user makes with `tar czf bundle.tar.gz
 * supportbundle_…/` — the third input form the analyzer accepts. A minimal ustar writer (with a
 * PAX header for paths ustar cannot hold) is enough, and gzip comes from fflate rather than
 * node:zlib so that the bytes do not change with the Node version that regenerates the fixtures.
 */
import { gzipSync } from 'fflate';

const BLOCK = 512;
const encoder = new TextEncoder();

export interface TarEntry {
  path: string;
  /** Undefined for a directory. */
  data?: Uint8Array;
}

/** Gzipped ustar archive of `entries`, in the given order, every entry stamped `modifiedAt`. */
export function tarGz(entries: readonly TarEntry[], modifiedAt: string): Uint8Array {
  const mtime = Math.floor(Date.parse(modifiedAt) / 1000);
  return gzipSync(tar(entries, modifiedAt), { level: 6, mtime: mtime * 1000 });
}

/** The ustar archive of `entries` (with PAX headers for long paths), uncompressed. */
export function tar(entries: readonly TarEntry[], modifiedAt: string): Uint8Array {
  const mtime = Math.floor(Date.parse(modifiedAt) / 1000);
  const blocks: Uint8Array[] = [];
  for (const entry of entries) {
    const directory = entry.data === undefined;
    const path = directory && !entry.path.endsWith('/') ? `${entry.path}/` : entry.path;
    const data = entry.data ?? new Uint8Array(0);
    const split = splitUstarName(path);
    if (!split) {
      const record = paxRecord('path', path);
      blocks.push(header({ name: 'PaxHeaders/entry', size: record.length, mtime, type: 'x', mode: 0o644 }), ...padded(record));
    }
    blocks.push(
      header({
        name: split?.name ?? path.slice(-100),
        prefix: split?.prefix ?? '',
        size: data.length,
        mtime,
        type: directory ? '5' : '0',
        mode: directory ? 0o755 : 0o644,
      }),
      ...padded(data),
    );
  }
  blocks.push(new Uint8Array(BLOCK * 2)); // end-of-archive marker
  return concat(blocks);
}

interface HeaderFields {
  name: string;
  prefix?: string;
  size: number;
  mtime: number;
  type: '0' | '5' | 'x';
  mode: number;
}

function header(fields: HeaderFields): Uint8Array {
  const block = new Uint8Array(BLOCK);
  const put = (offset: number, length: number, text: string): void => {
    block.set(encoder.encode(text).subarray(0, length), offset);
  };
  const octal = (offset: number, length: number, value: number): void => {
    put(offset, length, `${value.toString(8).padStart(length - 1, '0')}\0`);
  };
  put(0, 100, fields.name);
  octal(100, 8, fields.mode);
  octal(108, 8, 0); // uid
  octal(116, 8, 0); // gid
  octal(124, 12, fields.size);
  octal(136, 12, fields.mtime);
  put(148, 8, '        '); // checksum placeholder: spaces while summing
  put(156, 1, fields.type);
  put(257, 6, 'ustar\0');
  put(263, 2, '00');
  put(265, 32, 'root');
  put(297, 32, 'root');
  put(345, 155, fields.prefix ?? '');
  const checksum = block.reduce((sum, byte) => sum + byte, 0);
  put(148, 8, `${checksum.toString(8).padStart(6, '0')}\0 `);
  return block;
}

/** ustar holds a path as prefix (≤155 bytes) + "/" + name (≤100 bytes). */
function splitUstarName(path: string): { prefix: string; name: string } | undefined {
  if (encoder.encode(path).length <= 100) return { prefix: '', name: path };
  const trimmed = path.endsWith('/') ? path.slice(0, -1) : path;
  for (let cut = trimmed.indexOf('/'); cut >= 0; cut = trimmed.indexOf('/', cut + 1)) {
    const prefix = trimmed.slice(0, cut);
    const name = path.slice(cut + 1);
    if (encoder.encode(prefix).length <= 155 && encoder.encode(name).length <= 100) return { prefix, name };
  }
  return undefined;
}

/** A PAX extended-header record: "<len> <key>=<value>\n", where len counts itself. */
function paxRecord(key: string, value: string): Uint8Array {
  const body = ` ${key}=${value}\n`;
  let length = encoder.encode(body).length;
  length += String(length).length;
  if (String(length).length !== String(length - String(length).length).length) length += 1;
  return encoder.encode(`${length}${body}`);
}

function padded(data: Uint8Array): Uint8Array[] {
  const remainder = data.length % BLOCK;
  return remainder === 0 ? [data] : [data, new Uint8Array(BLOCK - remainder)];
}

/** The parts one after the other, in one array. */
export function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((total, part) => total + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
