// The analyze and baseline cases: what `bundle-triage analyze` runs. The built library in plain
// Node when `packages/*/dist` exists (run.ts then starts this without tsx); otherwise the
// sources, which need `node --import tsx`. tsx's loader (its own thread, source maps, every
// module through its hooks, the log thread too) adds ≈ 90 MB of RSS and CPU users never pay.
//
//   node bench/cases/analyze-case.mjs analyze <path> [--only <rule>] [--fast] [--no-health]
//   node bench/cases/analyze-case.mjs baseline -
//
// Prints the same JSON line as run-case.ts (the other cases).
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const built = ['core', 'rules'].every((name) => existsSync(fileURLToPath(new URL(`../../packages/${name}/dist/index.js`, import.meta.url))));
const library = (name) => new URL(built ? `../../packages/${name}/dist/index.js` : `../../packages/${name}/src/index.ts`, import.meta.url).href;
const { openBundle } = await import(library('core'));
const { analyze, loadCatalog } = await import(library('rules'));
const HEALTH_RULE_IDS = JSON.parse(readFileSync(new URL('./health-rule-ids.json', import.meta.url), 'utf8'));

const [caseName, target, ...rest] = process.argv.slice(2);
const only = rest.includes('--only') ? rest[rest.indexOf('--only') + 1] : undefined;

async function timed(name, work) {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const extra = await work();
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return { case: name, ms, cpuMs: (used.user + used.system) / 1000, maxRssKb: process.resourceUsage().maxRSS, library: built ? 'dist' : 'src', ...extra };
}

async function main() {
  const rules = await loadCatalog();
  if (caseName === 'baseline') return timed('baseline', () => ({}));
  if (caseName !== 'analyze') throw new Error(`unknown case ${caseName} (analyze-case.mjs runs analyze and baseline; run-case.ts the others)`);
  return timed('analyze', async () => {
    const bundle = await openBundle(target);
    try {
      const report = await analyze(bundle, {
        rules,
        ...(only ? { only: [only] } : {}),
        ...(rest.includes('--no-health') ? { skip: HEALTH_RULE_IDS } : {}),
        ...(rest.includes('--fast') ? { overview: false, patterns: false, timeline: false } : {}),
      });
      return {
        bytes: bundle.stats.bytesRead,
        rules: report.run?.rules,
        failed: [...new Set(report.findings.filter((finding) => finding.status === 'fail').map((finding) => finding.ruleId))].sort(),
        errors: report.errors.map((error) => `${error.ruleId}: ${error.message}`),
      };
    } finally {
      await bundle.close();
    }
  });
}

main().then(
  (result) => process.stdout.write(`${JSON.stringify(result)}\n`),
  (error) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
