import type { Bundle, KubeObject } from '@bundle-triage/core';
import { objectRef } from '@bundle-triage/core';
import type { EvidenceRef } from '../match/evaluate-condition.js';
import type { Evidence } from '@bundle-triage/report';
import { clipExcerpt } from '../rule/evidence-excerpt.js';

const MAX_EVIDENCE = 12;

/**
 * Turns what proved a condition into evidence a person can open: the bundle path, the 1-based
 * line that holds the field (or the fact, or the log line), the line's text and the object it
 * belongs to.
 */
export async function buildEvidence(bundle: Bundle, refs: readonly EvidenceRef[]): Promise<Evidence[]> {
  const evidence: Evidence[] = [];
  const seen = new Set<string>();
  for (const ref of refs) {
    if (evidence.length >= MAX_EVIDENCE) break;
    const item =
      ref.type === 'log'
        ? logEvidence(ref.path, ref.line, ref.raw)
        : ref.located.root
          ? await fieldEvidence(bundle, ref.located.root, ref.located.pointer)
          : ref.located.fact?.path !== undefined && ref.located.fact.line !== undefined
            ? await factEvidence(bundle, ref.located.fact.path, ref.located.fact.line)
            : undefined;
    if (!item) continue;
    const key = `${item.path}:${item.line}:${item.pointer ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    evidence.push(item);
  }
  return evidence;
}

export async function fieldEvidence(bundle: Bundle, object: KubeObject, pointer = ''): Promise<Evidence | undefined> {
  const origin = bundle.origin(object);
  if (!origin) return undefined;
  const located = pointer ? await bundle.locate(object, pointer) : undefined;
  // A field not written in the file (dropped "null", absent) is cited at its object's first line,
  // and then without the pointer: the line holds the object, not that field.
  const line = located ?? origin.line;
  const text = (await bundle.lineText(origin.path, line)) ?? '';
  const evidence: Evidence = { path: origin.path, line, excerpt: clipExcerpt(text.trim()), object: objectRef(object) };
  if (pointer && located !== undefined) evidence.pointer = pointer;
  return evidence;
}

/**
 * A fact read from a text file (a supportconfig's `df` row, `free -k` line): its file and line,
 * with the line's text as the bundle holds it. It has no JSON pointer: the line is the fact.
 */
export async function factEvidence(bundle: Bundle, path: string, line: number): Promise<Evidence> {
  return { path, line, excerpt: clipExcerpt(((await bundle.lineText(path, line)) ?? '').trim()) };
}

export function logEvidence(path: string, line: number, raw: string): Evidence {
  return { path, line, excerpt: clipExcerpt(raw) };
}

