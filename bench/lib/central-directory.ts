/**
 * A minimal zip central-directory reader for the benchmark's floor and its generator: no name
 * checks, no limits, no streams, only what is needed to find every member's bytes and inflate
 * them. It is deliberately not the library's reader (yauzl behind safety checks): the floor must
 * be the least work that still produces every uncompressed byte, so that "analyze / floor" says
 * how much the library costs on top of unavoidable work.
 */
import { closeSync, openSync, readSync } from 'node:fs';

const EOCD_SIGNATURE = 0x06054b50;
const ZIP64_EOCD_LOCATOR_SIGNATURE = 0x07064b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const ZIP64_EXTRA = 0x0001;

export interface ZipMember {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  compressedSize: number;
  size: number;
  /** Offset of the local header, relative to the start of the archive. */
  localHeaderOffset: number;
  isDirectory: boolean;
}

/** Random access to an archive's bytes: a whole buffer, or a byte range of a file. */
export interface ByteSource {
  readonly size: number;
  read(position: number, length: number): Buffer;
}

export function bufferSource(buffer: Buffer): ByteSource {
  return { size: buffer.length, read: (position, length) => buffer.subarray(position, position + length) };
}

/** A byte range of an open file (a nested zip stored inside an outer zip is one). */
export function fileSource(fd: number, start: number, size: number): ByteSource {
  return {
    size,
    read(position, length) {
      const out = Buffer.allocUnsafe(length);
      let done = 0;
      while (done < length) {
        const got = readSync(fd, out, done, length - done, start + position + done);
        if (got === 0) throw new Error('unexpected end of file');
        done += got;
      }
      return out;
    },
  };
}

export function withFile<T>(path: string, use: (fd: number) => T): T {
  const fd = openSync(path, 'r');
  try {
    return use(fd);
  } finally {
    closeSync(fd);
  }
}

/** Every member listed in the central directory, in directory order. */
export function listMembers(source: ByteSource): ZipMember[] {
  const tailLength = Math.min(source.size, 22 + 0xffff);
  const tail = source.read(source.size - tailLength, tailLength);
  let eocd = -1;
  for (let at = tail.length - 22; at >= 0; at -= 1) {
    if (tail.readUInt32LE(at) === EOCD_SIGNATURE) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a zip: no end-of-central-directory record');
  let count = tail.readUInt16LE(eocd + 10);
  let directorySize = tail.readUInt32LE(eocd + 12);
  let directoryOffset = tail.readUInt32LE(eocd + 16);
  const locator = eocd - 20;
  if (locator >= 0 && tail.readUInt32LE(locator) === ZIP64_EOCD_LOCATOR_SIGNATURE) {
    const zip64 = source.read(Number(tail.readBigUInt64LE(locator + 8)), 56);
    count = Number(zip64.readBigUInt64LE(32));
    directorySize = Number(zip64.readBigUInt64LE(40));
    directoryOffset = Number(zip64.readBigUInt64LE(48));
  }
  const directory = source.read(directoryOffset, directorySize);
  const members: ZipMember[] = [];
  let at = 0;
  for (let index = 0; index < count; index += 1) {
    if (directory.readUInt32LE(at) !== CENTRAL_SIGNATURE) throw new Error(`corrupt central directory at entry ${index}`);
    const method = directory.readUInt16LE(at + 10);
    let compressedSize = directory.readUInt32LE(at + 20);
    let size = directory.readUInt32LE(at + 24);
    const nameLength = directory.readUInt16LE(at + 28);
    const extraLength = directory.readUInt16LE(at + 30);
    const commentLength = directory.readUInt16LE(at + 32);
    let localHeaderOffset = directory.readUInt32LE(at + 42);
    const name = directory.toString('utf8', at + 46, at + 46 + nameLength);
    if (size === 0xffffffff || compressedSize === 0xffffffff || localHeaderOffset === 0xffffffff) {
      // ZIP64: the real values are in the 0x0001 extra field, in this order, when saturated.
      let extra = at + 46 + nameLength;
      const extraEnd = extra + extraLength;
      while (extra + 4 <= extraEnd) {
        const id = directory.readUInt16LE(extra);
        const length = directory.readUInt16LE(extra + 2);
        if (id === ZIP64_EXTRA) {
          let field = extra + 4;
          if (size === 0xffffffff) (size = Number(directory.readBigUInt64LE(field))), (field += 8);
          if (compressedSize === 0xffffffff) (compressedSize = Number(directory.readBigUInt64LE(field))), (field += 8);
          if (localHeaderOffset === 0xffffffff) localHeaderOffset = Number(directory.readBigUInt64LE(field));
        }
        extra += 4 + length;
      }
    }
    members.push({ name, method, compressedSize, size, localHeaderOffset, isDirectory: name.endsWith('/') });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return members;
}

/** Offset of the member's data (past its local header), relative to the start of the archive. */
export function dataOffset(source: ByteSource, member: ZipMember): number {
  const header = source.read(member.localHeaderOffset, 30);
  if (header.readUInt32LE(0) !== LOCAL_SIGNATURE) throw new Error(`${member.name}: bad local header`);
  return member.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
}
