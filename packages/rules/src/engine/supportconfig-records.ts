import type { Bundle, BundleFacts, NodeSupportconfig } from '@bundle-triage/core';
import semver from 'semver';
import type { Located } from '../match/located.js';
import type { SupportconfigInputSpec } from '../rule/rule-types.js';
import type { Skip } from '../rule/rule.js';

export type SupportconfigFact = NonNullable<SupportconfigInputSpec['supportconfig']['fact']>;

/** A node an input could not answer for, and why: checked by nobody, so never a pass. */
export interface UncheckedNode extends Skip {
  node: string;
}

export type SupportconfigRecords = { ok: true; records: Located[]; unchecked: UncheckedNode[] } | { ok: false; skip: Skip };

const NO_NODES = 'no nodes/ folder: node logs and configs were not collected in this bundle';
/** support-bundle-kit collects the node's supportconfig since v0.0.26 (3699616a), first shipped with Harvester v1.2.0. */
const FIRST_RELEASE_WITH_SCC = '1.2.0';

/**
 * A supportconfig input's records: the chosen fact of every node, each a plain value whose parts
 * keep core's `source: { path, line }` (so conditions cite the line inside the archive), and the
 * nodes that cannot answer: no node bundle, no supportconfig in it, an archive that does not
 * open, or a supportconfig without the file the fact comes from.
 */
export async function supportconfigRecords(spec: SupportconfigInputSpec, bundle: Bundle, facts: BundleFacts): Promise<SupportconfigRecords> {
  const fact: SupportconfigFact = spec.supportconfig.fact ?? 'node';
  const required = spec.required ?? true;
  const hint = spec.supportconfig.whenMissing;
  const withBundle = new Set(bundle.index.nodes());
  if (withBundle.size === 0) return required ? { ok: false, skip: withHint({ kind: 'missing-input', reason: NO_NODES }, hint) } : { ok: true, records: [], unchecked: [] };

  const records: Located[] = [];
  const unchecked: UncheckedNode[] = [];
  // Nodes that answered, with records or with none (no failed unit is an answer too).
  let answered = 0;
  for (const node of [...new Set([...facts.nodes, ...withBundle])].sort()) {
    if (!withBundle.has(node)) {
      unchecked.push({ node, kind: 'missing-input', reason: `node ${node} has no node bundle` });
      continue;
    }
    const scc = await bundle.supportconfig(node);
    if (!scc) {
      unchecked.push({ node, kind: 'missing-input', reason: `the node bundle of ${node} holds no supportconfig` });
      continue;
    }
    if (scc.files.length === 0) {
      const problem = bundle.diagnostics().find((diagnostic) => diagnostic.path === scc.path && diagnostic.level === 'error');
      unchecked.push({ node, kind: 'unreadable', reason: `the supportconfig of ${node} (${scc.path}) could not be read${problem ? `: ${problem.message}` : ''}` });
      continue;
    }
    const made = factRecords(scc, fact);
    if ('missing' in made) unchecked.push({ node, kind: 'missing-input', reason: `the supportconfig of ${node} does not say: ${made.missing}` });
    else {
      records.push(...made.records);
      answered += 1;
    }
  }

  if (answered > 0) return { ok: true, records, unchecked: required ? unchecked : [] };
  if (!required) return { ok: true, records: [], unchecked: [] };
  const predates = kitPredatesSupportconfig(bundle, facts);
  if (predates && unchecked.every((entry) => entry.kind === 'missing-input')) return { ok: false, skip: withHint({ kind: 'not-recorded', reason: predates }, hint) };
  const noneHasOne = unchecked.every((entry) => /has no node bundle|holds no supportconfig/.test(entry.reason));
  return { ok: false, skip: withHint(noneHasOne ? { kind: 'missing-input', reason: 'no node bundle holds a supportconfig (scc_supportconfig_*.txz)' } : summarizeUnchecked(unchecked, unchecked.length), hint) };
}

/**
 * Why this bundle cannot have a supportconfig at all, when it is from a kit before v0.0.26: its
 * Harvester release is older than v1.2.0, or — for a development build, whose version says
 * nothing — it lacks harvesterhci.io settings.yaml, which the kit began collecting in the same
 * change as the supportconfig (3699616a).
 */
function kitPredatesSupportconfig(bundle: Bundle, facts: BundleFacts): string | undefined {
  const version = facts.harvesterVersion?.semver;
  if (version !== undefined) {
    return semver.lt(version, FIRST_RELEASE_WITH_SCC)
      ? `bundles of Harvester ${facts.harvesterVersion!.value} hold no node supportconfig (support-bundle-kit collects scc_supportconfig_*.txz since v0.0.26, Harvester v1.2.0)`
      : undefined;
  }
  const collected = bundle.index.resourceFiles().length > 0;
  if (collected && bundle.resourceFiles({ group: 'harvesterhci.io', resource: 'settings' }).length === 0) {
    return `this bundle's support-bundle-kit predates v0.0.26, which began collecting each node's supportconfig (scc_supportconfig_*.txz) together with Harvester's settings.yaml, and the bundle has no settings.yaml`;
  }
  return undefined;
}

