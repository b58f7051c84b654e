import { describe, expect, it } from 'vitest';
import { renderReport, validateReport, type ReportFormat } from './index.js';
import { FLAGSHIP_RULE_ID, fixtureReport } from './test-reports.js';

/** The flagship report with its warning linked as a symptom of the flagship finding. */
async function linkedReport() {
  const report = await fixtureReport('flagship');
  const cause = report.findings.find((finding) => finding.ruleId === FLAGSHIP_RULE_ID)!;
  const symptom = report.findings.find((finding) => finding.ruleId === 'managedchart-not-ready')!;
  cause.explains = [{ ruleId: symptom.ruleId, fingerprint: symptom.fingerprint }];
  symptom.causedBy = [{ ruleId: cause.ruleId, fingerprint: cause.fingerprint }];
  return report;
}

describe('causal links in every format', () => {
  it.each<[ReportFormat]>([['text'], ['markdown'], ['html'], ['junit']])('%s says "caused by …" and "explains …"', async (format) => {
    const output = renderReport(await linkedReport(), format);
    expect(output).toMatch(/caused by (<a href="#finding-mcc-harvester-[^"]+"><code>|`)?mcc-harvester-modified-snapshot-validation-webhook/);
    expect(output).toMatch(/explains (<a href="#finding-managedchart-not-ready-[^"]+"><code>|`)?managedchart-not-ready/);
  });

  it('JSON carries causedBy and explains (rule id + fingerprint) and stays valid against the schema', async () => {
    const report = await linkedReport();
    const json = JSON.parse(renderReport(report, 'json')) as typeof report;
    expect(validateReport(json)).toEqual({ valid: true, errors: [] });
    expect(json.findings.find((finding) => finding.ruleId === 'managedchart-not-ready')?.causedBy).toEqual([
      { ruleId: FLAGSHIP_RULE_ID, fingerprint: report.findings.find((finding) => finding.ruleId === FLAGSHIP_RULE_ID)!.fingerprint },
    ]);
  });

  it('SARIF lists the link as a related location at the other finding\'s evidence, and in the properties', async () => {
    const sarif = JSON.parse(renderReport(await linkedReport(), 'sarif')) as {
      runs: { results: { ruleId: string; relatedLocations?: { message?: { text: string }; physicalLocation: { artifactLocation: { uri: string } } }[]; properties: Record<string, unknown> }[] }[];
    };
    const symptom = sarif.runs[0]!.results.find((result) => result.ruleId === 'managedchart-not-ready')!;
    const link = symptom.relatedLocations!.find((location) => location.message?.text === `caused by ${FLAGSHIP_RULE_ID}`);
    expect(link?.physicalLocation.artifactLocation.uri).toMatch(/^yamls\//);
    expect(symptom.properties.causedBy).toEqual([expect.objectContaining({ ruleId: FLAGSHIP_RULE_ID })]);
  });
});
