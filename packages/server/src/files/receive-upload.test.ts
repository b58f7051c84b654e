import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { UploadRefusedError } from '../errors.js';
import { receiveUpload } from './receive-upload.js';

const folder = mkdtempSync(join(tmpdir(), 'bt-receive-upload-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('receiveUpload', () => {
  it('leaves no file behind for an upload refused on its first bytes, even once the refusal has been answered', async () => {
    // The refusal comes from the first chunk, while the file may still be opening: it must not
    // appear once the refusal was answered.
    for (let attempt = 0; attempt < 40; attempt += 1) {
      const refused = await receiveUpload(Readable.from([Buffer.from('<html>a screenshot</html>')]), join(folder, `${attempt}.part`), 1024).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(UploadRefusedError);
      expect((refused as UploadRefusedError).reason).toBe('not-a-bundle');
    }
    await sleep(50);
    expect(readdirSync(folder)).toEqual([]);
  });

  it('keeps a zip it received, named as asked, with its hash and size', async () => {
    const bytes = Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(100, 1)]);
    const received = await receiveUpload(Readable.from([bytes]), join(folder, 'kept.part'), 1024);
    expect(received).toMatchObject({ path: join(folder, 'kept.part'), size: 104, format: 'zip' });
    expect(received.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(readdirSync(folder)).toEqual(['kept.part']);
    rmSync(received.path);
  });
});
