import type { BundleFacts, NestedArchiveKinds } from '@bundle-triage/core';
import type { CodeRuleRead, Rule } from '../rule/rule.js';
import type { InputSpec } from '../rule/rule-types.js';
import { versionSkip } from './version-gate.js';

const SUPPORTCONFIG = 'supportconfig/';

/**
 * Which nested archives the rules will read: node bundles (a node-file input, or a code rule that
 * reads node files) and the nodes' supportconfig archives (a file under `supportconfig/`). Known
 * from the rules alone before any of them runs, so the engine opens only these in a bundle opened
 * with `nestedArchives: 'when-needed'`; a rule that the bundle's version skips reads nothing. An
 * input of a kind this does not know is taken to read everything (safe, never silent).
 */
export function nestedArchivesRead(rules: readonly Rule[], facts: BundleFacts): NestedArchiveKinds {
  const read: NestedArchiveKinds = { nodeBundles: false, supportconfig: false };
  const add = (kinds: Partial<NestedArchiveKinds>) => {
    read.nodeBundles ||= Boolean(kinds.nodeBundles || kinds.supportconfig);
    read.supportconfig ||= Boolean(kinds.supportconfig);
  };
  for (const rule of rules) {
    if (versionSkip(rule.appliesTo, facts)) continue;
    for (const spec of Object.values(rule.inputs ?? {})) add(inputReads(spec));
    if (rule.kind === 'code') {
      for (const reads of rule.reads ?? []) add(reads === 'supportconfig' ? { supportconfig: true } : { nodeBundles: true });
    }
    if (read.supportconfig) break;
  }
  return read;
}

function inputReads(spec: InputSpec): Partial<NestedArchiveKinds> {
  if ('resource' in spec) return {};
  const file = 'nodeFile' in spec ? spec.nodeFile.path : 'logs' in spec ? spec.logs.nodeFile : undefined;
  if ('logs' in spec && file === undefined) return {};
  if (file === undefined) return { nodeBundles: true, supportconfig: true };
  return file.startsWith(SUPPORTCONFIG) ? { supportconfig: true } : { nodeBundles: true };
}

/**
 * What a code rule must declare in `reads` to ask `context.nodeFiles(node, under)`, when it has
 * not: node files need `node-files` (or `supportconfig`); the node's supportconfig files (`under`
 * inside `supportconfig/`, or every file of the node) need `supportconfig`.
 */
export function undeclaredNodeFiles(reads: readonly string[] | undefined, under: string): CodeRuleRead | undefined {
  const declared = new Set(reads ?? []);
  const wantsSupportconfig = under.startsWith(SUPPORTCONFIG) || SUPPORTCONFIG.startsWith(under);
  if (wantsSupportconfig && !declared.has('supportconfig')) return 'supportconfig';
  if (!declared.has('node-files') && !declared.has('supportconfig')) return 'node-files';
  return undefined;
}
