/**
 * Which objects to read. Give the group and either the resource (plural) or the kind; or `'*'`
 * for every group (and, without resource or kind, every resource list of the bundle), best with
 * `containing` so that only the lists that hold what is looked for are decoded.
 */
export interface ResourceQuery {
  /** API group; `''` for the core group (`v1`); `'*'` for every group. */
  group: string;
  /** API resource (plural) as in the file name, e.g. `managedcharts`. */
  resource?: string;
  /** Kind of the objects, e.g. `ManagedChart`; used when `resource` is not given. */
  kind?: string;
  /** API version; by default whichever version the bundle has (it moves between releases). */
  version?: string;
  /** Only objects of this namespace; `null` for cluster-scoped objects only. */
  namespace?: string | null;
  /** Only the object with this name. */
  name?: string;
  /**
   * Only objects whose text in the bundle holds this literal (`deletionTimestamp`). A file without
   * it is searched as bytes and never decoded, which is what makes a query over every resource
   * list affordable; an object whose item text lacks it is left out.
   */
  containing?: string;
  /**
   * A hint that only objects whose text holds, for every group, one of its literals can matter
   * (`[['CrashLoopBackOff']]` for pods in a crash loop; `[['False'], ['Ready']]`): while no query
   * has asked for the whole file, only those items are decoded. Unlike `containing` it filters
   * nothing: objects decoded before for other queries may come too.
   */
  itemsHolding?: readonly (readonly string[])[];
  /**
   * Resources (plurals) left out, e.g. `['events']`: a query over every list need not read lists
   * that can never hold what it looks for (events are never deleted through finalizers).
   */
  except?: readonly string[];
}

/** The group every query means by `'*'`: any. */
export const ANY_GROUP = '*';

/**
 * Plural candidates for a kind, for files named by resource. Kubernetes pluralises in a few
 * regular ways; the rare irregular kind falls back to scanning the group's files.
 */
export function pluralCandidates(kind: string): string[] {
  const lower = kind.toLowerCase();
  const candidates = [`${lower}s`];
  if (/(s|x|z|ch|sh)$/.test(lower)) candidates.push(`${lower}es`);
  if (/[^aeiou]y$/.test(lower)) candidates.push(`${lower.slice(0, -1)}ies`);
  if (lower.endsWith('s')) candidates.push(lower);
  return candidates;
}
