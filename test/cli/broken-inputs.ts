// Inputs a support engineer gets by mistake: a file that is not there, a zip of something else,
// a download cut short. Written into a temp folder by each test that needs them.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ZipFile } from 'yazl';
import { fixture, repositoryRoot } from './run-cli.js';

export async function writeNonBundleZip(path: string): Promise<string> {
  const zip = new ZipFile();
  zip.addBuffer(Buffer.from('quarterly numbers\n'), 'reports/q3.txt');
  zip.addBuffer(Buffer.from('# not a support bundle\n'), 'reports/README.md');
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  writeFileSync(path, Buffer.concat(chunks));
  return path;
}

/** The first part of the flagship zip, as an interrupted download leaves it. */
export function writeTruncatedZip(path: string): string {
  const whole = readFileSync(join(repositoryRoot, fixture.flagshipZip));
  writeFileSync(path, whole.subarray(0, Math.floor(whole.length / 3)));
  return path;
}

export function missingFile(folder: string): string {
  return join(folder, 'supportbundle_does-not-exist.zip');
}
