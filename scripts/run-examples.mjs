#!/usr/bin/env node
// Runs the `start` script of every example under examples/ (each runs against the fixture
// bundles in testdata/bundles) and fails when one fails, so the examples in the docs keep
// working. Needs `pnpm install && pnpm build` first: examples use the built packages.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const examplesDir = join(root, 'examples');

if (!existsSync(join(root, 'packages/cli/dist/bin.js'))) {
  console.error('run-examples: packages are not built; run pnpm build first');
  process.exit(1);
}

const examples = readdirSync(examplesDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join(examplesDir, entry.name, 'package.json')))
  .map((entry) => entry.name)
  .sort();

const failed = [];
for (const name of examples) {
  const manifest = JSON.parse(readFileSync(join(examplesDir, name, 'package.json'), 'utf8'));
  if (!manifest.scripts?.start) {
    console.error(`run-examples: examples/${name} has no start script`);
    failed.push(name);
    continue;
  }
  console.log(`\n── examples/${name}: ${manifest.scripts.start}`);
  const run = spawnSync('pnpm', ['run', '--silent', 'start'], {
    cwd: join(examplesDir, name),
    stdio: 'inherit',
    timeout: 300_000,
    shell: process.platform === 'win32',
  });
  if (run.error) console.error(`run-examples: examples/${name}: ${run.error.message}`);
  if (run.status !== 0) failed.push(name);
}

console.log(`\n${examples.length - failed.length} examples passed, ${failed.length} failed${failed.length ? `: ${failed.join(', ')}` : ''}`);
process.exit(failed.length > 0 || examples.length === 0 ? 1 : 0);
