import type { Bundle, BundleFacts, OverviewCollector, PatternReport } from '@bundle-triage/core';
import type { Finding, FindingTimelineWindow, ReportOverview, ReportPatterns, ReportSummary, ReportTimeline } from '@bundle-triage/report';
import type { LogPassRunner } from '../logs/log-pass-thread.js';
import type { ObjectFeed } from './object-feed.js';
import { overviewSection } from './overview-section.js';
import { patternSection, type FindingWithObjects, type PatternSectionOptions } from './pattern-section.js';
import type { TimelineConsumer } from './timeline-consumer.js';
import { timelineSection, type TimelineSectionOptions } from './timeline-section.js';

export interface SectionOptions {
  patterns?: PatternSectionOptions;
  timeline?: TimelineSectionOptions;
}

export interface SectionInputs {
  bundle: Bundle;
  facts: BundleFacts;
  /** The fail, warn and info findings, each with the objects it is about. */
  findings: readonly FindingWithObjects[];
  summary: ReportSummary;
  feed?: ObjectFeed;
  overview?: OverviewCollector;
  timeline?: TimelineConsumer;
  logPass?: LogPassRunner;
  options: SectionOptions;
  signal?: AbortSignal;
}

export interface ReportSections {
  overview?: ReportOverview;
  patterns?: ReportPatterns;
  timeline?: ReportTimeline;
  windows: Map<Finding, FindingTimelineWindow>;
}

/**
 * The report's parts beside the findings, once the rules are done: the lists no rule read are
 * handed to the overview and the timeline, the log pass's templates are attached to the findings
 * they belong to, then each finding gets its window of the timeline.
 */
export async function reportSections(inputs: SectionInputs): Promise<ReportSections> {
  const { bundle, facts, findings } = inputs;
  await inputs.feed?.drain(inputs.signal);
  const createdAt = facts.createdAt ? Date.parse(facts.createdAt) : undefined;
  const mined = inputs.logPass ? await minedOrNoted(inputs.logPass, bundle, inputs.signal) : undefined;
  const logPass = inputs.logPass;
  const pattern =
    mined && logPass
      ? await patternSection(mined, findings, (text, file) => logPass.templateOf(text, file), bundle, Number.isNaN(createdAt) ? undefined : createdAt, inputs.options.patterns)
      : undefined;

  const sections: ReportSections = { windows: new Map() };
  if (pattern) sections.patterns = pattern.patterns;
  if (inputs.timeline) {
    const subjects = findings.map((item) => ({ ...item, templateIds: pattern?.claims.get(item.finding) ?? new Set<string>() }));
    // Only the templates the report lists go on its timeline, so every templateId there resolves.
    const listed = mined && pattern ? { ...mined, templates: pattern.listed } : undefined;
    const built = await timelineSection(inputs.timeline, bundle, facts, subjects, listed, inputs.options.timeline);
    sections.timeline = built.timeline;
    sections.windows = built.windows;
  }
  if (inputs.overview) sections.overview = overviewSection(await inputs.overview.finish(facts), findings.map((item) => item.finding), inputs.summary);
  return sections;
}

/**
 * The log pass's templates; when mining failed (a thread that stopped), the report goes on
 * without them and says why in a diagnostic rather than failing the analysis.
 */
async function minedOrNoted(logPass: LogPassRunner, bundle: Bundle, signal: AbortSignal | undefined): Promise<PatternReport | undefined> {
  try {
    return await logPass.patterns();
  } catch (error) {
    if (signal?.aborted) throw error;
    bundle.addDiagnostic({ path: 'logs', level: 'error', message: `log patterns could not be mined: ${error instanceof Error ? error.message : String(error)}` });
    return undefined;
  }
}
