import type { Bundle, BundleFacts, OverviewCollector } from '@bundle-triage/core';
import type { Finding, FindingTimelineWindow, ReportOverview, ReportPatterns, ReportSummary, ReportTimeline } from '@bundle-triage/report';
import type { LogPass } from '../logs/log-pass.js';
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
  logPass?: LogPass;
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
  const mined = inputs.logPass ? await inputs.logPass.patterns() : undefined;
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
