/**
 * Checks that a finding cites what it claims: the text of the line an evidence item points at,
 * read from the files the builder wrote (not from the analyzer), so a test proves the citation.
 * Assertions throw plain errors, so they work under any test runner.
 */
import type { Evidence, Finding } from '@bundle-triage/report';
import type { BundleBuilder } from './bundle-builder.js';
import type { RuleRun } from './index.js';
import { nestedFile } from './nested-file.js';

const decoder = new TextDecoder();

/**
 * A 1-based line of a bundle file as the builder wrote it: top-level files (`yamls/`, `logs/`) and
 * files inside archives (`nodes/<node>.zip!/<node>/logs/kernel.log`, and the supportconfig's
 * `….txz!/scc_supportconfig_<node>/fs-diskio.txt`), read back from the archive bytes.
 */
export function lineAt(builder: BundleBuilder, path: string, line: number): string {
  const bytes = nestedFile(builder.toFiles(), path);
  if (!bytes) throw new Error(`the bundle has no file ${path}`);
  const text = decoder.decode(bytes).split('\n')[line - 1];
  if (text === undefined) throw new Error(`${path} has no line ${line}`);
  return text;
}

/** The line an evidence item cites, exactly as the bundle holds it. */
export function citedLine(builder: BundleBuilder, evidence: Evidence): string {
  return lineAt(builder, evidence.path, evidence.line);
}

/**
 * Asserts the finding cites `path` at a field whose pointer matches `pointer`, and that the
 * cited line holds `text`. Returns that evidence item.
 */
export function expectCited(builder: BundleBuilder, finding: Finding | undefined, path: string, pointer: RegExp, text: string): Evidence {
  const evidence = finding?.evidence.find((item) => item.path === path && pointer.test(item.pointer ?? ''));
  if (!evidence) {
    throw new Error(`no evidence in ${path} at ${pointer} (have ${JSON.stringify(finding?.evidence.map((item) => `${item.path}#${item.pointer ?? ''}`) ?? [])})`);
  }
  const line = citedLine(builder, evidence);
  if (!line.includes(text)) throw new Error(`${path}:${evidence.line} is ${JSON.stringify(line)}, which does not contain ${JSON.stringify(text)}`);
  return evidence;
}

/** Asserts the run's first finding cites `path` on a line that contains `text`; returns that evidence. */
export function expectCites(builder: BundleBuilder, run: RuleRun, path: string, text: string): Evidence {
  const evidence = (run.finding?.evidence ?? []).filter((item) => item.path === path);
  if (evidence.length === 0) throw new Error(`no evidence in ${path} (have ${JSON.stringify(run.finding?.evidence.map((item) => item.path) ?? [])})`);
  const cited = evidence.find((item) => citedLine(builder, item).includes(text));
  if (!cited) throw new Error(`no cited line of ${path} contains ${JSON.stringify(text)}`);
  return cited;
}

/**
 * The bundle as a kit run whose `support-bundle-namespaces` left `namespace` out (its objects
 * and logs are then not written).
 */
export function withoutNamespace(builder: BundleBuilder, namespace: string): BundleBuilder {
  const namespaces = (builder as unknown as { namespaces: string[] }).namespaces;
  const index = namespaces.indexOf(namespace);
  if (index >= 0) namespaces.splice(index, 1);
  return builder;
}
