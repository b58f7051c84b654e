import type { LogFileInfo, LogLine } from '../logs/log-file.js';
import type { TimestampStyle } from '../logs/log-timestamps.js';
import { DrainTree, type DrainCluster, type DrainOptions } from './drain-tree.js';
import type { LogFormat } from './formats/parsed-log-line.js';
import { parseLogLine } from './formats/parse-log-line.js';
import { IntervalHistogram } from './interval-histogram.js';
import { isMinedLevel, worseLevel, type MinedLevel } from './log-level.js';
import { DEFAULT_LOOP_CRITERIA, detectLoop, type LoopCriteria } from './loop-detection.js';
import { VariableMasker } from './mask-variables.js';
import { embeddedTimeMs, occurrenceTime } from './occurrence-time.js';
import type { LogBurst, LogLoop, LogOccurrence, LogTemplate, LogTemplateSource, PatternReport } from './pattern-types.js';
import { rankTemplates } from './rank-templates.js';
import { templateId } from './template-id.js';

export interface PatternMinerOptions extends DrainOptions {
  /** When the bundle was made (ms): the year of journal and klog lines, and "recent" in the ranking. */
  bundleCreatedAt?: number;
  /** Templates kept (memory bound); further lines that fit none are counted as unclustered. Default 2,000. */
  maxTemplates?: number;
  /** Logs tracked per template; occurrences in others are counted. Default 32. */
  maxSourcesPerTemplate?: number;
  /** Distinct object names remembered per template. Default 16. */
  maxMentions?: number;
  /** Bursts kept per template. Default 20. */
  maxBursts?: number;
  /** Silence that ends a burst. Default 10 minutes. */
  burstGapMs?: number;
  /** Occurrences that make a run a burst. Default 10. */
  burstMinCount?: number;
  /** What counts as a loop (defaults: `DEFAULT_LOOP_CRITERIA`). */
  loop?: Partial<LoopCriteria>;
}

/** The least a miner needs to know about a log: LogFile and LogFileInfo both fit. */
export type PatternSource = Pick<LogFileInfo, 'path' | 'kind' | 'timestampStyle'> & Partial<LogFileInfo>;

/** A line kept for later: enough of it to say where and when, at the precision its log has. */
interface RawOccurrence {
  path: string;
  line: number;
  at: number | undefined;
  /** The line's beginning (its time is there), or all of it when short. */
  head: string;
  style: TimestampStyle;
}

interface Episode {
  start: RawOccurrence;
  end: RawOccurrence;
  count: number;
}

interface SourceState {
  source: LogTemplateSource;
  style: TimestampStyle;
  first: RawOccurrence;
  last: RawOccurrence;
  lastAt: number | undefined;
  intervals: IntervalHistogram;
  current: Episode | undefined;
  /** The first few bursts and a window of the latest. */
  earlyBursts: Episode[];
  lateBursts: Episode[];
}

interface TemplateState {
  cluster: DrainCluster;
  level: MinedLevel;
  levelFrom: 'format' | 'wording';
  format: LogFormat;
  site: string | undefined;
  count: number;
  first: RawOccurrence;
  last: RawOccurrence;
  sample: { path: string; line: number; text: string };
  sources: Map<string, SourceState>;
  otherSources: number;
  lastUntracked: string | undefined;
  mentions: Map<string, number>;
}

const HEAD_CHARS = 256;
const SAMPLE_CHARS = 1_000;
const EARLY_BURSTS = 5;

/**
 * Groups warning and error lines into templates as they come: feed it lines with `add` (from
 * `minePatterns`' own pass, or from any other single pass over the logs), then ask for the
 * `result`. Memory is bounded by the template, source, mention and burst caps, never by the
 * number of lines.
 */
export class PatternMiner {
  readonly #drain: DrainTree;
  readonly #masker = new VariableMasker();
  readonly #templates = new Map<number, TemplateState>();
  /** Masked messages seen before, and their cluster: a loop's lines skip the tree search. */
  readonly #known = new Map<string, DrainCluster>();
  readonly #options: Required<Omit<PatternMinerOptions, 'bundleCreatedAt' | 'loop' | keyof DrainOptions>>;
  readonly #loopCriteria: LoopCriteria;
  readonly #bundleCreatedAt: number | undefined;
  readonly #unreadable: { path: string; reason: string }[] = [];
  #files = 0;
  #bytes = 0;
  #examined = 0;
  #mined = 0;
  #unclustered = 0;

