import { createHash } from 'node:crypto';
import { open, rm } from 'node:fs/promises';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { UploadRefusedError } from '../errors.js';
import type { ArchiveFormat } from '../store/records.js';

export interface ReceivedUpload {
  /** The file as received, in the store's incoming folder. */
  path: string;
  sha256: string;
  size: number;
  format: ArchiveFormat;
}

/**
 * Streams an upload to disk — never held in memory whole — hashing it on the way. Refuses, and
 * leaves no file, when it is not a zip or gzip (known from its first bytes, before the rest is
 * read), larger than `maxBytes`, empty, or cut off (the client went away).
 */
export async function receiveUpload(body: Readable, path: string, maxBytes: number): Promise<ReceivedUpload> {
  const hash = createHash('sha256');
  let size = 0;
  let head = Buffer.alloc(0);
  let format: ArchiveFormat | undefined;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      if (size > maxBytes) {
        done(new UploadRefusedError('too-large', `the upload is larger than the limit of ${maxBytes} bytes`));
        return;
      }
      if (!format) {
        head = Buffer.concat([head, chunk.subarray(0, 4)]).subarray(0, 4);
        if (head.length >= 2) {
          format = sniffFormat(head);
          if (!format && (head.length >= 4 || head[0] !== 0x50)) {
            done(new UploadRefusedError('not-a-bundle', 'not a zip or tar.gz: a support bundle is the .zip Harvester downloads, or a .tar.gz of it'));
            return;
          }
        }
      }
      hash.update(chunk);
      done(null, chunk);
    },
  });
  // Opened before the pipeline starts, not by the write stream: a stream destroyed by a refusal
  // while its file was still opening could create the file after it had been removed (an empty
  // `.part` left in incoming/, now and then).
  const file = await open(path, 'wx');
  try {
    await pipeline(body, meter, file.createWriteStream());
  } catch (error) {
    await file.close().catch(() => undefined);
    await rm(path, { force: true });
    if (error instanceof UploadRefusedError) throw error;
    throw new UploadRefusedError('aborted', `the upload was cut off after ${size} bytes`, { cause: error });
  }
  // A body that ends early (the client closed the connection) may end the stream without error.
  if ((body as Readable & { aborted?: boolean }).aborted || body.errored) {
    await rm(path, { force: true });
    throw new UploadRefusedError('aborted', `the upload was cut off after ${size} bytes`);
  }
  if (size === 0) {
    await rm(path, { force: true });
    throw new UploadRefusedError('empty', 'the upload is empty');
  }
  if (!format) {
    await rm(path, { force: true });
    throw new UploadRefusedError('not-a-bundle', 'not a zip or tar.gz: a support bundle is the .zip Harvester downloads, or a .tar.gz of it');
  }
  return { path, sha256: hash.digest('hex'), size, format };
}

/** Zip local-file header `PK\x03\x04`, or gzip's `1f 8b`. */
function sniffFormat(head: Buffer): ArchiveFormat | undefined {
  if (head[0] === 0x1f && head[1] === 0x8b) return 'tar.gz';
  if (head.length >= 4 && head.readUInt32LE(0) === 0x04034b50) return 'zip';
  return undefined;
}
