#!/usr/bin/env node
// Checks what a user of the published packages gets: `pnpm pack` of each package, then a plain
// `npm install` of the five tarballs into a fresh project outside the repository, then require(),
// import, the types (node16, nodenext and bundler resolution), the exported JSON schemas, the
// built-in catalog found from the installed package, and the `bundle-triage` bin. The workspace
// links packages by folder, so none of this is exercised by the tests. Prints each check, then
// "N checks passed, N failed"; exits non-zero on any failure. Needs `pnpm build` first (it packs
// dist/ as it is) and the npm registry for third-party dependencies (npm's cache is reused).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// In dependency order: a package's tarball is packed before the packages that depend on it.
// (The CLI depends on the server optionally: only `serve` and `worker` import it.)
const PACKAGES = ['core', 'rules', 'report', 'server', 'cli'];
const FLAGSHIP_ZIP = join(root, 'testdata/bundles/flagship-v1.4.1.zip');
const FLAGSHIP_HEADLINE = 'mcc-harvester-modified-snapshot-validation-webhook';
// A source that must never be bundled into dist: tests, fixtures, and test-only helpers such as
// core's src/source/test-archives.ts. (src/testing/ is the rules package's public test kit.)
const TEST_SOURCE = /(^|\/)(test|tests|__tests__|fixtures?)\/|\.(test|spec)\.[cm]?[jt]sx?$|(^|\/)test-[^/]*$/;

const rootManifest = readJson(join(root, 'package.json'));
const typescriptVersion = rootManifest.devDependencies.typescript;
const typesNodeVersion = rootManifest.devDependencies['@types/node'];

const work = mkdtempSync(join(tmpdir(), 'bundle-triage-pack-'));
let cleaned = false;
function cleanUp() {
  if (cleaned) return;
  cleaned = true;
  rmSync(work, { recursive: true, force: true });
}
process.on('exit', cleanUp);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    cleanUp();
    process.exit(130);
  });
}

const results = { passed: 0, failed: [] };
function check(name, body) {
  try {
    body();
    results.passed += 1;
    console.log(`ok    ${name}`);
  } catch (error) {
    results.failed.push(name);
    console.log(`FAIL  ${name}\n      ${String(error.message).trim().split('\n').join('\n      ')}`);
  }
}

function fail(message) {
  throw new Error(message);
}

function readJson(path) {
  return JSON.parse(readFileSync(path, 'utf8'));
}

/** Runs a command; fails with its output unless it exits with one of `okCodes`. */
function run(command, args, { cwd, okCodes = [0], timeout = 180_000 } = {}) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', timeout, maxBuffer: 64 * 1024 * 1024 });
  const shown = `${command} ${args.join(' ')}`;
  if (result.error) fail(`${shown}: ${result.error.message}`);
  if (!okCodes.includes(result.status)) {
    const output = `${result.stdout}\n${result.stderr}`.trim().split('\n').slice(-30).join('\n');
    fail(`${shown} exited with ${result.status ?? result.signal} (expected ${okCodes.join(' or ')})\n${output}`);
  }
  return result;
}

const started = Date.now();
const tarballsDir = join(work, 'tarballs');
const unpackedDir = join(work, 'unpacked');
const project = join(work, 'project');
mkdirSync(tarballsDir);
mkdirSync(unpackedDir);
mkdirSync(project);
console.log(`check-pack: working in ${work}`);

const missingBuild = PACKAGES.filter((name) => !existsSync(join(root, 'packages', name, 'dist')));
if (missingBuild.length > 0) {
  console.error(`check-pack: ${missingBuild.join(', ')} not built; run pnpm build first`);
  process.exit(1);
}

// ── 1. Pack each package and look inside the tarball ────────────────────────────────────────────
const packed = new Map(); // package folder name → { manifest, tarball, unpacked }
const versions = new Map(
  PACKAGES.map((name) => readJson(join(root, 'packages', name, 'package.json'))).map((manifest) => [manifest.name, manifest.version]),
);

