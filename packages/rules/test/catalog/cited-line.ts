// Shared by the Longhorn/webhook/misc rule tests: the text of the line a finding cites, read
// from the files the builder wrote (not from the analyzer), so a test proves the citation.
import type { Evidence } from '../../src/report/report-types.js';
import type { BundleBuilder } from '../../src/testing/index.js';

const decoder = new TextDecoder();

/** The cited line of a pod log or YAML file, exactly as the bundle holds it. */
export function citedLine(builder: BundleBuilder, evidence: Evidence): string {
  const content = builder.toFiles().get(evidence.path);
  if (!content) throw new Error(`the bundle has no file ${evidence.path}`);
  const line = decoder.decode(content).split('\n')[evidence.line - 1];
  if (line === undefined) throw new Error(`${evidence.path} has no line ${evidence.line}`);
  return line;
}

/**
 * The bundle as a kit run whose `support-bundle-namespaces` left `namespace` out. The builder
 * has no public way to un-collect a namespace, so this edits its list (test-only).
 */
export function withoutNamespace(builder: BundleBuilder, namespace: string): BundleBuilder {
  const namespaces = (builder as unknown as { namespaces: string[] }).namespaces;
  const index = namespaces.indexOf(namespace);
  if (index >= 0) namespaces.splice(index, 1);
  return builder;
}