/** One skip for the nodes that could not be checked (the first three named). */
export function summarizeUnchecked(unchecked: readonly UncheckedNode[], nodes: number): Skip {
  const kinds = new Set(unchecked.map((entry) => entry.kind));
  const kind = kinds.size === 1 ? unchecked[0]!.kind : 'missing-input';
  if (unchecked.length === 1) return { kind, reason: unchecked[0]!.reason };
  const named = unchecked.slice(0, 3).map((entry) => entry.reason).join('; ');
  const more = unchecked.length > 3 ? `; and ${unchecked.length - 3} more` : '';
  return { kind, reason: `${unchecked.length} of ${nodes} nodes could not be checked: ${named}${more}` };
}

function withHint(skip: Skip, hint: string | undefined): Skip {
  return hint ? { kind: skip.kind, reason: `${skip.reason}; ${hint}` } : skip;
}

/** What each fact needs from the archive, named as core names it in `missing`. */
const MISSING_PREFIX: Record<Exclude<SupportconfigFact, 'node'>, string[]> = {
  filesystems: ['free space'],
  memory: ['memory and swap'],
  load: ['load', 'CPU count'],
  failedUnits: ['failed units'],
  kernelEvents: ['kernel messages'],
  disks: ['disk SMART state'],
};

function factRecords(scc: NodeSupportconfig, fact: SupportconfigFact): { records: Located[] } | { missing: string } {
  const { node } = scc;
  if (fact !== 'node') {
    const missing = scc.missing.filter((entry) => MISSING_PREFIX[fact].some((prefix) => entry.startsWith(prefix)));
    if (missing.length > 0) return { missing: missing.join('; ') };
  }
  switch (fact) {
    case 'node':
      return { records: [record(node, nodeRecord(scc))] };
    case 'filesystems':
      return { records: scc.filesystems.map((fs) => record(`${node} ${fs.mount}`, { node, ...fs })) };
    case 'memory':
      return scc.memory ? { records: [record(node, memoryRecord(scc)!)] } : { missing: 'memory (no free -k)' };
    case 'load':
      return scc.load && scc.cpus ? { records: [record(node, { node, ...scc.load, cpus: scc.cpus })] } : { missing: 'load or CPU count' };
    case 'failedUnits':
      return { records: scc.failedUnits.map((unit) => record(`${node} ${unit.unit}`, { node, ...unit })) };
    case 'kernelEvents':
      return { records: scc.kernelEvents.map((event) => record(`${node} ${event.kind} ${event.subject ?? ''} ${event.time ?? event.source.line}`, { node, ...eventRecord(event) })) };
    case 'disks':
      return { records: scc.disks.map((disk) => record(`${node} ${disk.device}`, { node, ...disk })) };
  }
}

/** The whole node: every fact, kernel event times as RFC 3339 (what `within` / `olderThan` and `age` read). */
function nodeRecord(scc: NodeSupportconfig): Record<string, unknown> {
  const memory = memoryRecord(scc);
  return {
    ...scc,
    ...(memory ? { memory } : {}),
    kernelEvents: scc.kernelEvents.map(eventRecord),
  };
}

/** free -k, with SCA's used share ((total − available) / total, bhc-memused) and swap's, in whole percent. */
function memoryRecord(scc: NodeSupportconfig): Record<string, unknown> | undefined {
  const { memory, swap } = scc;
  if (!memory) return undefined;
  const used = memory.totalBytes - (memory.availableBytes ?? memory.freeBytes);
  return {
    node: scc.node,
    ...memory,
    usedPercent: memory.totalBytes > 0 ? Math.round((used / memory.totalBytes) * 100) : 0,
    ...(swap ? { swap: { ...swap, usedPercent: swap.totalBytes > 0 ? Math.round((swap.usedBytes / swap.totalBytes) * 100) : 0 } } : {}),
  };
}

function eventRecord(event: NodeSupportconfig['kernelEvents'][number]): Record<string, unknown> {
  const { time, ...rest } = event;
  return time === undefined ? rest : { ...rest, time: new Date(time).toISOString() };
}

function record(identity: string, value: Record<string, unknown>): Located {
  const source = value.source as { path?: string; line?: number } | undefined;
  return {
    value,
    pointer: '',
    fact: { record: identity, ...(source?.path ? { path: source.path } : {}), ...(source?.line ? { line: source.line } : {}) },
  };
}
