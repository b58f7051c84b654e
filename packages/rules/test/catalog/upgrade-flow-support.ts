// Shared by the upgrade-flow rule tests (S19–S36): read the line a finding cites.
import { expect } from 'vitest';
import type { RuleRun } from '../../src/testing/index.js';
import type { BundleBuilder } from './catalog-support.js';

/** The text of a 1-based line of a bundle file (node files: `nodes/<node>.zip` entries are not decoded here). */
export function lineAt(builder: BundleBuilder, path: string, line: number): string {
  const bytes = builder.toFiles().get(path);
  if (!bytes) throw new Error(`no file ${path} in the bundle`);
  return new TextDecoder().decode(bytes).split('\n')[line - 1]!;
}

/** Asserts the finding cites `path` and that the cited line contains `text`; returns that evidence. */
export function expectCites(builder: BundleBuilder, run: RuleRun, path: string, text: string) {
  const evidence = run.finding!.evidence.filter((item) => item.path === path);
  expect(evidence.length, `evidence in ${path}: ${JSON.stringify(run.finding!.evidence.map((item) => item.path))}`).toBeGreaterThan(0);
  const cited = evidence.find((item) => lineAt(builder, path, item.line).includes(text));
  expect(cited, `a cited line of ${path} contains ${text}`).toBeDefined();
  return cited!;
}
