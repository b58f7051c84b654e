import { openBundle, type BundleProgress } from '@bundle-triage/core';
import { analyze, type AnalyzeProgress, type Report, type Rule } from '@bundle-triage/rules';
import { inputName, type BundleInput } from '../input/bundle-input.js';

export interface AnalysisRequest {
  rules: readonly Rule[];
  only?: readonly string[];
  skip?: readonly string[];
  includePass?: boolean;
  /** The report's sections beside the findings (each on unless false): the overview, log patterns, the timeline. */
  sections?: { overview?: boolean; patterns?: boolean; timeline?: boolean };
  /** Templates no rule explains listed in the report (default 100, the best ranked). */
  unexplainedTemplates?: number;
  /** Read the logs in a thread of its own (default: when it helps); false where analyses already run in parallel threads. */
  logThread?: boolean;
  /** The bytes of a bundle read from stdin (for a `stdin` input). */
  stdinBundle?: Buffer;
  signal?: AbortSignal;
  onOpenProgress?: (event: BundleProgress) => void;
  onRuleProgress?: (event: AnalyzeProgress) => void;
}

/** For views that show findings only (readiness, diff): no overview, patterns or timeline to build. */
export const ONLY_FINDINGS = { overview: false, patterns: false, timeline: false } as const;

/**
 * Opens one bundle, runs the rules on it and closes it (also when the run fails). The report
 * names the bundle as the user did (core resolves it to an absolute path), so paths in output
 * stay relative.
 */
export async function analyseBundle(input: BundleInput, request: AnalysisRequest): Promise<Report> {
  const source = input.kind === 'stdin' ? request.stdinBundle : input.path;
  if (source === undefined) throw new Error('stdin bundle was not read before analysis');
  const bundle = await openBundle(source, {
    // Node bundles and supportconfig archives are opened by the engine when the rules read them.
    nestedArchives: 'when-needed',
    ...(request.signal ? { signal: request.signal } : {}),
    ...(request.onOpenProgress ? { onProgress: request.onOpenProgress } : {}),
  });
  try {
    const report = await analyze(bundle, {
      rules: request.rules,
      ...(request.only ? { only: request.only } : {}),
      ...(request.skip ? { skip: request.skip } : {}),
      ...(request.includePass ? { includePass: true } : {}),
      ...(request.sections?.overview === false ? { overview: false } : {}),
      ...(request.sections?.patterns === false ? { patterns: false } : request.unexplainedTemplates ? { patterns: { unexplained: request.unexplainedTemplates } } : {}),
      ...(request.sections?.timeline === false ? { timeline: false } : {}),
      ...(request.logThread === false ? { logThread: false } : {}),
      ...(request.signal ? { signal: request.signal } : {}),
      ...(request.onRuleProgress ? { onProgress: request.onRuleProgress } : {}),
    });
    report.bundle.source = inputName(input);
    return report;
  } finally {
    await bundle.close();
  }
}
