import type { LogLevel } from '../log-level.js';

/** The line formats met in bundle logs (bundle-format.md §2.5). */
export type LogFormat = 'klog' | 'logrus' | 'json' | 'rancher' | 'plain';

/**
 * One log line taken apart: its level (from the format, or from its wording when the format has
 * none), and the message templates are built from, without the parts that are the same on
 * every line of the format (time, level, pid).
 */
export interface ParsedLogLine {
  format: LogFormat;
  level?: LogLevel;
  /** `format`: the line's own level field; `wording`: words such as "failed" in a line without one. */
  levelFrom?: 'format' | 'wording';
  /** What the line says: the message and its fields, header removed. */
  message: string;
  /** The code that wrote it, without the line number (`controller.go`), when the format says. */
  site?: string;
  /** A time written inside the line (logrus `time=`, klog header, JSON `ts`), as written. */
  embeddedTime?: EmbeddedTime;
  /** For journal lines: the syslog identifier (`kernel`, `rke2`, `rancher-system-agent`). */
  identifier?: string;
}

export type EmbeddedTime =
  | { kind: 'rfc3339'; text: string }
  /** klog `MMDD hh:mm:ss.uuuuuu`: no year. */
  | { kind: 'klog'; month: number; day: number; hour: number; minute: number; second: number; fraction: string }
  /** Seconds since the epoch (zap's `ts` number). */
  | { kind: 'epoch-seconds'; value: number };
