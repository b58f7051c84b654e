import type { Bundle, BundleFacts, KubeObject } from '@bundle-triage/core';
import type { Evidence } from '@bundle-triage/report';
import { RuleSkip, type CodeRule, type NodeFile, type RuleContext } from '../rule/rule.js';
import type { SkipKind } from '../rule/rule-types.js';
import type { SafePattern } from '../rule/safe-pattern.js';
import { fieldOf, textOf } from '../rule/object-fields.js';
import { factEvidence, fieldEvidence, logEvidence } from './build-evidence.js';
import { itemsNaming } from './items-naming.js';
import { undeclaredNodeFiles } from './nested-reads.js';

/**
 * The read-only view a code rule gets of the bundle: its resolved inputs, node-bundle files by node,
 * and evidence citing. The bundle itself (and the disk behind it) stays with the engine.
 * `cited` records the object behind each evidence item, so a finding knows what it is about.
 */
export function codeRuleContext(options: {
  rule: CodeRule;
  bundle: Bundle;
  facts: BundleFacts;
  signal: AbortSignal;
  inputs: Record<string, unknown>;
  pattern: (source: string) => SafePattern;
  cited: Map<Evidence, KubeObject>;
}): RuleContext {
  const { bundle, cited } = options;
  const nodeFile = (entry: { node: string; file: string; path: string }): NodeFile | undefined => {
    const log = bundle.log(entry.path);
    if (!log) return undefined;
    return { node: entry.node, file: entry.file, path: entry.path, log, text: () => bundle.readText(entry.path), lineText: (line) => bundle.lineText(entry.path, line) };
  };
  return {
    facts: options.facts,
    signal: options.signal,
    // The engine resolved these from the same specs the rule's types are derived from.
    inputs: options.inputs as RuleContext['inputs'],
    nodesWithBundle: () => bundle.index.nodes(),
    nodeFiles: (node, under = '') => {
      const undeclared = undeclaredNodeFiles(options.rule.reads, under);
      if (undeclared) {
        throw new Error(`rule ${options.rule.id} reads node files (${under || 'every file of a node'}) without declaring it: add reads: ['${undeclared}'] to its defineCodeRule`);
      }
      return bundle.index
        .nodeFiles(node)
        .filter((entry) => (under.endsWith('/') || under === '' ? entry.file.startsWith(under) : entry.file === under))
        .flatMap((entry) => nodeFile(entry) ?? []);
    },
    skip: (kind: SkipKind, reason: string): never => {
      throw new RuleSkip(reason, kind);
    },
    evidence: async (object, pointer) => {
      const item = await fieldEvidence(bundle, object as KubeObject, pointer);
      if (!item) throw new Error(`object ${object.kind} ${object.metadata.name} did not come from this bundle; cannot cite it`);
      cited.set(item, object as KubeObject);
      return item;
    },
    logEvidence: (file, line, raw) => logEvidence(file.path, line, raw),
    factEvidence: (fact) => {
      const path = textOf(fact, 'source.path');
      const line = fieldOf(fact, 'source.line');
      if (path === undefined || typeof line !== 'number') throw new Error('this fact has no source line to cite');
      return factEvidence(bundle, path, line);
    },
    pattern: options.pattern,
    lookup: async (list, target) => {
      const spec = options.rule.lookups?.[list];
      if (!spec) throw new Error(`rule ${options.rule.id} looks up ${list} without declaring it: add lookups: { ${list}: { group, resource } } to its defineCodeRule`);
      const query = {
        group: spec.group,
        resource: spec.resource,
        ...(target.namespace === undefined ? {} : { namespace: target.namespace }),
        name: target.name,
        ...itemsNaming([target.name]),
      };
      const [found] = await bundle.resources(query);
      // An item that names it but does not decode may be it: "not there" is not known, as for an input.
      const [problem, ...more] = found ? [] : await bundle.resourceProblems(query);
      if (problem) {
        throw new RuleSkip(`${problem.path} could not be fully read (${problem.problem})${more.length > 0 ? ` and ${more.length} more file(s)` : ''}; see diagnostics`, 'unreadable');
      }
      return found;
    },
  };
}