  constructor(options: PatternMinerOptions = {}) {
    this.#options = {
      maxTemplates: options.maxTemplates ?? 2_000,
      maxSourcesPerTemplate: options.maxSourcesPerTemplate ?? 32,
      maxMentions: options.maxMentions ?? 16,
      maxBursts: options.maxBursts ?? 20,
      burstGapMs: options.burstGapMs ?? 10 * 60_000,
      burstMinCount: options.burstMinCount ?? 10,
    };
    this.#drain = new DrainTree({ ...options, maxClusters: this.#options.maxTemplates });
    this.#loopCriteria = { ...DEFAULT_LOOP_CRITERIA, ...options.loop };
    this.#bundleCreatedAt = options.bundleCreatedAt;
  }

  /** Counts a log as read (its size goes into the stats). */
  addFile(source: Pick<LogFileInfo, 'size'>): void {
    this.#files += 1;
    this.#bytes += source.size;
  }

  /** Records a log that could not be read. */
  addUnreadable(path: string, reason: string): void {
    this.#unreadable.push({ path, reason });
  }

  /**
   * One line of a log. Lines below warning level are counted and dropped; the others join a
   * template. Lines of one log must come in file order (intervals and bursts assume it).
   * Returns the cluster the line joined (its template text may still change as lines come),
   * or undefined for a routine line or one past `maxTemplates`.
   */
  add(line: LogLine, source: PatternSource): DrainCluster | undefined {
    this.#examined += 1;
    const parsed = parseLogLine(line.text, { journal: source.timestampStyle === 'journal' });
    if (!isMinedLevel(parsed.level)) return undefined;
    this.#mined += 1;
    const at = line.time ?? (parsed.embeddedTime ? embeddedTimeMs(parsed.embeddedTime, this.#bundleCreatedAt) : undefined);
    const { masked, names } = this.#masker.mask(parsed.message);
    let cluster = this.#known.get(masked);
    if (cluster) {
      cluster.size += 1;
    } else {
      cluster = this.#drain.add(splitTokens(masked));
      if (!cluster) {
        this.#unclustered += 1;
        return undefined;
      }
      if (this.#known.size >= KNOWN_MESSAGES) this.#known.clear();
      this.#known.set(masked, cluster);
    }
    const occurrence: RawOccurrence = {
      path: source.path,
      line: line.line,
      at,
      head: line.raw.length > HEAD_CHARS ? line.raw.slice(0, HEAD_CHARS) : line.raw,
      style: source.timestampStyle,
    };
    let template = this.#templates.get(cluster.id);
    if (!template) {
      template = {
        cluster,
        level: parsed.level,
        levelFrom: parsed.levelFrom ?? 'wording',
        format: parsed.format,
        site: parsed.site,
        count: 0,
        first: occurrence,
        last: occurrence,
        sample: { path: source.path, line: line.line, text: line.raw.length > SAMPLE_CHARS ? line.raw.slice(0, SAMPLE_CHARS) : line.raw },
        sources: new Map(),
        otherSources: 0,
        lastUntracked: undefined,
        mentions: new Map(),
      };
      this.#templates.set(cluster.id, template);
    }
    template.count += 1;
    template.level = worseLevel(template.level, parsed.level);
    if (isEarlier(occurrence, template.first)) template.first = occurrence;
    if (!isEarlier(occurrence, template.last)) template.last = occurrence;
    for (const name of names) {
      const seen = template.mentions.get(name);
      if (seen !== undefined) template.mentions.set(name, seen + 1);
      else if (template.mentions.size < this.#options.maxMentions) template.mentions.set(name, 1);
    }
    this.#addToSource(template, source, occurrence);
    return cluster;
  }

  /**
   * The id of the template a line belongs to, without counting it (undefined: routine, or no
   * template fits): how a report tells which templates a finding's evidence lines explain. The
   * id is the template's text as it stands now; ask after the pass, as `result()` does.
   */
  templateOf(text: string, source: Pick<PatternSource, 'timestampStyle'>): string | undefined {
    const parsed = parseLogLine(text, { journal: source.timestampStyle === 'journal' });
    if (!isMinedLevel(parsed.level)) return undefined;
    const { masked } = this.#masker.mask(parsed.message);
    const cluster = this.#known.get(masked) ?? this.#drain.match(splitTokens(masked));
    return cluster && templateId(cluster.tokens.join(' '));
  }

  #addToSource(template: TemplateState, source: PatternSource, occurrence: RawOccurrence): void {
    let state = template.sources.get(source.path);
    if (!state) {
      if (template.sources.size >= this.#options.maxSourcesPerTemplate) {
        if (template.lastUntracked !== source.path) {
          template.otherSources += 1;
          template.lastUntracked = source.path;
        }
        return;
      }
      state = {
        source: sourceOf(source),
        style: source.timestampStyle,
        first: occurrence,
        last: occurrence,
        lastAt: undefined,
        intervals: new IntervalHistogram(),
        current: undefined,
        earlyBursts: [],
        lateBursts: [],
      };
      template.sources.set(source.path, state);
    }
    state.source.count += 1;
    state.last = occurrence;
    const at = occurrence.at;
    if (at === undefined) return;
    if (state.lastAt !== undefined && at >= state.lastAt) state.intervals.add(at - state.lastAt);
    state.lastAt = at;
    const current = state.current;
    if (current && current.end.at !== undefined && at - current.end.at <= this.#options.burstGapMs && at >= current.end.at) {
      current.end = occurrence;
      current.count += 1;
    } else {
      if (current) this.#closeEpisode(state, current);
      state.current = { start: occurrence, end: occurrence, count: 1 };
    }
  }

  #closeEpisode(state: SourceState, episode: Episode): void {
    if (episode.count < this.#options.burstMinCount) return;
    if (state.earlyBursts.length < EARLY_BURSTS) state.earlyBursts.push(episode);
    else {
      state.lateBursts.push(episode);
      if (state.lateBursts.length > this.#options.maxBursts) state.lateBursts.shift();
    }
  }

  /** The templates found so far, ranked; `limit` keeps the first N. The miner can go on after. */
  result(options: { limit?: number } = {}): PatternReport {
    const merged = new Map<string, LogTemplate>();
    for (const state of this.#templates.values()) {
      const template = this.#template(state);
      const existing = merged.get(template.id);
      merged.set(template.id, existing ? mergeTemplates(existing, template, this.#options.maxBursts) : template);
    }
    const ranked = rankTemplates([...merged.values()], this.#bundleCreatedAt);
    return {
      templates: options.limit === undefined ? ranked : ranked.slice(0, options.limit),
      stats: {
        files: this.#files,
        bytes: this.#bytes,
        linesExamined: this.#examined,
        minedLines: this.#mined,
        unclusteredLines: this.#unclustered,
        templates: ranked.length,
      },
      unreadable: [...this.#unreadable],
    };
  }

  #template(state: TemplateState): LogTemplate {
    const text = state.cluster.tokens.join(' ');
    const sources = [...state.sources.values()];
    const template: LogTemplate = {
      id: templateId(text),
      template: text,
      level: state.level,
      levelFrom: state.levelFrom,
      format: state.format,
      count: state.count,
      rank: 0,
      score: 0,
      first: this.#occurrence(state.first),
      last: this.#occurrence(state.last),
      sample: { ...state.sample },
      bursts: this.#bursts(sources),
      sources: sources.map((source) => ({ ...source.source })).sort((a, b) => b.count - a.count || compareText(a.path, b.path)),
      otherSources: state.otherSources,
      mentions: [...state.mentions.entries()].sort((a, b) => b[1] - a[1] || compareText(a[0], b[0])).map(([name]) => name),
    };
    if (state.site) template.site = state.site;
    const loop = this.#loop(sources);
    if (loop) template.loop = loop;
    return template;
  }

  #loop(sources: SourceState[]): LogLoop | undefined {
    let best: LogLoop | undefined;
    for (const source of sources) {
      const detected = detectLoop(source.intervals, this.#loopCriteria);
      if (!detected || (best && best.occurrences >= detected.occurrences)) continue;
      // No finer than the log's own timestamps: a journal in whole seconds gives whole seconds.
      const precisionMs = source.style === 'journal' && !/^\S+ +\d+ \d\d:\d\d:\d\d\./.test(source.first.head) ? 1000 : 1;
      best = {
        intervalMs: Math.round(detected.intervalMs / precisionMs) * precisionMs,
        occurrences: detected.occurrences,
        steadyShare: Math.round(detected.steadyShare * 1000) / 1000,
        path: source.source.path,
      };
      const from = this.#occurrence(source.first).time;
      const to = this.#occurrence(source.last).time;
      if (from) best.from = from;
      if (to) best.to = to;
    }
    return best;
  }

  #bursts(sources: SourceState[]): LogBurst[] {
    const episodes: Episode[] = [];
    for (const source of sources) {
      episodes.push(...source.earlyBursts, ...source.lateBursts);
      if (source.current && source.current.count >= this.#options.burstMinCount) episodes.push(source.current);
    }
    episodes.sort((a, b) => (a.start.at ?? 0) - (b.start.at ?? 0));
    return episodes.slice(0, this.#options.maxBursts).map((episode) => ({
      start: this.#occurrence(episode.start),
      end: this.#occurrence(episode.end),
      count: episode.count,
    }));
  }

  #occurrence(raw: RawOccurrence): LogOccurrence {
    const occurrence: LogOccurrence = { path: raw.path, line: raw.line };
    const time = occurrenceTime(raw.head, raw.style, this.#bundleCreatedAt);
    if (time) occurrence.time = time;
    return occurrence;
  }
}

/** Masked messages remembered with their cluster (a cache: clearing it changes no result). */
const KNOWN_MESSAGES = 20_000;

function splitTokens(masked: string): string[] {
  return masked.split(WHITESPACE).filter((token) => token !== '');
}

const WHITESPACE = /\s+/;

function isEarlier(a: RawOccurrence, b: RawOccurrence): boolean {
  if (a.at === undefined || b.at === undefined) return false;
  return a.at < b.at;
}

function sourceOf(source: PatternSource): LogTemplateSource {
  const result: LogTemplateSource = { path: source.path, count: 0, kind: source.kind };
  if (source.namespace !== undefined) result.namespace = source.namespace;
  if (source.pod !== undefined) result.pod = source.pod;
  if (source.container !== undefined) result.container = source.container;
  if (source.previous) result.previous = true;
  if (source.node !== undefined) result.node = source.node;
  if (source.file !== undefined) result.file = source.file;
  return result;
}

/** Two clusters that ended with the same text are one template. */
function mergeTemplates(a: LogTemplate, b: LogTemplate, maxBursts: number): LogTemplate {
  const earlier = (x: LogOccurrence, y: LogOccurrence) => (x.time && y.time && y.time.at < x.time.at ? y : x);
  const later = (x: LogOccurrence, y: LogOccurrence) => (x.time && y.time && y.time.at > x.time.at ? y : x);
  const merged: LogTemplate = {
    ...a,
    level: worseLevel(a.level, b.level),
    count: a.count + b.count,
    first: earlier(a.first, b.first),
    last: later(a.last, b.last),
    bursts: [...a.bursts, ...b.bursts].sort((x, y) => (x.start.time?.at ?? 0) - (y.start.time?.at ?? 0)).slice(0, maxBursts),
    sources: [...a.sources, ...b.sources].sort((x, y) => y.count - x.count || compareText(x.path, y.path)),
    otherSources: a.otherSources + b.otherSources,
    mentions: [...new Set([...a.mentions, ...b.mentions])],
  };
  const loop = !a.loop ? b.loop : !b.loop ? a.loop : a.loop.occurrences >= b.loop.occurrences ? a.loop : b.loop;
  if (loop) merged.loop = loop;
  else delete merged.loop;
  return merged;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
