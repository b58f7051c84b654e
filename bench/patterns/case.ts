/**
 * One case of the patterns/timeline benchmark, in its own process (its peak RSS is its own).
 * Prints one JSON line: the time measured around the work only, peak RSS, and what it found.
 *
 *   node --import tsx bench/patterns/case.ts <case> <bundle>
 *
 * Cases:
 *   floor        inflate every entry (bench/lib/inflate-all.ts): the reference
 *   analyze      openBundle + analyze with the whole catalog (today's analysis)
 *   scan         every log read with minePatterns' prefilters, lines counted, nothing mined
 *   scan-all     every log read with no prefilter (every line decoded), nothing mined
 *   patterns     openBundle + minePatterns
 *   timeline     openBundle + buildTimeline without logs (lines located)
 *   timeline-nolocate  the same without finding lines
 *   locate-slow  Bundle.locate (re-parse) for the first 2,000 timeline entries: the cost per entry without the fast path
 *   all          analyze + minePatterns + buildTimeline(patterns) on one bundle: the issue's target
 */
import { buildTimeline, isTextLog, logPrefilter, minePatterns, openBundle, TimelineBuilder, type Bundle, type KubeObject } from '../../packages/core/src/index.js';
import { analyze, loadCatalog } from '../../packages/rules/src/index.js';
import { inflateZipFile, readFolder } from '../lib/inflate-all.js';

export interface PatternCaseResult {
  case: string;
  ms: number;
  /** CPU time of the process over the same span (user + system, all threads): steadier than wall time on a busy machine. */
  cpuMs: number;
  maxRssKb: number;
  notes: Record<string, number | string>;
}

const [caseName, target] = process.argv.slice(2);

async function main(): Promise<PatternCaseResult> {
  if (!caseName || !target) throw new Error('usage: case.ts <case> <bundle>');
  const rules = caseName === 'analyze' || caseName === 'all' ? await loadCatalog() : [];
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  const notes: Record<string, number | string> = {};
  if (caseName === 'floor') {
    notes.bytes = target.endsWith('.zip') ? inflateZipFile(target).uncompressedBytes : readFolder(target).uncompressedBytes;
  } else {
    const bundle = await openBundle(target);
    try {
      await run(caseName, bundle, notes, rules);
    } finally {
      await bundle.close();
    }
  }
  const cpu = process.cpuUsage(cpuStarted);
  return { case: caseName, ms: performance.now() - started, cpuMs: (cpu.user + cpu.system) / 1000, maxRssKb: process.resourceUsage().maxRSS, notes };
}

async function run(name: string, bundle: Bundle, notes: Record<string, number | string>, rules: Awaited<ReturnType<typeof loadCatalog>>): Promise<void> {
  switch (name) {
    case 'analyze': {
      const report = await analyze(bundle, { rules });
      notes.failing = report.findings.filter((finding) => finding.status === 'fail').length;
      return;
    }
    case 'scan':
    case 'scan-all': {
      await bundle.facts();
      let lines = 0;
      let bytes = 0;
      for (const log of bundle.logs().filter(isTextLog)) {
        const pattern = name === 'scan' ? await logPrefilter(log) : undefined;
        for await (const _line of log.lines(pattern ? { prefilterPattern: pattern } : {})) lines += 1;
        bytes += log.size;
      }
      notes.linesDecoded = lines;
      notes.logBytes = bytes;
      return;
    }
    case 'patterns': {
      const report = await minePatterns(bundle);
      Object.assign(notes, { logBytes: report.stats.bytes, logs: report.stats.files, linesExamined: report.stats.linesExamined, minedLines: report.stats.minedLines, templates: report.stats.templates, loops: report.templates.filter((template) => template.loop).length });
      return;
    }
    case 'timeline':
    case 'timeline-nolocate': {
      const timeline = await buildTimeline(bundle, { boots: true, locate: name === 'timeline' });
      Object.assign(notes, { entries: timeline.stats.entries, found: timeline.stats.found, sources: timeline.stats.sources, locateMs: timeline.stats.locateMs ?? 0, locatedFast: timeline.stats.locatedFast ?? 0, locatedSlow: timeline.stats.locatedSlow ?? 0 });
      return;
    }
    case 'locate-slow': {
      // The same entries the timeline makes, located one by one by re-parsing their items.
      const builder = new TimelineBuilder();
      const objects: { object: KubeObject; pointer: string }[] = [];
      for (const file of bundle.index.resourceFiles({ resource: 'events' }).concat(bundle.index.resourceFiles({ resource: 'pods' }))) {
        const items = await bundle.resources({ group: file.group, resource: file.resource, version: file.version, namespace: file.namespace ?? null });
        builder.addObjects(items, file.path);
        for (const object of items) objects.push({ object, pointer: object.kind === 'Event' ? '/firstTimestamp' : '/metadata/creationTimestamp' });
        if (objects.length >= 2000) break;
      }
      const sample = objects.slice(0, 2000);
      const locateStarted = performance.now();
      for (const { object, pointer } of sample) await bundle.locate(object, pointer);
      notes.entries = sample.length;
      notes.msPerEntry = Math.round(((performance.now() - locateStarted) / sample.length) * 1000) / 1000;
      return;
    }
    case 'all': {
      const analyzeStarted = performance.now();
      const report = await analyze(bundle, { rules });
      notes.analyzeMs = Math.round(performance.now() - analyzeStarted);
      const patternsStarted = performance.now();
      const patterns = await minePatterns(bundle);
      notes.patternsMs = Math.round(performance.now() - patternsStarted);
      const timelineStarted = performance.now();
      const timeline = await buildTimeline(bundle, { patterns });
      notes.timelineMs = Math.round(performance.now() - timelineStarted);
      Object.assign(notes, { failing: report.findings.filter((finding) => finding.status === 'fail').length, templates: patterns.stats.templates, entries: timeline.stats.entries });
      return;
    }
    default:
      throw new Error(`unknown case ${name}`);
  }
}

main().then(
  (result) => process.stdout.write(`${JSON.stringify(result)}\n`),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