for (const name of PACKAGES) {
  const packageDir = join(root, 'packages', name);
  const manifest = readJson(join(packageDir, 'package.json'));

  check(`${manifest.name}: package.json has what a published package needs`, () => {
    const problems = [];
    if (manifest.private) problems.push('"private": true (it could not be published)');
    for (const field of ['name', 'version', 'description', 'license', 'types', 'exports', 'files']) {
      if (!manifest[field]) problems.push(`no "${field}"`);
    }
    if (!Array.isArray(manifest.keywords) || manifest.keywords.length === 0) problems.push('no "keywords"');
    if (!manifest.engines?.node) problems.push('no "engines.node"');
    if (manifest.sideEffects === undefined) problems.push('no "sideEffects"');
    if (problems.length > 0) fail(problems.join('; '));
  });

  const unpacked = join(unpackedDir, name);
  check(`${manifest.name}: pnpm pack`, () => {
    const result = run('pnpm', ['pack', '--json', '--pack-destination', tarballsDir], { cwd: packageDir });
    const tarball = JSON.parse(result.stdout).filename;
    if (!tarball || !existsSync(tarball)) fail(`pnpm pack reported no tarball:\n${result.stdout}`);
    mkdirSync(unpacked);
    run('tar', ['xzf', tarball, '-C', unpacked, '--strip-components=1']);
    packed.set(name, { manifest: readJson(join(unpacked, 'package.json')), tarball, unpacked });
  });
  if (!packed.has(name)) continue;
  const packedManifest = packed.get(name).manifest;

  check(`${manifest.name}: every file package.json points at is in the tarball, with README.md`, () => {
    const targets = new Set(['README.md']);
    for (const field of ['main', 'module', 'types']) if (packedManifest[field]) targets.add(packedManifest[field]);
    for (const target of Object.values(packedManifest.bin ?? {})) targets.add(target);
    const collect = (value) => {
      if (typeof value === 'string') targets.add(value);
      else if (value && typeof value === 'object') Object.values(value).forEach(collect);
    };
    collect(packedManifest.exports);
    const missing = [...targets].filter((target) => !existsSync(join(unpacked, target)));
    if (missing.length > 0) fail(`missing from the tarball: ${missing.join(', ')} (is the build complete?)`);
  });

  check(`${manifest.name}: each export has ESM .js, CJS .cjs, .d.ts and .d.cts`, () => {
    const problems = [];
    for (const [subpath, target] of Object.entries(packedManifest.exports)) {
      if (typeof target === 'string') {
        if (!/\.json$/.test(target) && subpath !== './package.json') problems.push(`${subpath}: only one file (${target})`);
        continue;
      }
      const expect = [
        [target.import?.default, /\.js$/],
        [target.import?.types, /\.d\.ts$/],
        [target.require?.default, /\.cjs$/],
        [target.require?.types, /\.d\.cts$/],
      ];
      for (const [file, pattern] of expect) if (!file || !pattern.test(file)) problems.push(`${subpath}: ${file ?? 'nothing'} where ${pattern} was expected`);
      for (const condition of [target.import, target.require]) {
        if (condition && Object.keys(condition)[0] !== 'types') problems.push(`${subpath}: "types" must come first in ${JSON.stringify(condition)}`);
      }
    }
    if (problems.length > 0) fail(problems.join('\n'));
  });

  check(`${manifest.name}: dependencies name real versions (no workspace:)`, () => {
    const problems = [];
    for (const field of ['dependencies', 'peerDependencies', 'optionalDependencies']) {
      for (const [dependency, range] of Object.entries(packedManifest[field] ?? {})) {
        if (/^(workspace|link|file|portal):/.test(range)) problems.push(`${field}.${dependency}: ${range}`);
        else if (versions.has(dependency) && range !== versions.get(dependency)) problems.push(`${field}.${dependency}: ${range}, but the workspace has ${versions.get(dependency)}`);
      }
    }
    if (problems.length > 0) fail(problems.join('; '));
  });

  check(`${manifest.name}: no test code in dist (by the sources in its source maps)`, () => {
    const bundled = new Set();
    for (const file of readdirSync(join(unpacked, 'dist'))) {
      if (!file.endsWith('.map')) continue;
      for (const source of readJson(join(unpacked, 'dist', file)).sources ?? []) bundled.add(source.replace(/^(\.\.\/)+/, ''));
    }
    const tests = [...bundled].filter((source) => !source.includes('node_modules/') && TEST_SOURCE.test(source));
    if (tests.length > 0) fail(`bundled test sources: ${tests.join(', ')}`);
  });

  for (const [command, target] of Object.entries(packedManifest.bin ?? {})) {
    check(`${manifest.name}: bin ${command} (${target}) starts with #!/usr/bin/env node`, () => {
      const firstLine = readFileSync(join(unpacked, target), 'utf8').split('\n', 1)[0];
      if (firstLine !== '#!/usr/bin/env node') fail(`first line is ${JSON.stringify(firstLine)}`);
    });
  }
}

