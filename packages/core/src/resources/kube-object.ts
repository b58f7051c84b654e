/** A Kubernetes object as decoded from a bundle list item. Fields beyond the envelope are untyped. */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: KubeObjectMeta;
  [field: string]: unknown;
}

export interface KubeObjectMeta {
  name: string;
  namespace?: string;
  uid?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  creationTimestamp?: string;
  [field: string]: unknown;
}

/** What a finding names as "the object": enough for `kubectl get`. */
export interface ObjectRef {
  apiVersion: string;
  kind: string;
  namespace?: string;
  name: string;
}

/** Where a decoded object came from: the file and the line of its `- ` item marker. */
export interface ObjectOrigin {
  path: string;
  /** 1-based line of the item's first line in the file as it is in the bundle. */
  line: number;
  /** Index of the item in the list's `items`. */
  index: number;
}

export function objectRef(object: KubeObject): ObjectRef {
  const ref: ObjectRef = {
    apiVersion: String(object.apiVersion ?? ''),
    kind: String(object.kind ?? ''),
    name: String(object.metadata?.name ?? ''),
  };
  if (object.metadata?.namespace) ref.namespace = String(object.metadata.namespace);
  return ref;
}

/** `group` of an apiVersion: `''` for core (`v1`). */
export function apiGroupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}
