import { BadParameterError } from '../errors.js';

/**
 * What the object browser takes from a URL, each as Kubernetes allows it and no more. Nothing a
 * client sends is ever a file path — objects, logs and node files are looked up in the bundle's
 * index — but a parameter with `/`, `\`, `..`, `%` or a control character is refused before it
 * reaches a lookup, so a path trick gets a 400 that says which parameter, not a quiet 404.
 * The API's schemas take the same patterns (`browse-schemas.ts`); the pages check them here.
 */
export const BROWSE_PATTERNS = {
  /** A resource type as kubectl takes it: `pods`, `po`, `Pod`, `bundles.fleet.cattle.io`, `deployments.v1.apps`. */
  type: '^[A-Za-z][A-Za-z0-9-]{0,62}(\\.[A-Za-z0-9-]{1,63}){0,8}$',
  /** A namespace: a DNS-1123 label. */
  namespace: '^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$',
  /** An object name: DNS-1123 subdomains, and the `:` of RBAC names (`system:node`); never `..`. */
  name: '^(?!.*\\.\\.)[A-Za-z0-9][-A-Za-z0-9._:@]{0,252}$',
  /** A container: a DNS-1123 label. */
  container: '^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$',
  /** A node: a DNS-1123 subdomain; never `..`. */
  node: '^(?!.*\\.\\.)[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$',
  /** A file of a node's bundle, as `logs` names it (`rke2-server`, `logs/kernel.log`): relative, no `..`. */
  nodeFile: '^(?!.*\\.\\.)[A-Za-z0-9_][-A-Za-z0-9._]{0,127}(/[A-Za-z0-9_][-A-Za-z0-9._]{0,127}){0,7}$',
  /** Selectors, a grep pattern, a since: free text, but one line of printable characters. */
  text: '^[^\\u0000-\\u001f\\u007f]*$',
} as const;

export type BrowseParameter = keyof typeof BROWSE_PATTERNS;

const COMPILED = Object.fromEntries(Object.entries(BROWSE_PATTERNS).map(([key, pattern]) => [key, new RegExp(pattern, 'u')])) as Record<BrowseParameter, RegExp>;

/** Longest free-text parameter: selectors, grep, since. */
export const MAX_TEXT_PARAMETER = 1000;

const WHAT: Record<BrowseParameter, string> = {
  type: 'a resource type (pods, vm, bundles.fleet.cattle.io)',
  namespace: 'a namespace (a DNS-1123 label)',
  name: 'an object name',
  container: 'a container name (a DNS-1123 label)',
  node: 'a node name',
  nodeFile: 'a file of the node bundle (rke2-server, logs/kernel.log)',
  text: 'one line of text',
};

/** The value when it is what `kind` allows; else a BadParameterError naming the parameter. */
export function checked(parameter: string, kind: BrowseParameter, value: string): string {
  const tooLong = kind === 'text' && value.length > MAX_TEXT_PARAMETER;
  if (tooLong || !COMPILED[kind].test(value)) throw new BadParameterError(parameter, `${JSON.stringify(value.slice(0, 80))} is not ${WHAT[kind]}`);
  return value;
}

/** `checked` for an optional query parameter: absent or empty is undefined. */
export function optional(parameter: string, kind: BrowseParameter, value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : checked(parameter, kind, value);
}
