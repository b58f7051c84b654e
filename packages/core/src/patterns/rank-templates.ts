import { LEVEL_WEIGHT } from './log-level.js';
import type { LogTemplate } from './pattern-types.js';

const DAY_MS = 24 * 3600 * 1000;
/** Weight of a template whose lines carry no time: between "today" and "a week ago". */
const UNKNOWN_RECENCY = 0.25;

/**
 * Orders templates for a reader: loops first (a controller requeuing the same failure is the
 * likeliest lead), then by count × recency × level, where recency halves for each day between
 * the template's last line and the bundle's creation. Ties go to the larger count, then the id,
 * so the order is the same on every run. Sets `rank` (1 first) and `score`.
 */
export function rankTemplates(templates: LogTemplate[], bundleCreatedAt?: number): LogTemplate[] {
  const reference = bundleCreatedAt ?? Math.max(0, ...templates.map((template) => template.last.time?.at ?? 0));
  for (const template of templates) {
    const last = template.last.time?.at;
    const recency = last === undefined || reference === 0 ? UNKNOWN_RECENCY : 2 ** (-Math.max(0, reference - last) / DAY_MS);
    template.score = Math.round(template.count * recency * LEVEL_WEIGHT[template.level] * 1000) / 1000;
  }
  const ranked = [...templates].sort(
    (a, b) => Number(Boolean(b.loop)) - Number(Boolean(a.loop)) || b.score - a.score || b.count - a.count || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  ranked.forEach((template, index) => (template.rank = index + 1));
  return ranked;
}
