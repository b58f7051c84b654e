import type { GrepOptions, LinePattern, LineOptions, LogFile, LogLine, LogMatch } from './log-file.js';

/** A line of a log series, with the file it is in (evidence cites that file and its line). */
export interface SeriesLine extends LogLine {
  /** Bundle path of the file the line is in, e.g. `logs/ns/pod/c.log.1`. */
  path: string;
}

export interface SeriesMatch extends LogMatch {
  path: string;
}

/**
 * One log across its rotations, oldest first: a container's previous run (`<c>.log.1`) then its
 * current one (`<c>.log`); a node's kernel log two boots ago (`kernel.log.2`), one boot ago
 * (`kernel.log.1`), then this boot (`kernel.log`). Reading the series reads the files one after
 * the other, and every line keeps its own file and 1-based line number, so what a rule or a
 * pattern miner finds is still cited where it is in the bundle.
 */
export class LogSeries {
  /** `pod:<ns>/<pod>/<container>` or `node:<node>/<file>` (the current file's name). */
  readonly key: string;
  readonly kind: 'pod' | 'node';
  readonly namespace?: string;
  readonly pod?: string;
  readonly container?: string;
  readonly node?: string;
  /** For node logs: the current file's path inside the node folder, e.g. `logs/kernel.log`. */
  readonly file?: string;
  /** Oldest first; the last is the current file (when it was collected). */
  readonly files: readonly LogFile[];

  constructor(key: string, files: readonly LogFile[], identity: Pick<LogSeries, 'kind' | 'namespace' | 'pod' | 'container' | 'node' | 'file'>) {
    this.key = key;
    this.files = files;
    this.kind = identity.kind;
    if (identity.namespace !== undefined) this.namespace = identity.namespace;
    if (identity.pod !== undefined) this.pod = identity.pod;
    if (identity.container !== undefined) this.container = identity.container;
    if (identity.node !== undefined) this.node = identity.node;
    if (identity.file !== undefined) this.file = identity.file;
  }

  /** Bytes of every file of the series. */
  get size(): number {
    return this.files.reduce((total, file) => total + file.size, 0);
  }

  async *lines(options: LineOptions = {}): AsyncGenerator<SeriesLine> {
    for (const file of this.files) {
      for await (const line of file.lines(options)) yield { ...line, path: file.path };
    }
  }

  async *grep(pattern: LinePattern, options: GrepOptions = {}): AsyncGenerator<SeriesMatch> {
    let found = 0;
    for (const file of this.files) {
      const left = options.maxMatches === undefined ? undefined : options.maxMatches - found;
      if (left !== undefined && left <= 0) return;
      for await (const match of file.grep(pattern, { ...options, ...(left === undefined ? {} : { maxMatches: left }) })) {
        found += 1;
        yield { ...match, path: file.path };
      }
    }
  }
}

/** `kernel.log.2` → `kernel.log` rotation 2; `kernel.log` → rotation 0. */
export function rotationOf(file: string): { base: string; rotation: number } {
  const match = /^(.*\.log)\.(\d+)$/.exec(file);
  return match ? { base: match[1]!, rotation: Number(match[2]) } : { base: file, rotation: 0 };
}

/** Groups log files into series, each oldest first; series sorted by key. */
export function groupLogSeries(files: readonly LogFile[]): LogSeries[] {
  const groups = new Map<string, { identity: ConstructorParameters<typeof LogSeries>[2]; members: { file: LogFile; rotation: number }[] }>();
  for (const file of files) {
    let key: string;
    let identity: ConstructorParameters<typeof LogSeries>[2];
    let rotation: number;
    if (file.kind === 'pod') {
      key = `pod:${file.namespace}/${file.pod}/${file.container}`;
      identity = { kind: 'pod', namespace: file.namespace!, pod: file.pod!, container: file.container! };
      rotation = file.previous ? 1 : 0;
    } else {
      const { base, rotation: number } = rotationOf(file.file ?? file.path);
      key = `node:${file.node}/${base}`;
      identity = { kind: 'node', node: file.node!, file: base };
      rotation = number;
    }
    const group = groups.get(key) ?? { identity, members: [] };
    group.members.push({ file, rotation });
    groups.set(key, group);
  }
  return [...groups]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, { identity, members }]) => new LogSeries(key, members.sort((a, b) => b.rotation - a.rotation).map((member) => member.file), identity));
}
