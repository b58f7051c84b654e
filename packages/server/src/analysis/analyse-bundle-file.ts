import { isBundleError, openBundle } from '@bundle-triage/core';
import { redactReport } from '@bundle-triage/report';
import { analyze, loadCatalog, type LoadedDeclarativeRule, type Report, type Rule } from '@bundle-triage/rules';
import type { FindingRecord } from '../store/records.js';
import type { AnalysisAnswer, AnalysisTask } from './analysis-task.js';
import { clusterIdentity } from './cluster-identity.js';

/**
 * The one place the service runs the analyzer (open → analyze → redact), through the public API
 * of core, rules and report. Only the redacted report leaves: nothing the service stores or
 * serves can show a secret the bundle held.
 */
export async function analyseBundleFile(task: AnalysisTask, options: { rules: readonly Rule[]; onProgress?: (progress: number) => void; signal?: AbortSignal }): Promise<AnalysisAnswer> {
  let bundle;
  try {
    bundle = await openBundle(task.bundlePath, { tempDir: task.tempDir, ...(options.signal ? { signal: options.signal } : {}) });
  } catch (error) {
    if (isBundleError(error)) return { kind: 'unusable', code: error.code, message: asUploaded(error.message, task) };
    throw error;
  }
  try {
    const report = await analyze(bundle, {
      rules: options.rules,
      // Kept in the stored report so JUnit can list every rule that passed; never indexed or shown as findings.
      includePass: true,
      // The service runs analyses in threads of its own already: the logs are read in this one.
      logThread: false,
      ...(options.signal ? { signal: options.signal } : {}),
      onProgress: (event) => options.onProgress?.(event.rulesTotal > 0 ? event.rulesDone / event.rulesTotal : 1),
    });
    report.bundle.source = task.displayName;
    const cluster = await clusterIdentity(bundle);
    const { report: redacted, masked } = redactReport(report);
    return {
      kind: 'report',
      reportJson: JSON.stringify(redacted),
      result: {
        summary: redacted.summary,
        cluster,
        harvesterVersion: redacted.bundle.harvesterVersion,
        kubernetesVersion: redacted.bundle.kubernetesVersion,
        bundleCreatedAt: validTime(redacted.bundle.createdAt),
        bundleRoot: redacted.bundle.root,
        maskedSecrets: masked,
        findings: indexedFindings(redacted),
      },
    };
  } catch (error) {
    if (isBundleError(error)) return { kind: 'unusable', code: error.code, message: asUploaded(error.message, task) };
    throw error;
  } finally {
    await bundle.close();
  }
}

/** The built-in catalog and the site's rules (`--rules`), loaded once per thread. */
export async function serviceRules(siteRules: readonly LoadedDeclarativeRule[]): Promise<Rule[]> {
  return [...(await loadCatalog()), ...siteRules];
}

/** Findings worth searching for: everything but `pass`. */
function indexedFindings(report: Report): FindingRecord[] {
  return report.findings.flatMap((finding) =>
    finding.status === 'pass' ? [] : [{ ruleId: finding.ruleId, status: finding.status, severity: finding.severity, title: finding.title, fingerprint: finding.fingerprint }],
  );
}

/** Messages name the stored file by its absolute path: show the name it was uploaded under. */
function asUploaded(message: string, task: AnalysisTask): string {
  return message.split(task.bundlePath).join(task.displayName).split(task.tempDir).join('<temp>');
}

function validTime(value: string | null): string | null {
  return value && !Number.isNaN(Date.parse(value)) ? value : null;
}
