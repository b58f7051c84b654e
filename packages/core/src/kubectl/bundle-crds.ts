import type { Bundle } from '../bundle.js';
import type { KubeObject } from '../resources/kube-object.js';
import type { PrinterColumn } from './printer-column.js';

/** What a CustomResourceDefinition in the bundle says about its type. */
export interface BundleCrd {
  group: string;
  resource: string;
  kind: string;
  singular: string;
  shortNames: string[];
  categories: string[];
  namespaced: boolean;
  /** Served versions, with each one's printer columns (`undefined`: none declared). */
  versions: { name: string; storage: boolean; columns: PrinterColumn[] | undefined }[];
}

const CRD_QUERY = { group: 'apiextensions.k8s.io', resource: 'customresourcedefinitions' } as const;

/** Whether the bundle has a CRD list at all (no file is read). */
export function hasCrdList(bundle: Bundle): boolean {
  return bundle.resourceFiles(CRD_QUERY).length > 0;
}

/**
 * The CRDs of the bundle (its `customresourcedefinitions.yaml` is decoded once and cached by
 * the bundle; it can be several MiB, so callers ask only when the built-in table falls short).
 */
export async function readBundleCrds(bundle: Bundle): Promise<BundleCrd[]> {
  if (!hasCrdList(bundle)) return [];
  const crds: BundleCrd[] = [];
  for (const object of await bundle.resources(CRD_QUERY)) {
    const crd = toBundleCrd(object);
    if (crd) crds.push(crd);
  }
  return crds;
}

function toBundleCrd(object: KubeObject): BundleCrd | undefined {
  const spec = record(object.spec);
  const names = record(spec?.names);
  const group = string(spec?.group);
  const resource = string(names?.plural);
  const kind = string(names?.kind);
  if (!spec || !names || group === undefined || !resource || !kind) return undefined;
  // apiextensions v1beta1 kept one column list for all versions at spec level.
  const sharedColumns = columnsOf(spec.additionalPrinterColumns);
  const versions = (Array.isArray(spec.versions) ? spec.versions : [])
    .map(record)
    .filter((version): version is Record<string, unknown> => version !== undefined && version.served !== false)
    .map((version) => ({
      name: string(version.name) ?? '',
      storage: version.storage === true,
      columns: columnsOf(version.additionalPrinterColumns) ?? sharedColumns,
    }))
    .filter((version) => version.name !== '');
  if (versions.length === 0 && typeof spec.version === 'string') versions.push({ name: spec.version, storage: true, columns: sharedColumns });
  return {
    group,
    resource,
    kind,
    singular: string(names.singular) ?? kind.toLowerCase(),
    shortNames: strings(names.shortNames),
    categories: strings(names.categories),
    namespaced: spec.scope !== 'Cluster',
    versions,
  };
}

function columnsOf(value: unknown): PrinterColumn[] | undefined {
  if (!Array.isArray(value) || value.length === 0) return undefined;
  const columns: PrinterColumn[] = [];
  for (const item of value) {
    const column = record(item);
    const name = string(column?.name);
    // apiextensions v1 writes jsonPath, v1beta1 JSONPath.
    const jsonPath = string(column?.jsonPath) ?? string(column?.JSONPath);
    if (!column || !name || !jsonPath) continue;
    const type = string(column.type);
    columns.push({
      name,
      type: type === 'integer' || type === 'number' || type === 'boolean' || type === 'date' ? type : 'string',
      jsonPath,
      priority: typeof column.priority === 'number' ? column.priority : 0,
    });
  }
  return columns;
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function string(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}
