import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { renderReport } from './index.js';
import { bundleUri } from './render-sarif.js';
import { canaryReport, fixtureReport } from './test-reports.js';

// The official OASIS schema, vendored (see test/fixtures/README.md). It declares draft-04, which
// Ajv 8 does not ship; its keywords as used there validate the same under Ajv's default draft, so the
// draft-04 `$schema`/`id` are dropped before compiling. Formats are checked with the few we need.
const sarifSchema = JSON.parse(readFileSync(new URL('../test/fixtures/sarif-schema-2.1.0.json', import.meta.url), 'utf8')) as Record<string, unknown>;
delete sarifSchema.$schema;
delete sarifSchema.id;
const ajv = new Ajv({ strict: false, allErrors: true, logger: false });
ajv.addFormat('uri', /^[a-z][a-z0-9+.-]*:[^\s]*$/i);
ajv.addFormat('uri-reference', /^(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?#]|%[0-9A-Fa-f]{2})*$/);
ajv.addFormat('date-time', (value: string) => !Number.isNaN(Date.parse(value)));
const validateSarif = ajv.compile(sarifSchema);

interface SarifLog {
  version: string;
  runs: {
    tool: { driver: { name: string; rules: { id: string; defaultConfiguration: { level: string }; properties: { tags: string[] } }[] } };
    results: { ruleId: string; ruleIndex: number; level: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; snippet: { text: string } } } }[]; partialFingerprints: Record<string, string> }[];
    invocations: { toolExecutionNotifications?: { level: string; message: { text: string } }[] }[];
  }[];
}

describe('SARIF 2.1.0', () => {
  it.each(['flagship', 'healthy'] as const)('the %s report validates against the official SARIF 2.1.0 schema', async (fixture) => {
    const log = JSON.parse(renderReport(await fixtureReport(fixture), 'sarif')) as unknown;
    expect(validateSarif(log), ajv.errorsText(validateSarif.errors)).toBe(true);
  });

  it('the schema check is real: a result without a message is rejected', async () => {
    const log = JSON.parse(renderReport(await fixtureReport('flagship'), 'sarif')) as SarifLog;
    delete (log.runs[0]!.results[0] as { message?: unknown }).message;
    expect(validateSarif(log)).toBe(false);
  });

  it('the canary report (secrets masked, nested paths) validates too', async () => {
    expect(validateSarif(JSON.parse(renderReport(await canaryReport(), 'sarif')))).toBe(true);
  });

  it('makes each finding a result: level by status, evidence as bundle path + line + snippet, fingerprint, rule metadata', async () => {
    const log = JSON.parse(renderReport(await fixtureReport('flagship'), 'sarif')) as SarifLog;
    const run = log.runs[0]!;
    const flagship = run.results.find((result) => result.ruleId === 'mcc-harvester-modified-snapshot-validation-webhook')!;
    expect(flagship.level).toBe('error');
    expect(flagship.locations[0]!.physicalLocation.artifactLocation.uri).toBe('yamls/namespaced/fleet-local/fleet.cattle.io/v1alpha1/bundles.yaml');
    expect(flagship.locations[0]!.physicalLocation.region).toEqual({ startLine: 248, snippet: { text: 'readyClusters: 0/1' } });
    expect(flagship.partialFingerprints['bundleTriage/v1']).toMatch(/^[0-9a-f]{16}$/);
    expect(run.tool.driver.rules[flagship.ruleIndex]!.id).toBe(flagship.ruleId);
    expect(run.tool.driver.rules[flagship.ruleIndex]!.properties.tags).toContain('upgrade-gate');
    expect(run.results.find((result) => result.ruleId === 'managedchart-not-ready')!.level).toBe('warning');
    expect(run.results.some((result) => result.ruleId === 'node-not-ready')).toBe(false); // pass is not a result
    const notes = run.invocations[0]!.toolExecutionNotifications!.map((note) => `${note.level}: ${note.message.text}`);
    expect(notes).toContain('note: not checked: bundles fleet-local/mcc-rancher-logging is not in this bundle');
    expect(notes.some((note) => note.startsWith('error: rule error: cannot read <spec>'))).toBe(true);
  });

  it('writes nested-archive paths as relative URI references, keeping `!` and encoding what a URI cannot hold', () => {
    expect(bundleUri('nodes/n1.zip!/n1/logs/kernel.log')).toBe('nodes/n1.zip!/n1/logs/kernel.log');
    expect(bundleUri('logs/a b/c#1?.log')).toBe('logs/a%20b/c%231%3F.log');
    expect(bundleUri('node:1/x')).toBe('node%3A1/x');
  });
});
