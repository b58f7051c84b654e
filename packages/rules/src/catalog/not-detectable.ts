import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { load as loadYaml, JSON_SCHEMA } from 'js-yaml';
import type { NotDetectableSignature } from './catalog-table.js';
import { catalogDirectory } from './load-catalog.js';

/** The signatures no bundle can show (not-detectable.yaml beside catalog/). */
export async function loadNotDetectable(): Promise<NotDetectableSignature[]> {
  const path = join(catalogDirectory(), '..', 'not-detectable.yaml');
  const entries = loadYaml(await readFile(path, 'utf8'), { schema: JSON_SCHEMA }) as NotDetectableSignature[] | null;
  return entries ?? [];
}
