import type { Finding, Report } from '../report-types.js';

type FindingStatus = Finding['status'];

/** One finding in a diff: enough to recognise it, with its fingerprint to look it up in either report. */
export interface DiffEntry {
  ruleId: string;
  signature: string | null;
  status: FindingStatus;
  severity: Finding['severity'];
  title: string;
  message: string;
  fingerprint: string;
}

export interface StayedEntry extends DiffEntry {
  /** Its status in the old bundle, when it changed (fail → warn). */
  previousStatus: FindingStatus;
}

export interface BundleSide {
  source: string;
  createdAt: string | null;
  harvesterVersion: string | null;
}

export interface ReportDiff {
  old: BundleSide;
  new: BundleSide;
  /** False when the bundles' cluster ids differ (a diff of two clusters says little); null when unknown. */
  sameCluster: boolean | null;
  appeared: DiffEntry[];
  disappeared: DiffEntry[];
  stayed: StayedEntry[];
}

/**
 * Findings that appeared, disappeared or stayed between two bundles of one cluster ("did the fix
 * work?"). Findings are matched by fingerprint (rule id + the objects involved), which stays the
 * same across bundles of a cluster; `pass` findings are left out.
 */
export function compareReports(before: Report, after: Report, signatures: ReadonlyMap<string, string> = new Map()): ReportDiff {
  const entry = (finding: Finding): DiffEntry => ({
    ruleId: finding.ruleId,
    signature: signatures.get(finding.ruleId) ?? null,
    status: finding.status,
    severity: finding.severity,
    title: finding.title,
    message: finding.message,
    fingerprint: finding.fingerprint,
  });
  const oldFindings = byFingerprint(before);
  const newFindings = byFingerprint(after);
  const stayed: StayedEntry[] = [];
  const appeared: DiffEntry[] = [];
  for (const [fingerprint, finding] of newFindings) {
    const previous = oldFindings.get(fingerprint);
    if (previous) stayed.push({ ...entry(finding), previousStatus: previous.status });
    else appeared.push(entry(finding));
  }
  const disappeared = [...oldFindings].filter(([fingerprint]) => !newFindings.has(fingerprint)).map(([, finding]) => entry(finding));
  return { old: side(before), new: side(after), sameCluster: sameCluster(before, after), appeared, disappeared, stayed };
}

function byFingerprint(report: Report): Map<string, Finding> {
  return new Map(report.findings.filter((finding) => finding.status !== 'pass').map((finding) => [finding.fingerprint, finding]));
}

function side(report: Report): BundleSide {
  return { source: report.bundle.source, createdAt: report.bundle.createdAt, harvesterVersion: report.bundle.harvesterVersion };
}

/** The bundle folder is `supportbundle_<harvester-system namespace uid>_<time>`: the uid names the cluster. */
function clusterId(report: Report): string | undefined {
  return /^supportbundle_([0-9a-f-]{36})_/i.exec(report.bundle.root)?.[1]?.toLowerCase();
}

function sameCluster(before: Report, after: Report): boolean | null {
  const [oldId, newId] = [clusterId(before), clusterId(after)];
  return oldId && newId ? oldId === newId : null;
}
