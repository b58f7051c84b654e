import { describe, expect, it } from 'vitest';
import { renderReport, validateReport, type ReportFormat } from './index.js';
import type { EventGroup } from './report-types.js';
import { FLAGSHIP_RULE_ID, fixtureReport } from './test-reports.js';

const BACK_OFF: EventGroup = {
  type: 'Warning',
  reason: 'BackOff',
  object: { apiVersion: 'v1', kind: 'Pod', namespace: 'harvester-system', name: 'harvester-network-controller-manager-5f7c9d-x2x4k' },
  count: 397,
  firstTimestamp: '2025-03-12T07:42:07Z',
  lastTimestamp: '2025-03-12T09:13:07Z',
  message: 'Back-off restarting failed container harvester-network-manager',
  source: 'kubelet',
  path: 'yamls/namespaced/harvester-system/v1/events.yaml',
  line: 42,
};

/** The flagship report with Warning events attached to its headline finding. */
async function reportWithEvents() {
  const report = await fixtureReport('flagship');
  report.findings.find((finding) => finding.ruleId === FLAGSHIP_RULE_ID)!.events = [BACK_OFF];
  return report;
}

describe('Warning events under the finding of their object, in every format', () => {
  it.each<[ReportFormat]>([['text'], ['markdown'], ['html'], ['junit']])('%s shows the group (reason, count, first and last time, message) and where it is', async (format) => {
    const output = renderReport(await reportWithEvents(), format, { width: 400 });
    expect(output).toContain('BackOff ×397 on Pod harvester-system/harvester-network-controller-manager-5f7c9d-x2x4k (first 2025-03-12T07:42:07Z, last 2025-03-12T09:13:07Z, kubelet): Back-off restarting failed container harvester-network-manager');
    expect(output).toContain('yamls/namespaced/harvester-system/v1/events.yaml:42');
  });

  it('JSON carries the events and stays valid against the schema', async () => {
    const json = JSON.parse(renderReport(await reportWithEvents(), 'json')) as Awaited<ReturnType<typeof reportWithEvents>>;
    expect(validateReport(json)).toEqual({ valid: true, errors: [] });
    expect(json.findings.find((finding) => finding.ruleId === FLAGSHIP_RULE_ID)?.events).toEqual([BACK_OFF]);
  });

  it('SARIF lists each group as a related location at its latest event, and in the properties', async () => {
    const sarif = JSON.parse(renderReport(await reportWithEvents(), 'sarif')) as {
      runs: { results: { ruleId: string; relatedLocations?: { message?: { text: string }; physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number } } }[]; properties: Record<string, unknown> }[] }[];
    };
    const result = sarif.runs[0]!.results.find((candidate) => candidate.ruleId === FLAGSHIP_RULE_ID)!;
    const event = result.relatedLocations!.find((location) => location.message?.text.startsWith('BackOff ×397'));
    expect(event?.physicalLocation.artifactLocation.uri).toBe('yamls/namespaced/harvester-system/v1/events.yaml');
    expect(event?.physicalLocation.region?.startLine).toBe(42);
    expect(result.properties.events).toEqual([BACK_OFF]);
  });

  it('masks a secret in an event message when redacting', async () => {
    const report = await reportWithEvents();
    report.findings.find((finding) => finding.ruleId === FLAGSHIP_RULE_ID)!.events = [{ ...BACK_OFF, message: 'pull failed: password=hunter2hunter2' }];
    expect(renderReport(report, 'json')).not.toContain('hunter2hunter2');
  });
});
