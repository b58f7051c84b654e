import type { Bundle } from '../bundle.js';
import { objectRef, type KubeObject, type ObjectOrigin, type ObjectRef } from '../resources/kube-object.js';
import { ageAt } from './human-duration.js';
import { BadRequestError, NotInBundleError } from './kubectl-errors.js';
import { eventsAbout, type DescribedEvent } from './object-events.js';
import { ownerChain, type OwnerLink } from './owner-chain.js';
import { printContextOf } from './print-context.js';
import { resolveResourceType, type ResolvedResourceType } from './resolve-resource-type.js';
import { qualifiedResource } from './resource-type.js';
import { selectObjects } from './select-objects.js';

/** A condition from `status.conditions` (a list, or the map old Longhorn kept). */
export interface DescribedCondition {
  type: string;
  status: string;
  reason: string;
  message: string;
  lastTransitionTime: string | undefined;
  /** Age of the last transition at the bundle's creation, kubectl style. */
  lastTransitionAge: string;
}

/** Lines about the object from elsewhere (findings, timeline), each with its evidence. */
export interface DescriptionSection {
  title: string;
  entries: { text: string; evidence?: { path: string; line?: number } }[];
}

/** What the object is described with, for a section provider. */
export interface DescribedSubject {
  bundle: Bundle;
  object: KubeObject;
  ref: ObjectRef;
  origin: ObjectOrigin | undefined;
}

/**
 * Extra sections of a description. The seam for what other parts of the analyzer know about an
 * object: the findings that cite it and the timeline entries about it plug in here. `described`
 * is every object of the same describe (the same array for each call), so a provider can read
 * what they share once for all of them instead of once per object.
 */
export type DescriptionSectionProvider = (subject: DescribedSubject, described: readonly DescribedSubject[]) => DescriptionSection[] | Promise<DescriptionSection[]>;

export interface ObjectDescription extends DescribedSubject {
  resolved: ResolvedResourceType;
  conditions: DescribedCondition[];
  events: DescribedEvent[];
  owners: OwnerLink[];
  sections: DescriptionSection[];
  /** The bundle's creation time (ms), the "now" of every age here. */
  now: number | undefined;
}

export interface DescribeRequest {
  /** `type/name`, or a type (`pods`) with `name` (an exact name or, as kubectl, a name prefix). */
  target: string;
  name?: string;
  namespace?: string;
  allNamespaces?: boolean;
  labelSelector?: string;
  extraSections?: readonly DescriptionSectionProvider[];
}

/**
 * `kubectl describe` over a bundle, as data: each object with its conditions, the events about
 * it, its owner chain and any extra sections. As kubectl, a name that is no object's exact
 * name describes every object whose name starts with it, and no name describes them all.
 */
export async function kubectlDescribe(bundle: Bundle, request: DescribeRequest): Promise<ObjectDescription[]> {
  const slash = request.target.indexOf('/');
  if (slash >= 0 && request.name !== undefined) throw new BadRequestError('give the object as type/name or as type and name, not both');
  const typed = slash >= 0 ? request.target.slice(0, slash) : request.target;
  const name = slash >= 0 ? request.target.slice(slash + 1) : request.name;
  if (typed === '' || name === '') throw new BadRequestError(`"${request.target}" names no resource`);
  const resolved = await resolveResourceType(bundle, typed);
  const type = resolved.type;
  const namespace = request.namespace ?? 'default';
  const { objects } = await selectObjects(bundle, type, {
    namespace,
    allNamespaces: request.allNamespaces === true,
    ...(request.labelSelector === undefined ? {} : { labelSelector: request.labelSelector }),
  });
  let chosen = name === undefined ? objects : objects.filter((entry) => entry.object.metadata.name === name);
  if (name !== undefined && chosen.length === 0) chosen = objects.filter((entry) => entry.object.metadata.name.startsWith(name));
  if (chosen.length === 0) {
    const where = type.namespaced && request.allNamespaces !== true ? ` in namespace "${namespace}"` : '';
    const what = name === undefined ? qualifiedResource(type) : `${qualifiedResource(type)} "${name}"`;
    throw new NotInBundleError(what, `${what} not found${where}`, type.notCollected);
  }
  const { now } = await printContextOf(bundle);
  const subjects: readonly DescribedSubject[] = chosen.map(({ object, origin }) => ({ bundle, object, ref: objectRef(object), origin }));
  const descriptions: ObjectDescription[] = [];
  for (const subject of subjects) {
    const { object } = subject;
    const sections: DescriptionSection[] = [];
    for (const provider of request.extraSections ?? []) sections.push(...(await provider(subject, subjects)));
    descriptions.push({
      ...subject,
      resolved,
      conditions: conditionsOf(object, now),
      events: await eventsAbout(bundle, object, now),
      owners: await ownerChain(bundle, object),
      sections,
      now,
    });
  }
  return descriptions;
}

function conditionsOf(object: KubeObject, now: number | undefined): DescribedCondition[] {
  const status = object.status as Record<string, unknown> | undefined;
  const raw = status?.conditions;
  const items: Record<string, unknown>[] = Array.isArray(raw)
    ? raw.filter((item): item is Record<string, unknown> => typeof item === 'object' && item !== null)
    : typeof raw === 'object' && raw !== null
      ? Object.entries(raw as Record<string, unknown>).map(([type, value]) => ({ type, ...(typeof value === 'object' && value !== null ? value : {}) }))
      : [];
  return items.map((item) => {
    const lastTransitionTime = typeof item.lastTransitionTime === 'string' ? item.lastTransitionTime : undefined;
    return {
      type: String(item.type ?? ''),
      status: String(item.status ?? ''),
      reason: String(item.reason ?? ''),
      message: String(item.message ?? ''),
      lastTransitionTime,
      lastTransitionAge: lastTransitionTime === undefined ? '' : ageAt(lastTransitionTime, now),
    };
  });
}
