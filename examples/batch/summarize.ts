// Runs `bundle-triage batch` over a folder of bundles and prints which failure signatures are
// most common: the question a support lead asks about last month's tickets.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import type { BatchLine } from '@bundle-triage/cli';
import { loadCatalog } from '@bundle-triage/rules';

const folder = process.argv[2];
if (!folder) {
  console.error('usage: tsx summarize.ts <folder of bundles>');
  process.exit(2);
}

// The installed CLI, found the way Node finds any package.
const cliRoot = dirname(createRequire(import.meta.url).resolve('@bundle-triage/cli/package.json'));
const batch = spawn(process.execPath, [join(cliRoot, 'dist/bin.js'), 'batch', folder, '--quiet'], { stdio: ['ignore', 'pipe', 'inherit'] });

const bundlesByRule = new Map<string, number>();
const unreadable: BatchLine[] = [];
let bundles = 0;
for await (const text of createInterface({ input: batch.stdout })) {
  const line = JSON.parse(text) as BatchLine;
  bundles += 1;
  if (line.error) unreadable.push(line);
  for (const ruleId of new Set([...line.fail, ...line.warn])) bundlesByRule.set(ruleId, (bundlesByRule.get(ruleId) ?? 0) + 1);
}
// batch exits 2 when some bundle could not be read: that is part of the summary, not a failure.
const exitCode = await new Promise<number | null>((resolve) => batch.on('close', resolve));
if (exitCode !== 0 && exitCode !== 2) throw new Error(`bundle-triage batch exited with ${exitCode}`);

const signatures = new Map((await loadCatalog()).map((rule) => [rule.id, rule.signature]));
console.log(`${bundles} bundles, ${unreadable.length} unreadable`);
console.log('bundles  signature  rule');
for (const [ruleId, count] of [...bundlesByRule].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) {
  console.log(`${String(count).padStart(7)}  ${(signatures.get(ruleId) ?? '-').padEnd(9)}  ${ruleId}`);
}
for (const line of unreadable) console.log(`unreadable: ${line.path}: ${line.error}`);
