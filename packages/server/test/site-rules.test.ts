/**
 * `ruleDirectories` (`serve --rules DIR`): a site's declarative rules run beside the built-in
 * catalog in every analysis, and a refused rule refuses the start in one line.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ServiceConfigError, startService } from '../src/index.js';
import { assertBuilt, bundles, threadUrl } from './helpers/built-server.js';
import { startTestService } from './helpers/test-service.js';

const scratch = mkdtempSync(join(tmpdir(), 'bt-site-rules-'));

/** A site rule in the catalog's layout (`<component>/<rule-id>/rule.yaml`). */
function writeRule(root: string, id: string, text: string): string {
  const folder = join(root, 'fleet', id);
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'rule.yaml'), text);
  return root;
}

const SITE_RULE = `id: acme-harvester-bundle-watch
title: 'ACME: the Harvester Fleet bundle is not 1/1'
severity: medium
component: fleet
tags: [site]
inputs:
  bundle:
    resource: { group: fleet.cattle.io, resource: bundles, namespace: fleet-local, name: mcc-harvester }
outcomes:
  - when:
      field: { path: bundle/status/summary, notEquals: { desiredReady: 1, ready: 1 } }
    status: warn
    message: 'fleet-local/mcc-harvester is {{ bundle/status/display/readyClusters | default:"not 1/1" }}: page the ACME platform team'
`;

beforeAll(() => assertBuilt());
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the site rules of a service', () => {
  it('runs them beside the built-in catalog in every analysis', async () => {
    const rules = writeRule(join(scratch, 'site'), 'acme-harvester-bundle-watch', SITE_RULE);
    const service = await startTestService({ ruleDirectories: [rules] });
    try {
      const { body } = await service.upload(readFileSync(join(bundles, 'flagship-v1.4.1.zip')));
      expect(await service.finished(body.analysisId)).toMatchObject({ status: 'done' });
      const report = (await (await service.request(`/api/analyses/${body.analysisId}/report`)).json()) as { findings: { ruleId: string; status: string; message: string }[] };
      expect(report.findings.find((finding) => finding.ruleId === 'acme-harvester-bundle-watch')).toMatchObject({ status: 'warn', message: 'fleet-local/mcc-harvester is 0/1: page the ACME platform team' });
      // Built-in rules still run: the flagship's headline is found.
      expect(report.findings.some((finding) => finding.ruleId === 'mcc-harvester-modified-snapshot-validation-webhook' && finding.status === 'fail')).toBe(true);
      const search = (await (await service.request('/api/analyses?rule=acme-harvester-bundle-watch')).json()) as { total: number };
      expect(search.total).toBe(1);
    } finally {
      await service.close();
    }
  });

  it.each([
    ['a rule the schema refuses', 'broken', SITE_RULE.replace('severity: medium', 'severity: urgent'), /^invalid rule: \S+broken\/fleet\/acme-harvester-bundle-watch\/rule\.yaml#\/severity: .+; run bundle-triage rules validate \S+broken to see all$/],
    ['a rule that reuses a built-in id', 'clash', SITE_RULE.replace('id: acme-harvester-bundle-watch', 'id: precheck-harvester-bundles'), /^invalid rule: \S+clash\/fleet\/acme-harvester-bundle-watch\/rule\.yaml#\/id: id "precheck-harvester-bundles" is already used by a built-in rule; run bundle-triage rules validate/],
  ])('refuses to start, in one line, with %s', async (_what, name, text, message) => {
    const rules = writeRule(join(scratch, name), 'acme-harvester-bundle-watch', text);
    const dataDir = join(scratch, `data-${name}`);
    const started = startService({ backend: { kind: 'embedded', dataDir }, port: 0, threadUrl, ruleDirectories: [rules] });
    const error = await started.then(
      () => undefined,
      (refused: unknown) => refused,
    );
    expect(error).toBeInstanceOf(ServiceConfigError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain('\n');
  });

  it('refuses a folder that is not there', async () => {
    const started = startService({ backend: { kind: 'embedded', dataDir: join(scratch, 'data-missing') }, port: 0, threadUrl, ruleDirectories: [join(scratch, 'no-such-rules')] });
    await expect(started).rejects.toThrow(/^--rules \S+no-such-rules: no such folder$/);
  });
});
