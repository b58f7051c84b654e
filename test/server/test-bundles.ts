/**
 * Bundles for the service's reliability tests: the committed fixtures, the real v1.0 sample
 * (zipped as Harvester would, when it is present), and clusters made by the fixture generator.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipBytes } from '../../packages/core/src/source/test-archives.js';
import { flagshipS01, healthyCluster } from '../../testdata/generator/index.js';

export const repositoryRoot = fileURLToPath(new URL('../..', import.meta.url));
export const S01 = 'mcc-harvester-modified-snapshot-validation-webhook';

export interface TestBundle {
  name: string;
  bytes: Uint8Array;
}

export const FIXTURES = ['flagship-v1.4.1.zip', 'flagship-v1.4.1-fixed.zip', 'flagship-v1.4.1.tar.gz', 'healthy-v1.4.1-1node.zip', 'healthy-v1.4.2-3node.zip'];

export function fixture(name: string): TestBundle {
  return { name, bytes: readFileSync(join(repositoryRoot, 'testdata/bundles', name)) };
}

/** The real v1.0 sample as the zip Harvester's UI downloads, or undefined when it is absent. */
export async function realSampleZip(): Promise<TestBundle | undefined> {
  const folder = process.env.BUNDLE_TRIAGE_SAMPLE_V10;
  if (!folder) return undefined;
  const top = 'supportbundle_9b6b22de-6e5d-4905-aec8-1f226e413986_2022-03-22T23-49-32Z';
  const files = (readdirSync(folder, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
  const entries = files.map((path) => ({ name: `${top}/${relative(folder, path).split('\\').join('/')}`, data: readFileSync(path), compress: !path.endsWith('.zip') }));
  return { name: `${top}.zip`, bytes: await zipBytes(entries) };
}

/** A cluster of its own (its own harvester-system uid); odd seeds carry the flagship fault. */
export function generatedBundle(seed: number): TestBundle {
  const bundle = healthyCluster({ harvesterVersion: seed % 3 === 0 ? 'v1.4.2' : 'v1.4.1', nodes: 1 + (seed % 2), seed });
  if (seed % 2 === 1) flagshipS01(bundle);
  return { name: `generated-${seed}.zip`, bytes: bundle.toZip() };
}

/** `distinct` different bundles (fixtures, the real sample, generated ones), then repeats of them up to `count`. */
export async function mixedBundles(count: number, distinct: number, firstSeed = 1000): Promise<TestBundle[]> {
  const unique: TestBundle[] = FIXTURES.map(fixture);
  const sample = await realSampleZip();
  if (sample) unique.push(sample);
  for (let seed = firstSeed; unique.length < distinct; seed += 1) unique.push(generatedBundle(seed));
  const all = unique.slice(0, distinct);
  for (let index = 0; all.length < count; index += 7) all.push(all[index % distinct]!);
  return all;
}
