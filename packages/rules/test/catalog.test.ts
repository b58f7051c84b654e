import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { openBundle } from '@bundle-triage/core';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { healthyCluster } from '../../../testdata/generator/index.js';
import type { BuiltInRule } from '../src/catalog/built-in-rule.js';
import { compileCatalogModule } from '../src/catalog/catalog-module.js';
import { discoverRuleFolders } from '../src/catalog/discover-rule-folders.js';
import { renderCatalogTable } from '../src/catalog/catalog-table.js';
import { catalogDirectory, loadCatalog } from '../src/catalog/load-catalog.js';
import { loadNotDetectable } from '../src/catalog/not-detectable.js';
import { analyze } from '../src/engine/analyze.js';
import { ENGINE_FEATURES, ENGINE_GAPS, type WhyCode } from '../src/rule/engine-features.js';
import { runRule } from '../src/testing/index.js';

const SIGNATURE_COUNT = 49;

const compiledFolders = () => discoverRuleFolders(catalogDirectory()).folders;

describe('the built-in catalog', () => {
  it('loads every rule file against the schema, with unique kebab-case ids', async () => {
    const rules = await loadCatalog();
    const ids = rules.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+([.-][a-z0-9]+)*$/);
  });

  it('keeps each rule in catalog/<component>/<rule-id>/, named after its id and component', async () => {
    const modulePath = fileURLToPath(new URL('../src/catalog/built-in-rules.generated.ts', import.meta.url));
    const compiled = await compileCatalogModule(catalogDirectory(), modulePath);
    expect(compiled.problems).toEqual([]);
    for (const rule of await loadCatalog()) {
      const folder = compiled.folders.find((candidate) => candidate.id === rule.id);
      expect(folder?.component, rule.id).toBe(rule.component);
      expect(folder?.file, rule.id).toBe(rule.kind === 'code' ? 'rule.ts' : 'rule.yaml');
    }
    // The compiled module the package imports is the one these folders give (the test setup wrote it).
    expect(readFileSync(modulePath, 'utf8')).toBe(compiled.source);
  });

  it('links only to rules of the catalog (refines and explains name existing ids, never the rule itself)', async () => {
    const rules = await loadCatalog();
    const ids = new Set(rules.map((rule) => rule.id));
    for (const rule of rules) {
      for (const link of [...(rule.refines ?? []), ...(rule.explains ?? [])]) {
        expect(ids.has(link.rule), `${rule.id} links to ${link.rule}`).toBe(true);
        expect(link.rule, rule.id).not.toBe(rule.id);
      }
    }
  });

  it('keeps a rule as code only for features the engine lacks (a stale reason fails here: port the rule)', async () => {
    const code = (await loadCatalog()).filter((rule) => rule.kind === 'code');
    for (const rule of code) {
      expect(typeof rule.whyCode, `${rule.id}: whyCode names the missing features it needs`).toBe('object');
      const { needs, because } = rule.whyCode as WhyCode;
      expect(needs.length, rule.id).toBeGreaterThan(0);
      expect(because.length, rule.id).toBeGreaterThan(20);
      for (const need of needs) {
        expect(Object.keys(ENGINE_GAPS), `${rule.id} needs "${need}"`).toContain(need);
        expect(Object.keys(ENGINE_FEATURES), `${rule.id} says it needs "${need}", which the engine has now`).not.toContain(need);
      }
    }
  });

  it('has code rules without type casts: their inputs are typed from their specs, fields read through object-fields', () => {
    const files = [
      ...compiledFolders().filter((folder) => folder.file === 'rule.ts').map((folder) => folder.path),
      ...readdirSync(fileURLToPath(new URL('../src/catalog/support/', import.meta.url))).map((name) => fileURLToPath(new URL(`../src/catalog/support/${name}`, import.meta.url))),
    ];
    const casts: string[] = [];
    for (const file of files) {
      const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
      const visit = (node: ts.Node): void => {
        if ((ts.isAsExpression(node) || ts.isTypeAssertionExpression(node)) && node.type.getText(source) !== 'const') {
          casts.push(`${file.split('/packages/rules/')[1]}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1} ${node.getText(source).slice(0, 80)}`);
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
    expect(casts).toEqual([]);
  });

  it('gives every rule with a signature a description', async () => {
    for (const rule of await loadCatalog()) {
      if (rule.signature) expect(rule.description, rule.id).toBeTruthy();
    }
  });

  it('gives every rule references, and every rule that can fail a remediation', async () => {
    for (const rule of await loadCatalog()) {
      expect(rule.references?.length ?? 0, `${rule.id} has no references`).toBeGreaterThan(0);
      if (rule.kind !== 'declarative') continue;
      for (const outcome of rule.outcomes.filter((candidate) => candidate.status === 'fail' || candidate.status === 'warn')) {
        expect(outcome.remediation ?? rule.remediation, `${rule.id}: a ${outcome.status} outcome without a remediation`).toBeDefined();
      }
    }
  });

  it(`accounts for all ${SIGNATURE_COUNT} signatures: a rule each, or a not-detectable entry with its reason`, async () => {
    const rules = await loadCatalog();
    const notDetectable = await loadNotDetectable();
    const covered = [...rules.flatMap((rule) => (rule.signature ? [rule.signature] : [])), ...notDetectable.map((entry) => entry.signature)];
    const expected = Array.from({ length: SIGNATURE_COUNT }, (_, index) => `S${String(index + 1).padStart(2, '0')}`);
    expect([...covered].sort()).toEqual(expected);
    for (const entry of notDetectable) expect(entry.reason.length, `${entry.signature} needs a reason`).toBeGreaterThan(20);
  });

  it('matches the committed catalog table (run pnpm catalog:table when it does not)', async () => {
    const table = renderCatalogTable(await loadCatalog(), await loadNotDetectable());
    const committed = readFileSync(join(catalogDirectory(), '..', 'CATALOG.md'), 'utf8');
    expect(committed, 'packages/rules/CATALOG.md is stale: run pnpm catalog:table').toBe(table);
  });
});

describe('a new rule is one new folder', () => {
  it('picks up a declarative and a code rule from folders alone, with the discovery that compiles the catalog', async () => {
    const root = mkdtempSync(join(tmpdir(), 'bundle-triage-catalog-'));
    try {
      const folder = (path: string) => {
        mkdirSync(join(root, path), { recursive: true });
        return join(root, path);
      };
      writeFileSync(
        join(folder('acme/acme-widget-broken'), 'rule.yaml'),
        'id: acme-widget-broken\ntitle: A widget is broken\nseverity: low\ncomponent: acme\ninputs: {}\noutcomes:\n  - { status: info, message: widgets checked }\n',
      );
      const defineCodeRule = pathToFileURL(fileURLToPath(new URL('../src/rule/rule.ts', import.meta.url))).href;
      writeFileSync(
        join(folder('acme/acme-gadget-broken'), 'rule.ts'),
        `import { defineCodeRule } from ${JSON.stringify(defineCodeRule)};\nexport default defineCodeRule({ id: 'acme-gadget-broken', title: 'A gadget is broken', severity: 'low', component: 'acme', whyCode: 'test', evaluate: async () => [] });\n`,
      );
      const modulePath = join(root, 'compiled.ts');
      const compiled = await compileCatalogModule(root, modulePath);
      expect(compiled.problems).toEqual([]);
      writeFileSync(modulePath, compiled.source);
      const { BUILT_IN_RULES } = (await import(pathToFileURL(modulePath).href)) as { BUILT_IN_RULES: BuiltInRule[] };
      expect(BUILT_IN_RULES.map((entry) => [entry.folder, entry.kind, entry.rule.id])).toEqual([
        ['acme/acme-gadget-broken', 'code', 'acme-gadget-broken'],
        ['acme/acme-widget-broken', 'declarative', 'acme-widget-broken'],
      ]);
      writeFileSync(join(folder('acme/acme-widget-broken'), 'rule.ts'), 'export default {};\n');
      writeFileSync(join(folder('other/acme-sprocket-broken'), 'rule.yaml'), 'id: acme-sprocket\ntitle: t\nseverity: low\ncomponent: acme\ninputs: {}\noutcomes:\n  - { status: info, message: m }\n');
      const broken = await compileCatalogModule(root, modulePath);
      expect(broken.problems.map((problem) => `${problem.file} ${problem.message}`)).toEqual([
        'acme/acme-widget-broken a rule folder holds one rule: rule.yaml or rule.ts, not both',
        'other/acme-sprocket-broken/rule.yaml the rule\'s id "acme-sprocket" is not its folder\'s name "acme-sprocket-broken"',
        'other/acme-sprocket-broken/rule.yaml the rule\'s component "acme" is not its folder\'s component "other"',
      ]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('each catalog rule alone on healthy generated clusters', () => {
  for (const [version, nodes, seed] of [
    ['v1.4.1', 1, 1],
    ['v1.4.2', 3, 2],
  ] as const) {
    it(`neither fails nor warns nor errs on a healthy ${nodes}-node ${version} cluster (upgrade-gate-* and precheck-*: pass or skipped)`, async () => {
      const zip = healthyCluster({ harvesterVersion: version, nodes, seed }).toZip();
      const bundle = await openBundle(zip);
      try {
        const noisy: string[] = [];
        for (const rule of await loadCatalog()) {
          const run = await runRule(rule, bundle);
          // The validator's and the pre-check script's checks (upgrade-gate-*, precheck-*) have no info outcome on a healthy cluster.
          const readiness = /^(upgrade-gate|precheck)-/.test(rule.id);
          const quiet = readiness ? ['pass', 'skipped'] : ['pass', 'info', 'skipped'];
          if (!quiet.includes(run.outcome)) noisy.push(`${rule.id}: ${run.outcome} ${run.finding?.message ?? run.error ?? ''}`);
        }
        expect(noisy).toEqual([]);
      } finally {
        await bundle.close();
      }
    }, 180_000);
  }
});

describe('the whole catalog on healthy generated clusters', () => {
  for (const [version, nodes, seed] of [
    ['v1.4.1', 1, 1],
    ['v1.4.2', 3, 2],
  ] as const) {
    it(`reports no fail, no warn and no error on a healthy ${nodes}-node ${version} cluster`, async () => {
      const bundle = await openBundle(healthyCluster({ harvesterVersion: version, nodes, seed }).toZip());
      try {
        const report = await analyze(bundle, { rules: await loadCatalog() });
        const noisy = report.findings.filter((finding) => finding.status === 'fail' || finding.status === 'warn');
        expect(noisy.map((finding) => `${finding.ruleId}: ${finding.message}`)).toEqual([]);
        expect(report.errors).toEqual([]);
      } finally {
        await bundle.close();
      }
    }, 120_000);
  }
});

const SAMPLE = process.env.BUNDLE_TRIAGE_SAMPLE_V10 ?? '';
describe.skipIf(!SAMPLE || !existsSync(join(SAMPLE, 'metadata.yaml')))(`the whole catalog on the real v1.0 sample (${SAMPLE || 'absent'})`, () => {
  it('runs without a rule error', async () => {
    const bundle = await openBundle(SAMPLE);
    try {
      const report = await analyze(bundle, { rules: await loadCatalog() });
      expect(report.errors).toEqual([]);
      expect(report.bundle.harvesterVersion).toBe('1a861fc-dirty');
    } finally {
      await bundle.close();
    }
  }, 120_000);

  it('skips the supportconfig checks as not recorded (a kit before v0.0.26), and reads node1\'s kernel log', async () => {
    const bundle = await openBundle(SAMPLE);
    try {
      const rules = (await loadCatalog()).filter((rule) => rule.component === 'node' || rule.id === 'upgrade-gate-free-system-partition');
      const report = await analyze(bundle, { rules });
      const supportconfig = report.skipped.filter((entry) => /^(node-(filesystem-full|memory-pressure|load-high|systemd-unit-failed|disk-smart-failed)|precheck-node-free-space)$/.test(entry.ruleId));
      expect(supportconfig).toHaveLength(6);
      for (const entry of supportconfig) {
        expect(entry.kind).toBe('not-recorded');
        expect(entry.reason).toMatch(/^this bundle's support-bundle-kit predates v0\.0\.26/);
      }
      // Checks of later releases do not get that far: a development build on Kubernetes v1.21 is of the v1.0 line.
      const later = report.skipped.filter((entry) => entry.ruleId === 'precheck-cos-state-size' || entry.ruleId === 'upgrade-gate-free-system-partition');
      expect(later.map((entry) => [entry.ruleId, entry.kind])).toEqual([['precheck-cos-state-size', 'version'], ['upgrade-gate-free-system-partition', 'version']]);
      // The kernel log is there: grafana-server's volume (sdc) logged ext4 errors the day before the bundle.
      const fsErrors = report.findings.find((finding) => finding.ruleId === 'node-kernel-filesystem-error');
      expect(fsErrors?.status).toBe('fail');
      expect(fsErrors?.evidence[0]?.path).toBe('nodes/node1.zip!/node1/logs/kernel.log');
      expect(fsErrors?.evidence[0]?.excerpt).toContain('EXT4-fs error (device sdc)');
      // node1's kernel log ends 86 s after the bundle's stamp, while the kit was collecting it.
      expect(fsErrors?.message).toMatch(/^Filesystem errors in the 24 hours up to the bundle, the last one while the bundle was being taken: /);
      expect(report.errors).toEqual([]);
    } finally {
      await bundle.close();
    }
  }, 120_000);

  it('finds the cause of the four stuck deletions: rancher-monitoring\'s Longhorn volumes were deleted under their running pods', async () => {
    const bundle = await openBundle(SAMPLE);
    try {
      const rules = (await loadCatalog()).filter((rule) => rule.id === 'longhorn-volume-deleted-under-bound-pv' || rule.id === 'object-deletion-stuck');
      const report = await analyze(bundle, { rules });
      const causes = report.findings.filter((finding) => finding.ruleId === 'longhorn-volume-deleted-under-bound-pv');
      expect(causes.map((finding) => finding.status)).toEqual(['fail', 'fail']);
      expect(causes.map((finding) => finding.message.match(/Bound to claim (\S+),/)?.[1]).sort()).toEqual([
        'cattle-monitoring-system/prometheus-rancher-monitoring-prometheus-db-prometheus-rancher-monitoring-prometheus-0',
        'cattle-monitoring-system/rancher-monitoring-grafana',
      ]);
      expect(causes.every((finding) => /Pods still mounting the claim, whose I\/O on it fails: cattle-monitoring-system\/\S+\.$/.test(finding.message))).toBe(true);
      const stuck = report.findings.filter((finding) => finding.ruleId === 'object-deletion-stuck');
      expect(stuck).toHaveLength(4);
      for (const finding of stuck) expect(finding.causedBy?.map((cause) => cause.ruleId)).toEqual(['longhorn-volume-deleted-under-bound-pv']);
    } finally {
      await bundle.close();
    }
  }, 120_000);
});
