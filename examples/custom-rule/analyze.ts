// Runs this site's rules — declarative (rule.yaml) and code (rule.ts) — with the built-in catalog on
// a bundle, as a triage bot would. Each rule is one folder under rules/<component>/<rule-id>/;
// adding one is adding a folder. Run with a TypeScript-aware runtime (node --import tsx analyze.ts).
import { fileURLToPath } from 'node:url';
import { openBundle } from '@bundle-triage/core';
import { renderReport } from '@bundle-triage/report';
import { analyze, loadCatalog, loadRuleDirectory } from '@bundle-triage/rules';

const folder = fileURLToPath(new URL('./rules', import.meta.url));
const site = await loadRuleDirectory(folder, { code: true });
if (site.problems.length > 0) {
  for (const problem of site.problems) process.stderr.write(`${problem.file}#${problem.pointer}: ${problem.message}\n`);
  process.exit(2);
}
const siteRules = [...site.rules, ...(site.codeRules ?? [])];
const bundle = await openBundle(process.argv[2] ?? fileURLToPath(new URL('../../testdata/bundles/flagship-v1.4.1.zip', import.meta.url)));
try {
  const report = await analyze(bundle, { rules: [...(await loadCatalog()), ...siteRules], only: siteRules.map((rule) => rule.id) });
  process.stdout.write(renderReport(report, 'text', { verbose: true }));
} finally {
  await bundle.close();
}
