/**
 * A file of a built bundle by its bundle path, through the archives it is nested in — a node zip
 * (`nodes/<node>.zip!/<node>/logs/kernel.log`) and, inside it, the supportconfig
 * (`…/scc/scc_supportconfig_<node>.txz!/scc_supportconfig_<node>/fs-diskio.txt`) — read back from
 * the archive bytes the builder wrote, not from the analyzer, so a test of a cited line checks the
 * bundle itself. The `.txz` reader knows only what the kit's writer (xz.ts) writes: stored LZMA2
 * chunks in a ustar archive.
 */
import { unzipSync } from 'fflate';
import { concat } from './tar-gz.js';

const decoder = new TextDecoder();

/** The bytes at `path` (`!/` steps into an archive), or undefined when there is no such file. */
export function nestedFile(files: ReadonlyMap<string, Uint8Array>, path: string): Uint8Array | undefined {
  const [outer, ...members] = path.split('!/');
  let bytes = files.get(outer!);
  let container = outer!;
  for (const member of members) {
    if (!bytes) return undefined;
    if (container.endsWith('.zip')) bytes = unzipSync(bytes)[member];
    else if (container.endsWith('.txz')) bytes = untar(unxz(bytes)).get(member);
    else throw new Error(`${container} is not an archive this kit writes (.zip, .txz)`);
    container = member;
  }
  return bytes;
}

/** The data of an xz stream made of stored (uncompressed) LZMA2 chunks, as xz.ts writes it. */
function unxz(bytes: Uint8Array): Uint8Array {
  let at = 12; // stream header
  at += (bytes[at]! + 1) * 4; // block header
  const parts: Uint8Array[] = [];
  for (;;) {
    const control = bytes[at]!;
    if (control === 0x00) break;
    if (control !== 0x01 && control !== 0x02) throw new Error(`LZMA2 chunk 0x${control.toString(16)} is compressed; this reader takes only the kit writer's stored chunks`);
    const size = ((bytes[at + 1]! << 8) | bytes[at + 2]!) + 1;
    parts.push(bytes.subarray(at + 3, at + 3 + size));
    at += 3 + size;
  }
  return concat(parts);
}

/** The regular files of a ustar archive (PAX `path` records honoured), by path. */
function untar(bytes: Uint8Array): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  let paxPath: string | undefined;
  for (let at = 0; at + 512 <= bytes.length; ) {
    const header = bytes.subarray(at, at + 512);
    if (header.every((byte) => byte === 0)) break;
    const text = (from: number, length: number) => decoder.decode(header.subarray(from, from + length)).replace(/\0.*$/s, '');
    const size = parseInt(text(124, 12).trim() || '0', 8);
    const type = text(156, 1);
    const data = bytes.subarray(at + 512, at + 512 + size);
    const prefix = text(345, 155);
    const name = paxPath ?? (prefix ? `${prefix}/${text(0, 100)}` : text(0, 100));
    paxPath = undefined;
    if (type === 'x') paxPath = /\d+ path=(.*)\n/.exec(decoder.decode(data))?.[1];
    else if (type === '0' || type === '') files.set(name, data);
    at += 512 + Math.ceil(size / 512) * 512;
  }
  return files;
}
