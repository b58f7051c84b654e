import { constants as bufferConstants } from 'node:buffer';
import { DEFAULT_LIMITS } from '@bundle-triage/core';
import { CliError } from '../errors/cli-error.js';
import { STDIN_NAME } from './bundle-input.js';

/**
 * A bundle piped in as `-` must be held in memory to be opened (a zip is read from its end), so
 * stdin is capped: by the bundle size limit, and by the largest Buffer Node can make.
 */
export const STDIN_MAX_BYTES = Math.min(DEFAULT_LIMITS.maxTotalBytes, bufferConstants.MAX_LENGTH);

export async function readStdin(stdin: AsyncIterable<Uint8Array | string>, isTTY: boolean, maxBytes = STDIN_MAX_BYTES): Promise<Buffer> {
  if (isTTY) throw new CliError('cannot read bundle', STDIN_NAME, 'stdin is a terminal; pipe a .zip or .tar.gz in (bundle-triage analyze - < bundle.zip)');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stdin) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    size += bytes.length;
    if (size > maxBytes) {
      throw new CliError('bundle refused (safety limit)', STDIN_NAME, `stdin holds more than ${maxBytes} bytes; save the bundle to a file and pass its path`);
    }
    chunks.push(bytes);
  }
  return Buffer.concat(chunks, size);
}
