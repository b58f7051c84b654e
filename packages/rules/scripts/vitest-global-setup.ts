// Vitest globalSetup: tests run from the sources, so the compiled catalog module is written
// before any test imports it (from the rule folders as they are now).
import { writeGeneratedCatalog } from './write-generated-catalog.js';

export default async function setup(): Promise<void> {
  await writeGeneratedCatalog();
}
