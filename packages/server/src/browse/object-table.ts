import { kubectlGet, qualifiedResource, resolveResourceType, type Bundle } from '@bundle-triage/core';
import { redactObject } from '@bundle-triage/report';
import type { ObjectTable } from '../http/browse-schemas.js';
import { apiLinks, pageLinks } from './browse-links.js';
import { typeBody } from './bundle-kinds.js';

export interface ObjectTableRequest {
  /** A type as kubectl takes it (`po`, `vm`, `bundles.fleet.cattle.io`). */
  type: string;
  /** One namespace; undefined lists every namespace (the browser's default, unlike kubectl's `default`). */
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
  wide?: boolean;
  limit: number;
  offset: number;
}

/**
 * `kubectl get` of one type for the browser: kube-apiserver's columns (or the CRD's) from
 * core's `kubectlGet`, each row with the object's place in the bundle and its links, a page of
 * `limit` rows from `offset`, every string redacted.
 */
export async function objectTable(bundle: Bundle, analysisId: string, request: ObjectTableRequest): Promise<ObjectTable> {
  const resolved = await resolveResourceType(bundle, request.type);
  const name = qualifiedResource(resolved.type);
  const got = await kubectlGet(bundle, {
    resources: [name],
    ...(request.namespace === undefined ? { allNamespaces: true } : { namespace: request.namespace }),
    ...(request.labelSelector === undefined ? {} : { labelSelector: request.labelSelector }),
    ...(request.fieldSelector === undefined ? {} : { fieldSelector: request.fieldSelector }),
    wide: request.wide === true,
  });
  const [listed] = got.types;
  const rows = (listed?.table.rows ?? []).slice(request.offset, request.offset + request.limit).map((row) => ({
    namespace: row.ref.namespace ?? null,
    name: row.ref.name,
    cells: row.cells,
    path: row.origin?.path ?? null,
    line: row.origin?.line ?? null,
    links: { self: apiLinks.object(analysisId, name, row.ref.namespace, row.ref.name), page: pageLinks.object(analysisId, name, row.ref.namespace, row.ref.name) },
  }));
  const { value, masked } = redactObject({
    columns: listed?.table.columns ?? [],
    rows,
    notes: [...(resolved.explanation ? [resolved.explanation] : []), ...got.notes.filter((note) => note !== resolved.explanation)],
  });
  return {
    analysisId,
    type: typeBody(bundle, resolved.type),
    namespace: resolved.type.namespaced ? (request.namespace ?? null) : null,
    columns: value.columns,
    columnsFrom: listed?.table.columnsFrom ?? 'default',
    rows: value.rows,
    total: listed?.table.rows.length ?? 0,
    offset: request.offset,
    notes: value.notes,
    masked,
  };
}
