import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compileCatalogModule } from '../src/catalog/catalog-module.js';

const CATALOG = fileURLToPath(new URL('../catalog', import.meta.url));
const MODULE = fileURLToPath(new URL('../src/catalog/built-in-rules.generated.ts', import.meta.url));

/** Writes the compiled catalog module (only when it changed); throws, listing every problem, on a broken rule. */
export async function writeGeneratedCatalog(): Promise<{ file: string; count: number }> {
  const compiled = await compileCatalogModule(CATALOG, MODULE);
  if (compiled.problems.length > 0) {
    throw new Error(`the built-in catalog is broken:\n${compiled.problems.map((problem) => `  ${problem.file} ${problem.pointer}: ${problem.message}`).join('\n')}`);
  }
  let current = '';
  try {
    current = readFileSync(MODULE, 'utf8');
  } catch {
    // not generated yet
  }
  if (current !== compiled.source) writeFileSync(MODULE, compiled.source);
  return { file: MODULE, count: compiled.folders.length };
}
