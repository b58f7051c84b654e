import { apiGroupOf, qualifiedKind } from '@bundle-triage/core';

/**
 * Addresses of the object browser, for the pages (`/analyses/…`) and the API (`/api/analyses/…`):
 * one place builds them, so a page's link and the API's `links` never disagree. Relative to the
 * server, as every link of the service is.
 */

type Query = Record<string, string | number | boolean | undefined | null>;

function withQuery(path: string, query: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== null && value !== '' && value !== false) params.set(key, String(value));
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

const segment = encodeURIComponent;

export interface BrowseLinks {
  kinds(analysisId: string): string;
  table(analysisId: string, type: string, query?: Query): string;
  object(analysisId: string, type: string, namespace: string | undefined | null, name: string, query?: Query): string;
  podLog(analysisId: string, namespace: string, pod: string, query?: Query): string;
  nodeLog(analysisId: string, node: string, query?: Query): string;
}

function links(base: '' | '/api'): BrowseLinks {
  return {
    kinds: (analysisId) => `${base}/analyses/${analysisId}/objects`,
    table: (analysisId, type, query = {}) => withQuery(`${base}/analyses/${analysisId}/objects/${segment(type)}`, query),
    object: (analysisId, type, namespace, name, query = {}) => withQuery(`${base}/analyses/${analysisId}/objects/${segment(type)}/${segment(name)}`, { namespace, ...query }),
    podLog: (analysisId, namespace, pod, query = {}) => withQuery(`${base}/analyses/${analysisId}/logs/pods/${segment(namespace)}/${segment(pod)}`, query),
    nodeLog: (analysisId, node, query = {}) => withQuery(`${base}/analyses/${analysisId}/logs/nodes/${segment(node)}`, query),
  };
}

/** The web UI's pages. */
export const pageLinks = links('');
/** The JSON API's routes. */
export const apiLinks = links('/api');

/**
 * The object page of an object a report names (`evidence.object`), without opening the bundle:
 * kubectl takes a kind with its group (`bundle.fleet.cattle.io`, `pod`) as the type.
 */
export function citedObjectPage(analysisId: string, object: { apiVersion: string; kind: string; namespace?: string | undefined; name: string }): string {
  return pageLinks.object(analysisId, qualifiedKind({ group: apiGroupOf(object.apiVersion), kind: object.kind }), object.namespace, object.name);
}
