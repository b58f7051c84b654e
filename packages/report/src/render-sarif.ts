import type { Evidence, Finding, Report, ReportLogTemplate } from './report-types.js';
import { entrySource, templatesOf, unexplainedTemplates, windowOf } from './describe-sections.js';
import { eventSentence, linkedFinding, linkLines, objectLabel, redactionNote } from './describe-report.js';
import type { RenderContext } from './render-options.js';

/**
 * SARIF 2.1.0, so findings show in code-scanning viewers: each finding is a result whose locations
 * are its evidence (bundle path + line, relative to the `BUNDLEROOT` base), each rule a reporting
 * descriptor. Skipped rules, rule errors and bundle diagnostics become tool notifications, because
 * SARIF results are for what was found, not for what could not be checked. The remediation patch is
 * kept in the result's properties, not as a SARIF `fix`: a fix edits the analysed file, and the
 * patch changes the live cluster object, not the bundle.
 */
export function renderSarif(report: Report, context: RenderContext): string {
  const rules = ruleDescriptors(report);
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const results = report.findings.filter((finding) => finding.status !== 'pass').map((finding) => result(report, finding, ruleIndex.get(finding.ruleId)!));

  const notifications = [
    ...report.errors.map((entry) => ({ level: 'error', message: { text: `rule error: ${entry.message}` }, associatedRule: { id: entry.ruleId, index: ruleIndex.get(entry.ruleId)! } })),
    ...report.skipped.map((entry) => ({ level: 'note', message: { text: `not checked: ${entry.reason}` }, associatedRule: { id: entry.ruleId, index: ruleIndex.get(entry.ruleId)! } })),
    ...report.diagnostics.map((entry) => ({
      level: entry.level === 'info' ? 'note' : entry.level,
      message: { text: entry.message },
      locations: [{ physicalLocation: physicalLocation(entry.path, entry.line) }],
    })),
  ];
  const note = redactionNote(context.redaction);
  if (note) notifications.push({ level: 'note', message: { text: note } } as (typeof notifications)[number]);

  const log = {
    $schema: 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'bundle-triage',
            version: report.tool.version,
            semanticVersion: report.tool.version,
            rules,
          },
        },
        invocations: [{ executionSuccessful: true, ...(notifications.length > 0 ? { toolExecutionNotifications: notifications } : {}) }],
        originalUriBaseIds: {
          BUNDLEROOT: { description: { text: `The root of the support bundle${report.bundle.root ? ` ${report.bundle.root}` : ''}; nested archives are written <archive>!/<member>.` } },
        },
        results,
        properties: {
          bundle: report.bundle,
          ...(report.overview ? { overview: report.overview } : {}),
          summary: report.summary,
          ...(report.patterns ? { patterns: { stats: report.patterns.stats, notExplained: unexplainedTemplates(report).slice(0, SARIF_TEMPLATES).map(templateProperty) } } : {}),
          redaction: context.redaction,
        },
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

interface RuleDescriptor {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  helpUri?: string;
  help?: { text: string };
  defaultConfiguration: { level: string };
  properties: { tags: string[]; component?: string; severity?: string };
}

