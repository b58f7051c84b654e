// The analyze and baseline cases on the built library, in plain Node: what `bundle-triage
// analyze` runs. run-case.ts runs the same cases from the sources through tsx when the packages
// are not built; tsx's loader (its own thread, source maps, every module passed through its
// hooks, the log thread too) adds ≈ 90 MB of RSS and seconds of CPU that users never pay.
//
//   node bench/cases/analyze-built.mjs analyze <path> [--only <rule>] [--fast] [--no-health]
//   node bench/cases/analyze-built.mjs baseline -
//
// Prints the same JSON line as run-case.ts.
import { readFileSync } from 'node:fs';

const { openBundle } = await import('../../packages/core/dist/index.js');
const { analyze, loadCatalog } = await import('../../packages/rules/dist/index.js');
const HEALTH_RULE_IDS = JSON.parse(readFileSync(new URL('./health-rule-ids.json', import.meta.url), 'utf8'));

const [caseName, target, ...rest] = process.argv.slice(2);
const only = rest.includes('--only') ? rest[rest.indexOf('--only') + 1] : undefined;

async function timed(name, work) {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const extra = await work();
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return { case: name, ms, cpuMs: (used.user + used.system) / 1000, maxRssKb: process.resourceUsage().maxRSS, library: 'dist', ...extra };
}

async function main() {
  const rules = await loadCatalog();
  if (caseName === 'baseline') return timed('baseline', () => ({}));
  if (caseName !== 'analyze') throw new Error(`unknown case ${caseName} (analyze-built.mjs runs analyze and baseline)`);
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
