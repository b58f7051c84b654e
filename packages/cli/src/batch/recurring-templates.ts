import type { Report } from '@bundle-triage/rules';

/** A log template as one bundle's report lists it, for counting across bundles. */
export interface TemplateSeen {
  id: string;
  template: string;
  level: string;
  count: number;
  /** A finding of this bundle explains it. */
  explained: boolean;
}

/** The templates a report lists (unexplained ones first in rank order, as the report has them). */
export function templatesSeen(report: Report): TemplateSeen[] {
  return (report.patterns?.templates ?? []).map((template) => ({ id: template.id, template: template.template, level: template.level, count: template.count, explained: template.explainedBy.length > 0 }));
}

export interface RecurringTemplate {
  id: string;
  template: string;
  level: string;
  /** Bundles where it is listed and no finding explains it. */
  bundles: number;
  /** Its lines in those bundles. */
  count: number;
  /** Bundles where a finding does explain it (a rule covers it sometimes). */
  explainedIn: number;
  /** The first few of those bundles, as given. */
  paths: string[];
}

const PATHS = 10;

/**
 * Templates seen across a batch. Ids are stable hashes of the template text, so the same message
 * in several bundles counts once per bundle: those that recur without a rule are the field's
 * next signatures.
 */
export class RecurringTemplates {
  readonly #seen = new Map<string, RecurringTemplate & { allPaths: Set<string> }>();
  #bundles = 0;

  add(path: string, templates: readonly TemplateSeen[]): void {
    this.#bundles += 1;
    for (const template of templates) {
      let entry = this.#seen.get(template.id);
      if (!entry) this.#seen.set(template.id, (entry = { id: template.id, template: template.template, level: template.level, bundles: 0, count: 0, explainedIn: 0, paths: [], allPaths: new Set() }));
      if (entry.allPaths.has(path)) continue;
      entry.allPaths.add(path);
      if (template.explained) {
        entry.explainedIn += 1;
        continue;
      }
      entry.bundles += 1;
      entry.count += template.count;
      if (entry.paths.length < PATHS) entry.paths.push(path);
    }
  }

  /** Templates unexplained in at least `minBundles` bundles: most bundles first, then most lines, then id. */
  result(minBundles: number): { bundles: number; minBundles: number; templates: RecurringTemplate[] } {
    const templates = [...this.#seen.values()]
      .filter((entry) => entry.bundles >= minBundles)
      .map(({ allPaths: _all, ...entry }) => ({ ...entry, paths: [...entry.paths].sort() }))
      .sort((a, b) => b.bundles - a.bundles || b.count - a.count || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return { bundles: this.#bundles, minBundles, templates };
  }
}