/** One descriptor per rule that appears anywhere in the report, in rule-id order. */
function ruleDescriptors(report: Report): RuleDescriptor[] {
  const byId = new Map<string, RuleDescriptor>();
  for (const finding of report.findings) {
    if (byId.has(finding.ruleId)) continue;
    const helpUri = finding.references.find((reference) => /^https?:\/\//i.test(reference.url))?.url;
    const remediation = finding.remediation;
    byId.set(finding.ruleId, {
      id: finding.ruleId,
      name: finding.ruleId,
      shortDescription: { text: finding.title },
      fullDescription: { text: remediation ? `${finding.title}. Fix: ${remediation.summary}` : finding.title },
      ...(helpUri ? { helpUri } : {}),
      ...(remediation ? { help: { text: [remediation.summary, ...remediation.steps.map((step, index) => `${index + 1}. ${step}`)].join('\n') } } : {}),
      defaultConfiguration: { level: severityLevel(finding.severity) },
      properties: { tags: [...new Set(finding.tags)], component: finding.component, severity: finding.severity },
    });
  }
  for (const entry of report.skipped) {
    if (!byId.has(entry.ruleId)) byId.set(entry.ruleId, { id: entry.ruleId, name: entry.ruleId, shortDescription: { text: entry.title }, fullDescription: { text: entry.title }, defaultConfiguration: { level: 'warning' }, properties: { tags: [...new Set(entry.tags ?? [])] } });
  }
  for (const entry of report.errors) {
    if (!byId.has(entry.ruleId)) byId.set(entry.ruleId, { id: entry.ruleId, name: entry.ruleId, shortDescription: { text: entry.ruleId }, fullDescription: { text: entry.ruleId }, defaultConfiguration: { level: 'warning' }, properties: { tags: [] } });
  }
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function result(report: Report, finding: Finding, ruleIndex: number) {
  const [first, ...rest] = finding.evidence;
  const remediation = finding.remediation;
  // A causal link is a related location too: where the other finding's proof is, labelled "caused by …" / "explains …".
  const links = linkLines(finding).flatMap((line) =>
    line.links.flatMap((link) => {
      const evidence = linkedFinding(report, link)?.evidence[0];
      return evidence ? [{ ...location(evidence), message: { text: `${line.label} ${link.ruleId}` } }] : [];
    }),
  );
  // The Warning events about the finding's objects: where each group's latest event is.
  const events = (finding.events ?? []).map((group) => ({ physicalLocation: physicalLocation(group.path, group.line), message: { text: eventSentence(group) } }));
  const related = [...rest.map((item) => location(item)), ...links, ...events];
  return {
    ruleId: finding.ruleId,
    ruleIndex,
    level: finding.status === 'fail' ? 'error' : finding.status === 'warn' ? 'warning' : 'note',
    message: { text: finding.message },
    locations: first ? [location(first)] : [],
    ...(related.length > 0 ? { relatedLocations: related.map((item, index) => ({ id: index + 1, ...item })) } : {}),
    partialFingerprints: { 'bundleTriage/v1': finding.fingerprint },
    properties: {
      status: finding.status,
      severity: finding.severity,
      component: finding.component,
      ...(finding.coveredBy ? { coveredBy: finding.coveredBy } : {}),
      ...(finding.causedBy?.length ? { causedBy: finding.causedBy } : {}),
      ...(finding.explains?.length ? { explains: finding.explains } : {}),
      ...(finding.events?.length ? { events: finding.events } : {}),
      ...(templatesOf(report, finding).length > 0 ? { logPatterns: templatesOf(report, finding).map(templateProperty) } : {}),
      ...(finding.timelineWindow
        ? {
            timelineWindow: windowOf(report, finding).map((item) => ({
              time: item.entry.time,
              ...(item.entry.inferred ? { inferred: item.entry.inferred } : {}),
              level: item.entry.level,
              kind: item.entry.kind,
              text: item.entry.text,
              location: entrySource(item.entry),
              closeness: item.closeness,
            })),
          }
        : {}),
      ...(remediation
        ? {
            remediation: {
              summary: remediation.summary,
              steps: remediation.steps,
              commands: remediation.commands,
              ...(remediation.patch ? { patch: { target: objectLabel(remediation.patch.target), diff: remediation.patch.diff, command: remediation.patch.command } } : {}),
            },
          }
        : {}),
    },
  };
}

/** Templates no rule explains, in the run's properties (the JSON report has more). */
const SARIF_TEMPLATES = 20;

function templateProperty(template: ReportLogTemplate) {
  return { id: template.id, template: template.template, level: template.level, count: template.count, ...(template.loop ? { loopIntervalMs: template.loop.intervalMs } : {}), sample: `${template.sample.path}:${template.sample.line}` };
}

function location(item: Evidence) {
  return {
    physicalLocation: physicalLocation(item.path, item.line, item.excerpt),
    ...(item.object
      ? { logicalLocations: [{ name: item.object.name, fullyQualifiedName: `${item.object.apiVersion}/${item.object.kind}/${item.object.namespace ? `${item.object.namespace}/` : ''}${item.object.name}`, kind: 'resource' }] }
      : {}),
  };
}

function physicalLocation(path: string, line?: number, excerpt?: string) {
  return {
    artifactLocation: { uri: bundleUri(path), uriBaseId: 'BUNDLEROOT' },
    ...(line ? { region: { startLine: line, ...(excerpt !== undefined ? { snippet: { text: excerpt } } : {}) } } : {}),
  };
}

/** A relative URI reference for a bundle path: `!` (nested archives) and `/` stay, the rest is percent-encoded. */
export function bundleUri(path: string): string {
  return encodeURI(path).replace(/[?#:[\]]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}

function severityLevel(severity: Finding['severity']): string {
  return severity === 'critical' || severity === 'high' ? 'error' : severity === 'medium' ? 'warning' : 'note';
}
