/**
 * Levels as the log formats of a bundle spell them (klog's letters, logrus and zap names,
 * KubeVirt's `warning`, Rancher's `[ERROR]`), reduced to one scale. Templates are mined from
 * `fatal`, `error` and `warning` lines; the rest is routine.
 */
export type LogLevel = 'fatal' | 'error' | 'warning' | 'info' | 'debug';

/** The levels whose lines become templates. */
export type MinedLevel = Extract<LogLevel, 'fatal' | 'error' | 'warning'>;

export function isMinedLevel(level: LogLevel | undefined): level is MinedLevel {
  return level === 'fatal' || level === 'error' || level === 'warning';
}

/** How much a level weighs in the ranking (count × recency × level). */
export const LEVEL_WEIGHT: Record<MinedLevel, number> = { fatal: 4, error: 2, warning: 1 };

/** The more severe of two mined levels. */
export function worseLevel(a: MinedLevel, b: MinedLevel): MinedLevel {
  return LEVEL_WEIGHT[b] > LEVEL_WEIGHT[a] ? b : a;
}

const NAMES: Record<string, LogLevel> = {
  fatal: 'fatal', panic: 'fatal', dpanic: 'fatal', critical: 'fatal', crit: 'fatal', emerg: 'fatal', alert: 'fatal', f: 'fatal',
  error: 'error', err: 'error', eror: 'error', e: 'error',
  warning: 'warning', warn: 'warning', w: 'warning',
  info: 'info', information: 'info', notice: 'info', i: 'info',
  debug: 'debug', trace: 'debug', d: 'debug', t: 'debug',
};

/** `ERROR`, `warn`, `E`, `dpanic` → the scale; undefined for a name no format uses. */
export function levelFromName(name: string): LogLevel | undefined {
  return NAMES[name.toLowerCase()];
}
