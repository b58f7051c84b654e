/**
 * Regenerates the committed fixture bundles in testdata/bundles (`pnpm testdata`).
 * Deterministic: running it twice leaves `git status` clean. See testdata/README.md.
 */
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { FIXTURES, fixtureArchive } from './generator/fixtures.js';

const bundlesDir = join(dirname(fileURLToPath(import.meta.url)), 'bundles');
mkdirSync(bundlesDir, { recursive: true });

for (const fixture of FIXTURES) {
  const target = join(bundlesDir, fixture.name);
  rmSync(target, { recursive: true, force: true });
  if (fixture.format === 'directory') {
    fixture.build().writeDirectory(target);
    console.log(`${fixture.name}/  (folder)`);
  } else {
    writeFileSync(target, fixtureArchive(fixture));
    console.log(`${fixture.name}  ${statSync(target).size} bytes`);
  }
}
