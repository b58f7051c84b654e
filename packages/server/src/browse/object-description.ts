import {
  apiGroupOf,
  kubectlDescribe,
  NotInBundleError,
  qualifiedKind,
  qualifiedResource,
  resolveResourceType,
  resourceTypesOf,
  type Bundle,
  type ResourceType,
} from '@bundle-triage/core';
import { redactObject, type Finding, type Report } from '@bundle-triage/report';
import type { ObjectDescription } from '../http/browse-schemas.js';
import { apiLinks, pageLinks } from './browse-links.js';
import { typeBody } from './bundle-kinds.js';
import { findingsSection } from './citing-findings.js';
import { logChoicesOf } from './log-choices.js';

export interface ObjectRequest {
  type: string;
  name: string;
  /** For namespaced types; default `default`, as kubectl. */
  namespace?: string;
}

/**
 * `kubectl describe` of one object for the browser, from core's `kubectlDescribe`: its
 * conditions, the events about it, its owner chain (each owner linked to its own page), the
 * findings of this analysis that cite it (through describe's `extraSections`, linked to the
 * report), its logs when it is a pod or a node, and the object itself — all redacted. The name
 * must be exact: where kubectl would describe every object the name starts with, this says
 * which there are.
 */
export async function describeObject(bundle: Bundle, analysisId: string, report: Report | undefined, request: ObjectRequest): Promise<ObjectDescription> {
  const resolved = await resolveResourceType(bundle, request.type);
  const typeName = qualifiedResource(resolved.type);
  const cited = new Map<object, Finding>();
  const namespace = request.namespace ?? 'default';
  const described = await kubectlDescribe(bundle, {
    target: `${typeName}/${request.name}`,
    namespace,
    ...(report ? { extraSections: [findingsSection(report, cited)] } : {}),
  });
  const description = described.find((candidate) => candidate.object.metadata.name === request.name);
  if (!description) {
    const names = described.slice(0, 5).map((candidate) => candidate.object.metadata.name);
    const where = resolved.type.namespaced ? ` in namespace "${namespace}"` : '';
    throw new NotInBundleError(`${typeName} "${request.name}"`, `${typeName} "${request.name}" not found${where}`, `names that start with it: ${names.join(', ')}${described.length > names.length ? ', …' : ''}`);
  }
  const types = resourceTypesOf(bundle);
  const { object } = description;
  const objectNamespace = object.metadata.namespace || undefined;
  const body = {
    apiVersion: object.apiVersion,
    kind: object.kind,
    namespace: objectNamespace ?? null,
    name: object.metadata.name,
    path: description.origin?.path ?? null,
    line: description.origin?.line ?? null,
    conditions: description.conditions.map((condition) => ({ ...condition, lastTransitionTime: condition.lastTransitionTime ?? null })),
    events: description.events.map((event) => ({
      type: event.type,
      reason: event.reason,
      age: event.age,
      from: event.from,
      message: event.message,
      count: event.count,
      path: event.origin?.path ?? null,
      line: event.origin?.line ?? null,
    })),
    owners: description.owners.map((owner) => {
      const ownerType = owner.object ? typeNameOf(types, owner.apiVersion, owner.kind) : undefined;
      return {
        apiVersion: owner.apiVersion,
        kind: owner.kind,
        namespace: owner.namespace ?? null,
        name: owner.name,
        controller: owner.controller,
        path: owner.origin?.path ?? null,
        line: owner.origin?.line ?? null,
        missing: owner.missing ?? null,
        links: ownerType ? { self: apiLinks.object(analysisId, ownerType, owner.namespace, owner.name), page: pageLinks.object(analysisId, ownerType, owner.namespace, owner.name) } : null,
      };
    }),
    sections: description.sections.map((section) => ({
      title: section.title,
      entries: section.entries.map((entry) => {
        const finding = cited.get(entry);
        return {
          text: entry.text,
          path: entry.evidence?.path ?? null,
          line: entry.evidence?.line ?? null,
          finding: finding
            ? { ruleId: finding.ruleId, status: finding.status, severity: finding.severity, title: finding.title, fingerprint: finding.fingerprint, link: `/analyses/${analysisId}#finding-${finding.fingerprint}` }
            : null,
        };
      }),
    })),
    logs: logChoicesOf(bundle, analysisId, object),
    object,
  };
  const { value, masked } = redactObject(body);
  return {
    analysisId,
    type: typeBody(bundle, resolved.type),
    ...value,
    links: {
      self: apiLinks.object(analysisId, typeName, objectNamespace, object.metadata.name),
      page: pageLinks.object(analysisId, typeName, objectNamespace, object.metadata.name),
      yaml: pageLinks.object(analysisId, typeName, objectNamespace, object.metadata.name, { view: 'yaml' }),
    },
    masked,
  };
}

/** The name the routes take for an owner's type: its plural (with its group), else kind.group. */
function typeNameOf(types: readonly ResourceType[], apiVersion: string, kind: string): string {
  const group = apiGroupOf(apiVersion);
  const type = types.find((candidate) => candidate.group === group && candidate.kind === kind);
  return type ? qualifiedResource(type) : qualifiedKind({ group, kind });
}
