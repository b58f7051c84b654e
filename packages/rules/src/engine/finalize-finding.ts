import type { Bundle, KubeObject } from '@bundle-triage/core';
import { objectRef } from '@bundle-triage/core';
import type { Scope } from '../match/located.js';
import { renderTemplate, renderTemplateEach } from '../match/render-template.js';
import type { Evidence, Finding, Remediation } from '@bundle-triage/report';
import { renderPatch } from '../remediation/render-patch.js';
import type { JsonPatchOperation, RemediationSpec, RuleMeta } from '../rule/rule-types.js';
import { fieldEvidence } from './build-evidence.js';
import { fingerprint } from './fingerprint.js';
import type { LinkedFinding } from './link-findings.js';

export interface FindingParts {
  status: Finding['status'];
  severity: Finding['severity'];
  message: string;
  evidence: Evidence[];
  subject?: KubeObject;
  /** Tells apart several findings of one rule about the same objects (code rules). */
  key?: string;
  /**
   * The records (not bundle objects: a node's filesystem, its memory) the finding is about. They
   * identify it in place of the cited paths, which for a supportconfig hold a random suffix.
   */
  records?: string[];
  /** Tags in place of the rule's (an outcome's or a code finding's own). */
  tags?: readonly string[];
  /** Objects that may stand as evidence when the conditions cited none (named inputs), asked for only then. */
  fallbackObjects: () => Promise<KubeObject[]>;
  /** The objects the evidence cites (they and the subject are what the finding is about). */
  objects?: KubeObject[];
  remediation?: { summary: string; steps: string[]; commands: string[]; patch?: { target: KubeObject; operations: JsonPatchOperation[] } };
}

/**
 * Completes a finding: evidence (never empty for fail/warn: the subject or the inputs are cited
 * when the conditions named no field), the remediation with its diff and command, and the
 * fingerprint.
 */
export async function finalizeFinding(rule: RuleMeta, bundle: Bundle, parts: FindingParts): Promise<LinkedFinding> {
  let evidence = parts.evidence;
  const objects = new Set<KubeObject>([...(parts.subject ? [parts.subject] : []), ...(parts.objects ?? [])]);
  if (evidence.length === 0 && parts.status !== 'pass') {
    // A finding about records (a node's filesystem) is proven by their lines, not by some object
    // of the rule's other inputs: without a line of its own it has nothing to cite.
    const aboutRecords = (parts.records?.length ?? 0) > 0;
    const candidates = parts.subject ? [parts.subject] : aboutRecords ? [] : await parts.fallbackObjects();
    for (const object of candidates) {
      const item = await fieldEvidence(bundle, object);
      if (item) {
        evidence = [...evidence, item];
        objects.add(object);
      }
    }
    // The report's promise: a fail or warn always cites a path and a line. A rule that cannot
    // cite anything is a rule bug, reported as its error rather than as an unproven finding.
    if (evidence.length === 0 && parts.status !== 'info') {
      throw new Error(`rule produced a ${parts.status} finding ("${parts.message.slice(0, 80)}") with no evidence to cite`);
    }
  }
  const finding: Finding = {
    ruleId: rule.id,
    status: parts.status,
    severity: parts.severity,
    title: rule.title,
    message: parts.message,
    component: rule.component,
    tags: [...(parts.tags ?? rule.tags ?? [])],
    evidence,
    references: [...(rule.references ?? [])],
    fingerprint: fingerprint(
      rule.id,
      parts.subject ? [objectRef(parts.subject)] : evidence.map((item) => item.object),
      [
        ...(parts.key ? [`key:${parts.key}`] : []),
        ...(parts.records && parts.records.length > 0
          ? parts.records.map((record) => `record:${record}`)
          : parts.subject
            ? []
            : evidence.filter((item) => !item.object).map((item) => item.path)),
      ],
    ),
  };
  if (parts.remediation && parts.status !== 'pass') finding.remediation = await buildRemediation(bundle, parts.remediation);
  return { finding, objects: [...objects], ...(parts.records && parts.records.length > 0 ? { records: [...parts.records] } : {}) };
}

async function buildRemediation(bundle: Bundle, spec: NonNullable<FindingParts['remediation']>): Promise<Remediation> {
  const remediation: Remediation = { summary: spec.summary, steps: [...spec.steps], commands: [...spec.commands] };
  if (!spec.patch) return remediation;
  const { target, operations } = spec.patch;
  const origin = bundle.origin(target);
  const resource = origin ? bundle.entry(origin.path) : undefined;
  try {
    const rendered = renderPatch(target, operations, resource?.type === 'resource' ? resource.resource : undefined);
    remediation.patch = {
      target: { ...objectRef(target), ...(origin ? { path: origin.path, line: origin.line } : {}) },
      operations,
      diff: rendered.diff,
      command: rendered.command,
    };
    if (!remediation.commands.includes(rendered.command)) remediation.commands.push(rendered.command);
  } catch (error) {
    remediation.steps.push(
      `The prepared patch does not apply to ${objectRef(target).kind} ${objectRef(target).name} as it is in this bundle (${error instanceof Error ? error.message : String(error)}); edit the object by hand.`,
    );
  }
  return remediation;
}

/** Renders a declarative rule's remediation templates and finds its patch target in the scope. */
export function renderRemediation(spec: RemediationSpec | undefined, scope: Scope): FindingParts['remediation'] {
  if (!spec) return undefined;
  const rendered: NonNullable<FindingParts['remediation']> = {
    summary: renderTemplate(spec.summary, scope).trim(),
    steps: (spec.steps ?? []).map((step) => renderTemplate(step, scope).trim()),
    commands: (spec.commands ?? []).flatMap((command) => renderTemplateEach(command, scope).map((text) => text.trim())),
  };
  if (spec.patch) {
    // The target: a named object, the forEach object, or the first object a condition bound.
    const target = scope.get(spec.patch.target);
    const object = target?.kind === 'one' ? target.located.root : target?.kind === 'many' ? target.located[0]?.root : undefined;
    if (object) rendered.patch = { target: object, operations: renderOperations(spec.patch.operations, scope) };
  }
  return rendered;
}

/** String values inside patch operations may use templates too (e.g. a name from the match). */
function renderOperations(operations: JsonPatchOperation[], scope: Scope): JsonPatchOperation[] {
  const render = (value: unknown): unknown => {
    if (typeof value === 'string') return value.includes('{{') ? renderTemplate(value, scope) : value;
    if (Array.isArray(value)) return value.map(render);
    if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, render(item)]));
    return value;
  };
  return operations.map((operation) => ({ ...operation, path: render(operation.path) as string, ...('value' in operation ? { value: render(operation.value) } : {}) }));
}