// ── 2. Install the tarballs with plain npm in an unrelated project ──────────────────────────────
let installed = false;
check('npm install of the five tarballs in a new project', () => {
  if (packed.size !== PACKAGES.length) fail('not every package was packed');
  run('npm', ['init', '-y'], { cwd: project });
  run(
    'npm',
    [
      'install',
      '--no-audit',
      '--no-fund',
      '--prefer-offline',
      '--loglevel=error',
      ...[...packed.values()].map(({ tarball }) => tarball),
      `typescript@${typescriptVersion}`,
      `@types/node@${typesNodeVersion}`,
    ],
    { cwd: project, timeout: 300_000 },
  );
  // Each @bundle-triage/* dependency must be the tarball, not a copy from the registry.
  const nested = [];
  for (const name of PACKAGES) {
    const nestedDir = join(project, 'node_modules', packed.get(name).manifest.name, 'node_modules', '@bundle-triage');
    if (existsSync(nestedDir)) nested.push(`${packed.get(name).manifest.name} → ${readdirSync(nestedDir).join(', ')}`);
  }
  if (nested.length > 0) fail(`npm installed second copies of @bundle-triage packages: ${nested.join('; ')}`);
  installed = true;
});

if (installed) {
  const installedCatalog = join(realpathSync(join(project, 'node_modules', '@bundle-triage', 'rules')), 'catalog');
  const ruleYaml = [
    'id: pack-check-volume-faulted',
    'title: A Longhorn volume is faulted',
    'severity: high',
    'component: longhorn',
    'inputs:',
    '  volumes: { resource: { group: longhorn.io, resource: volumes, namespace: longhorn-system } }',
    'match: { forEach: volumes, as: volume }',
    'outcomes:',
    '  - when: { field: { path: volume/status/robustness, equals: faulted } }',
    '    status: fail',
    '    message: Longhorn volume {{ volume/metadata/name }} is faulted.',
    '',
  ].join('\n');

  // The same program, as CommonJS and as ESM: every entry loads, the catalog is found inside the
  // installed package, a bundle is analysed and its report validates, the test kit runs a rule.
  const program = (load, loadJson) => `
const assert = (condition, message) => { if (!condition) throw new Error(message); };
const core = ${load('@bundle-triage/core')};
const rules = ${load('@bundle-triage/rules')};
const testing = ${load('@bundle-triage/rules/testing')};
const report = ${load('@bundle-triage/report')};
const cli = ${load('@bundle-triage/cli')};
const server = ${load('@bundle-triage/server')};
assert(typeof server.startService === 'function' && typeof server.startWorker === 'function', 'server.startService/startWorker missing');
assert(typeof core.openBundle === 'function', 'core.openBundle is not a function');
assert(typeof rules.analyze === 'function' && typeof rules.loadCatalog === 'function', 'rules.analyze/loadCatalog missing');
assert(typeof testing.BundleBuilder === 'function' && typeof testing.runRule === 'function', 'rules/testing BundleBuilder/runRule missing');
assert(typeof report.renderReport === 'function' && typeof report.validateReport === 'function', 'report.renderReport/validateReport missing');
assert(typeof cli.main === 'function', 'cli.main is not a function');
const ruleSchema = ${loadJson('@bundle-triage/rules/schema/rule.schema.json')};
const reportSchema = ${loadJson('@bundle-triage/report/schema/report.schema.json')};
assert(typeof ruleSchema.$schema === 'string' && typeof reportSchema.$schema === 'string', 'a JSON schema has no $schema');
assert(${loadJson('@bundle-triage/core/package.json')}.name === '@bundle-triage/core', 'core/package.json is not exported');

const catalogDirectory = rules.catalogDirectory();
assert(catalogDirectory === ${JSON.stringify(installedCatalog)}, 'catalog found at ' + catalogDirectory + ', not in the installed package');
const catalog = await rules.loadCatalog();
assert(catalog.length >= 40, 'loadCatalog() returned ' + catalog.length + ' rules');

const bundle = await core.openBundle(${JSON.stringify(FLAGSHIP_ZIP)});
try {
  const analysed = await rules.analyze(bundle, { rules: catalog });
  assert(analysed.summary.headline === ${JSON.stringify(FLAGSHIP_HEADLINE)}, 'headline is ' + analysed.summary.headline);
  const json = JSON.parse(report.renderReport(analysed, 'json'));
  const validation = report.validateReport(json);
  assert(validation.valid, 'the JSON report does not validate: ' + JSON.stringify(validation.errors).slice(0, 500));
} finally {
  await bundle.close();
}

const builder = new testing.BundleBuilder({ createdAt: '2025-03-06T22:45:28Z', kubernetesVersion: 'v1.30.7+rke2r1' });
builder.collectNamespace('longhorn-system');
builder.addObject({ apiVersion: 'longhorn.io/v1beta2', kind: 'Volume', metadata: { name: 'pvc-1', namespace: 'longhorn-system' }, status: { robustness: 'faulted', state: 'detached' } });
const ruleRun = await testing.runRule(${JSON.stringify(ruleYaml)}, builder);
assert(ruleRun.outcome === 'fail', 'runRule outcome is ' + ruleRun.outcome + (ruleRun.error ? ': ' + ruleRun.error : ''));
// One engine for both entries: a RuleSkip from the main entry is a skip in the test kit's engine too.
const skipping = rules.defineCodeRule({ id: 'pack-check-skip', title: 'Skips', severity: 'low', component: 'test', whyCode: 'check', evaluate: async () => { throw new rules.RuleSkip('not in this bundle'); } });
const skipRun = await testing.runRule(skipping, builder);
assert(skipRun.outcome === 'skipped', 'a RuleSkip thrown by a code rule ended as ' + skipRun.outcome + (skipRun.error ? ': ' + skipRun.error : ''));

// cli.main in-process: batch finds dist/worker.js beside this format's build (import.meta.url shim in CJS).
let batchOut = '';
let batchErr = '';
const io = {
  stdout: { write: (text) => { batchOut += text; } },
  stderr: { write: (text) => { batchErr += text; } },
  stdin: [],
  isTTY: { stdin: false, stdout: false, stderr: false },
  env: {},
};
const batchExit = await cli.main(['batch', ${JSON.stringify(FLAGSHIP_ZIP)}, '-j', '1'], io);
assert(batchExit === 0 && JSON.parse(batchOut).headline === ${JSON.stringify(FLAGSHIP_HEADLINE)}, 'cli.main batch exited ' + batchExit + ': ' + batchOut + batchErr);

// The service, embedded, from the installed package: its analysis thread loads from beside this format's build.
const fs = ${load('node:fs')};
const os = ${load('node:os')};
const path = ${load('node:path')};
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pack-check-serve-'));
const service = await server.startService({ backend: { kind: 'embedded', dataDir }, port: 0, open: true });
try {
  const uploaded = await (await fetch(service.url + '/api/uploads', { method: 'POST', body: fs.readFileSync(${JSON.stringify(FLAGSHIP_ZIP)}), headers: { 'content-type': 'application/zip' } })).json();
  let analysis;
  for (let tries = 0; tries < 600 && !(analysis && (analysis.status === 'done' || analysis.status === 'error')); tries += 1) {
    if (tries > 0) await new Promise((resolve) => setTimeout(resolve, 100));
    analysis = await (await fetch(service.url + '/api/analyses/' + uploaded.analysisId)).json();
  }
  assert(analysis.status === 'done' && analysis.summary.headline === ${JSON.stringify(FLAGSHIP_HEADLINE)}, 'the service analysed the upload as ' + JSON.stringify(analysis).slice(0, 300));
} finally {
  await service.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
console.log('ok');
`;
  writeFileSync(join(project, 'check.cjs'), `(async () => {${program((id) => `require(${JSON.stringify(id)})`, (id) => `require(${JSON.stringify(id)})`)}})().catch((error) => { console.error(error); process.exit(1); });\n`);
  writeFileSync(
    join(project, 'check.mjs'),
    program(
      (id) => `await import(${JSON.stringify(id)})`,
      (id) => `(await import(${JSON.stringify(id)}, { with: { type: 'json' } })).default`,
    ),
  );
  check('CommonJS: require() of every entry, schemas, catalog, analyze, test kit, cli.main batch, an embedded service', () => {
    run(process.execPath, ['check.cjs'], { cwd: project });
  });
  check('ESM: import of every entry, schemas, catalog, analyze, test kit, cli.main batch, an embedded service', () => {
    run(process.execPath, ['check.mjs'], { cwd: project });
  });

  // Types: the same file as CommonJS (.ts in a package without "type": "module") and ESM (.mts).
  const typesProgram = `import { openBundle, type Bundle, type BundleFacts } from '@bundle-triage/core';
import { analyze, loadCatalog, type Finding, type Report } from '@bundle-triage/rules';
import { BundleBuilder, runRule, type RuleRun } from '@bundle-triage/rules/testing';
import { renderReport, validateReport, type ReportFormat } from '@bundle-triage/report';
import { main, processIo, type BatchLine } from '@bundle-triage/cli';
import { startService, type RunningService, type ServiceOptions } from '@bundle-triage/server';

export async function triage(path: string, format: ReportFormat): Promise<string> {
  const bundle: Bundle = await openBundle(path);
  try {
    const facts: BundleFacts = await bundle.facts();
    const report: Report = await analyze(bundle, { rules: await loadCatalog() });
    const first: Finding | undefined = report.findings[0];
    const valid: boolean = validateReport(report).valid;
    return \`\${facts.kubernetesVersion} \${first?.ruleId} \${valid} \${renderReport(report, format)}\`;
  } finally {
    await bundle.close();
  }
}

export async function kit(rule: string): Promise<RuleRun['outcome']> {
  return (await runRule(rule, new BundleBuilder({ createdAt: '2025-03-06T22:45:28Z', kubernetesVersion: 'v1.30.7+rke2r1' }))).outcome;
}

export async function serve(options: ServiceOptions): Promise<string> {
  const service: RunningService = await startService(options);
  await service.close();
  return service.url;
}

export async function command(line: BatchLine): Promise<number> {
  return main(['analyze', line.path], processIo(new AbortController().signal));
}
`;
  writeFileSync(join(project, 'types-check.ts'), typesProgram);
  writeFileSync(join(project, 'types-check.mts'), typesProgram);
  const tsc = join(project, 'node_modules', 'typescript', 'bin', 'tsc');
  for (const [module, moduleResolution] of [
    ['node16', 'node16'],
    ['nodenext', 'nodenext'],
    ['esnext', 'bundler'],
  ]) {
    check(`types: tsc --noEmit with moduleResolution ${moduleResolution} (CJS .ts and ESM .mts)`, () => {
      const config = `tsconfig.${moduleResolution}.json`;
      const compilerOptions = { module, moduleResolution, target: 'es2022', strict: true, noEmit: true, skipLibCheck: false, types: ['node'] };
      writeFileSync(join(project, config), JSON.stringify({ compilerOptions, files: ['types-check.ts', 'types-check.mts'] }, null, 2));
      run(process.execPath, [tsc, '-p', config], { cwd: project });
    });
  }

  check('bin: node_modules/.bin/bundle-triage is executable', () => {
    const target = realpathSync(join(project, 'node_modules', '.bin', 'bundle-triage'));
    if ((statSync(target).mode & 0o111) === 0) fail(`${relative(project, target)} is not executable`);
  });

  const cliVersion = packed.get('cli').manifest.version;
  check('bin: npx bundle-triage --version', () => {
    const { stdout } = run('npx', ['--no', '--', 'bundle-triage', '--version'], { cwd: project });
    if (stdout.trim() !== `bundle-triage ${cliVersion}`) fail(`printed ${JSON.stringify(stdout.trim())}, expected "bundle-triage ${cliVersion}"`);
  });

  check('bin: npx bundle-triage analyze <zip> --format json prints a valid report and nothing else', () => {
    // Exit code 3: the analysis ran and found a failing signature.
    const { stdout, stderr } = run('npx', ['--no', '--', 'bundle-triage', 'analyze', FLAGSHIP_ZIP, '--format', 'json'], { cwd: project, okCodes: [3] });
    if (stderr.trim() !== '') fail(`stderr is not empty:\n${stderr}`);
    const report = JSON.parse(stdout);
    if (report.schemaVersion !== 1) fail(`schemaVersion is ${report.schemaVersion}`);
    if (report.summary?.headline !== FLAGSHIP_HEADLINE) fail(`headline is ${report.summary?.headline}`);
  });

  check('bin: npx bundle-triage serve --help (the service is installed beside the CLI)', () => {
    const { stdout } = run('npx', ['--no', '--', 'bundle-triage', 'serve', '--help'], { cwd: project });
    if (!stdout.startsWith('Usage: bundle-triage serve')) fail(`printed ${JSON.stringify(stdout.slice(0, 200))}`);
  });

  check('bin: npx bundle-triage batch <zip> (its worker loads from the installed package)', () => {
    const { stdout } = run('npx', ['--no', '--', 'bundle-triage', 'batch', FLAGSHIP_ZIP, '-j', '1'], { cwd: project });
    const line = JSON.parse(stdout.trim());
    if (line.error) fail(`batch line has an error: ${line.error}`);
    if (line.headline !== FLAGSHIP_HEADLINE) fail(`batch headline is ${line.headline}`);
  });
}

const seconds = ((Date.now() - started) / 1000).toFixed(1);
console.log(`\ncheck-pack: ${results.passed} checks passed, ${results.failed.length} failed (${seconds} s)`);
process.exit(results.failed.length > 0 ? 1 : 0);
