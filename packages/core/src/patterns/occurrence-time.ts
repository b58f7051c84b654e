import type { TimestampStyle } from '../logs/log-timestamps.js';
import { journalLineTime, parseRfc3339, podLineTime, timePointFromMs, yearlessTime, type TimePoint } from '../time/time-point.js';
import type { EmbeddedTime } from './formats/parsed-log-line.js';
import { parseLogLine } from './formats/parse-log-line.js';

/**
 * When a line was written, with the precision its log gives: the kubelet's prefix on pod lines
 * (nanoseconds), the journal stamp on node logs (seconds or microseconds, year inferred), or the
 * time inside the line for logs with neither (kubelet.log's klog header, containerd's `time=`).
 */
export function occurrenceTime(raw: string, style: TimestampStyle, bundleCreatedAt: number | undefined): TimePoint | undefined {
  if (style === 'pod') return podLineTime(raw);
  if (style === 'journal') return journalLineTime(raw, bundleCreatedAt);
  const embedded = parseLogLine(raw).embeddedTime;
  return embedded ? embeddedTimePoint(embedded, bundleCreatedAt) : undefined;
}

/** Milliseconds of a time written inside a line (for ordering and intervals). */
export function embeddedTimeMs(embedded: EmbeddedTime, bundleCreatedAt: number | undefined): number | undefined {
  return embeddedTimePoint(embedded, bundleCreatedAt)?.at;
}

export function embeddedTimePoint(embedded: EmbeddedTime, bundleCreatedAt: number | undefined): TimePoint | undefined {
  switch (embedded.kind) {
    case 'rfc3339':
      return parseRfc3339(embedded.text);
    case 'klog':
      return yearlessTime(embedded.month, embedded.day, embedded.hour, embedded.minute, embedded.second, embedded.fraction, bundleCreatedAt);
    case 'epoch-seconds':
      return Number.isFinite(embedded.value) ? timePointFromMs(Math.round(embedded.value * 1000), 'ms') : undefined;
  }
}
