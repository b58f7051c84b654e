/**
 * Generated bundles are cached in bench/.cache/<size>-g<generator version>-s<seed>/, with a
 * manifest written last: a folder without a manifest is an interrupted run and is rebuilt.
 */
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { benchSize, GENERATOR_VERSION } from './bench-sizes.js';
import { planBundle } from './bundle-plan.js';
import { PLANTS, type Plant } from './plants.js';
import { inflateZipFile } from '../lib/inflate-all.js';
import { writeFolder, writeZip } from './write-bundle.js';

export interface GeneratedBundle {
  size: string;
  seed: number;
  generatorVersion: number;
  /** The `.zip` Harvester's UI would download. */
  zip: string;
  /** The extracted top folder (`supportbundle_…`). */
  folder: string;
  zipBytes: number;
  /** Bytes of every file of the folder, nested node zips counted as zipped. */
  folderBytes: number;
  /** Bytes once everything, node zips included, is inflated. */
  uncompressedBytes: number;
  files: number;
  plants: Plant[];
  counts: Record<string, number>;
  generatedInMs: number;
}

export const DEFAULT_SEED = 20251126;

export async function ensureBundle(sizeName: string, cacheDir: string, options: { seed?: number; log?: (line: string) => void } = {}): Promise<GeneratedBundle> {
  const seed = options.seed ?? DEFAULT_SEED;
  const dir = join(cacheDir, `${sizeName}-g${GENERATOR_VERSION}-s${seed}`);
  const manifestPath = join(dir, 'manifest.json');
  if (existsSync(manifestPath)) return JSON.parse(readFileSync(manifestPath, 'utf8')) as GeneratedBundle;

  options.log?.(`generating bundle ${sizeName} (seed ${seed}) into ${dir} …`);
  const started = Date.now();
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const plan = planBundle(benchSize(sizeName), seed, PLANTS);
  const folderParent = join(dir, 'folder');
  await writeFolder(plan, folderParent);
  const zip = join(dir, `${plan.topFolder}.zip`);
  await writeZip(plan, folderParent, zip);

  const folder = join(folderParent, plan.topFolder);
  const { files, bytes } = folderSize(folder);
  const { uncompressedBytes } = inflateZipFile(zip);
  const manifest: GeneratedBundle = {
    size: sizeName,
    seed,
    generatorVersion: GENERATOR_VERSION,
    zip,
    folder,
    zipBytes: statSync(zip).size,
    folderBytes: bytes,
    uncompressedBytes,
    files,
    plants: plan.plants,
    counts: plan.counts,
    generatedInMs: Date.now() - started,
  };
  writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  options.log?.(`generated ${sizeName}: ${(uncompressedBytes / 1e6).toFixed(0)} MB uncompressed, ${(manifest.zipBytes / 1e6).toFixed(0)} MB zipped, in ${(manifest.generatedInMs / 1000).toFixed(0)} s`);
  return manifest;
}

function folderSize(folder: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else {
        files += 1;
        bytes += statSync(path).size;
      }
    }
  };
  walk(folder);
  return { files, bytes };
}
