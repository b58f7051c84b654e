/**
 * The namespaces of the platform itself (Kubernetes, Harvester, Longhorn, Rancher, Fleet): a
 * failure there outranks one in a user's namespace. Declarative rules spell the same pattern.
 */
export const SYSTEM_NAMESPACE = /^(kube-system|harvester-system|longhorn-system|fleet-local|local|cattle-.+|fleet-.+)$/;

export function isSystemNamespace(namespace: string | undefined): boolean {
  return namespace !== undefined && SYSTEM_NAMESPACE.test(namespace);
}
