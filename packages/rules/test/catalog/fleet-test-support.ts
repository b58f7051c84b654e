// Shared by the Fleet / ManagedChart rule tests (S02 – S18): read the line a finding cites.
import { expect } from 'vitest';
import type { Evidence, Finding } from '../../src/report/report-types.js';
import type { BundleBuilder } from '../../src/testing/index.js';

export const MANAGED_CHARTS = 'yamls/namespaced/fleet-local/management.cattle.io/v3/managedcharts.yaml';
export const FLEET_BUNDLES = 'yamls/namespaced/fleet-local/fleet.cattle.io/v1alpha1/bundles.yaml';

/** The text of the line an evidence item cites, read from the bundle's own file. */
export function citedLine(builder: BundleBuilder, evidence: Evidence): string {
  const bytes = builder.toFiles().get(evidence.path);
  if (!bytes) throw new Error(`the bundle has no ${evidence.path}`);
  return new TextDecoder().decode(bytes).split('\n')[evidence.line - 1] ?? '';
}

/**
 * Asserts the finding cites `path` at a field whose pointer matches `pointer`, and that the
 * cited line of that file really holds `text`. Returns the evidence item.
 */
export function expectCited(builder: BundleBuilder, finding: Finding | undefined, path: string, pointer: RegExp, text: string): Evidence {
  const evidence = finding?.evidence.find((item) => item.path === path && pointer.test(item.pointer ?? ''));
  expect(evidence, `no evidence in ${path} at ${pointer} (have ${JSON.stringify(finding?.evidence.map((item) => `${item.path}#${item.pointer}`))})`).toBeDefined();
  expect(citedLine(builder, evidence!)).toContain(text);
  return evidence!;
}
