import type { Report } from '@bundle-triage/rules';
import { describe, expect, it } from 'vitest';
import { renderReport } from './index.js';
import { fixtureReport } from './test-reports.js';
import { xmlProblems } from './test-xml.js';

describe('JUnit XML', () => {
  it.each(['flagship', 'healthy'] as const)('is well-formed for the %s report', async (fixture) => {
    expect(xmlProblems(renderReport(await fixtureReport(fixture), 'junit'))).toEqual([]);
  });

  it('the well-formedness check is real: it rejects broken XML', () => {
    expect(xmlProblems('<?xml version="1.0" encoding="UTF-8"?>\n<a><b></a>')).not.toEqual([]);
    expect(xmlProblems('<a x="1 & 2"/>')).not.toEqual([]);
    expect(xmlProblems('<a>1 < 2</a>')).not.toEqual([]);
    expect(xmlProblems('<a>\u0007</a>')).not.toEqual([]);
  });

  it('has one test case per rule: fail/warn → failure with type, skipped → skipped, error → error, pass → empty', async () => {
    const xml = renderReport(await fixtureReport('flagship'), 'junit');
    expect(xml).toContain('<testsuites name="bundle-triage" tests="5" failures="2" skipped="1" errors="1">');
    expect(xml).toMatch(/<testcase classname="fleet" name="mcc-harvester-modified-snapshot-validation-webhook">\n {6}<failure message="An upgrade would be refused[^"]*" type="fail">/);
    expect(xml).toMatch(/<testcase classname="fleet" name="managedchart-not-ready">\n {6}<failure [^>]*type="warn">/);
    expect(xml).toContain('<testcase classname="node" name="node-not-ready" />');
    expect(xml).toContain('<skipped message="bundles fleet-local/mcc-rancher-logging is not in this bundle" />');
    expect(xml).toContain('<error message="cannot read &lt;spec&gt; &amp; &quot;status&quot; of &#39;harvester&#39;" type="rule-error">');
    expect(xml).toContain('yamls/namespaced/fleet-local/fleet.cattle.io/v1alpha1/bundles.yaml:248');
  });

  it('escapes markup and drops characters XML 1.0 cannot carry', async () => {
    const report: Report = structuredClone(await fixtureReport('flagship'));
    report.findings[0]!.message = 'a <b>&"quoted"\' \u0000\u001b[31mred\u001b[0m \ud800 end';
    report.findings[0]!.evidence[0]!.excerpt = ']]> </failure><script>';
    const xml = renderReport(report, 'junit');
    expect(xmlProblems(xml)).toEqual([]);
    expect(xml).toContain('a &lt;b&gt;&amp;&quot;quoted&quot;&#39; [31mred[0m  end');
    expect(xml).toContain(']]&gt; &lt;/failure&gt;&lt;script&gt;');
  });
});
