import type { Bundle } from '../bundle.js';
import { objectRef, type KubeObject, type ObjectOrigin, type ObjectRef } from '../resources/kube-object.js';
import { isKubernetesGroup } from './api-group-order.js';
import { hasCrdList, readBundleCrds } from './bundle-crds.js';
import { knownPrinterColumns } from './known-printer-columns.js';
import { DEFAULT_CUSTOM_COLUMNS, type PrinterColumn } from './printer-column.js';
import { BUILT_IN_PRINTERS } from './printers/built-in-printers.js';
import { customColumnsPrinter } from './printers/custom-columns.js';
import { createdAtPrinter } from './printers/default-printer.js';
import type { Cell, ColumnDefinition, PrintContext, ResourcePrinter } from './printers/printer.js';
import { qualifiedKind, type ResourceType } from './resource-type.js';
import type { SelectedObject } from './select-objects.js';

export type { Cell, ColumnDefinition, PrintContext } from './printers/printer.js';

/**
 * Where a table's columns came from: kube-apiserver's printers; the bundle's own CRD; the
 * built-in copy of a CRD's columns (the bundle has no CRD list); or the default a custom
 * resource without known columns gets (NAME, AGE), which may differ from the cluster's.
 */
export type ColumnsSource = 'kubernetes' | 'bundle-crd' | 'built-in-crd' | 'default';

export interface ResourceTableRow {
  object: KubeObject;
  ref: ObjectRef;
  origin: ObjectOrigin | undefined;
  /** One cell per column, in order. */
  cells: Cell[];
}

/** What `kubectl get` prints for one resource type: its columns and one row per object. */
export interface ResourceTable {
  /** The columns shown: priority 0 ones, and the rest with `wide`; `Namespace` first across namespaces. */
  columns: ColumnDefinition[];
  rows: ResourceTableRow[];
  columnsFrom: ColumnsSource;
  /** Printer columns of the CRD whose JSONPath could not be read (their cells are empty). */
  unreadableColumns: string[];
}

export interface TableOptions {
  wide?: boolean;
  /** Add kubectl's NAMESPACE column (listing across namespaces, namespaced types only). */
  withNamespace?: boolean;
  /** Name cells as `kind.group/name`, as kubectl does when one listing spans several types. */
  withKind?: boolean;
}

/** The printer kubectl's server would use for a type, and where its columns come from. */
export async function printerFor(bundle: Bundle, type: ResourceType): Promise<{ printer: ResourcePrinter; columnsFrom: ColumnsSource; unreadable: string[] }> {
  const builtIn = BUILT_IN_PRINTERS[`${type.group}/${type.resource}`];
  if (builtIn) return { printer: builtIn, columnsFrom: 'kubernetes', unreadable: [] };
  if (isKubernetesGroup(type.group)) return { printer: createdAtPrinter, columnsFrom: 'kubernetes', unreadable: [] };
  const version = type.versions[0];
  if (hasCrdList(bundle)) {
    const crd = (await readBundleCrds(bundle)).find((candidate) => candidate.group === type.group && candidate.resource === type.resource);
    if (crd) {
      const served = crd.versions.find((candidate) => candidate.name === version) ?? crd.versions.find((candidate) => candidate.storage) ?? crd.versions[0];
      return { ...customColumnsPrinter(served?.columns ?? DEFAULT_CUSTOM_COLUMNS), columnsFrom: 'bundle-crd' };
    }
  }
  const known: readonly PrinterColumn[] | undefined = knownPrinterColumns(type.group, type.resource, version);
  if (known) return { ...customColumnsPrinter(known), columnsFrom: 'built-in-crd' };
  return { ...customColumnsPrinter(DEFAULT_CUSTOM_COLUMNS), columnsFrom: 'default' };
}

export async function buildResourceTable(
  bundle: Bundle,
  type: ResourceType,
  objects: readonly SelectedObject[],
  context: PrintContext,
  options: TableOptions = {},
): Promise<ResourceTable> {
  const { printer, columnsFrom, unreadable } = await printerFor(bundle, type);
  const definitions = printer.columns(context);
  const visible = definitions.map((definition, index) => ({ definition, index })).filter(({ definition }) => options.wide || definition.priority === 0);
  const withNamespace = options.withNamespace === true && type.namespaced;
  const columns: ColumnDefinition[] = [...(withNamespace ? [{ name: 'Namespace', type: 'string' as const, priority: 0 }] : []), ...visible.map(({ definition }) => definition)];
  const nameColumn = definitions.findIndex((definition) => definition.name === 'Name' && definition.priority === 0);
  const rows = objects.map(({ object, origin }) => {
    const all = printer.cells(object, context);
    if (options.withKind && nameColumn >= 0) all[nameColumn] = `${qualifiedKind({ group: type.group, kind: type.kind || String(object.kind ?? '') })}/${String(all[nameColumn] ?? '')}`;
    const cells: Cell[] = [...(withNamespace ? [String(object.metadata.namespace ?? '')] : []), ...visible.map(({ index }) => all[index] ?? null)];
    return { object, ref: objectRef(object), origin, cells };
  });
  return { columns, rows, columnsFrom, unreadableColumns: unreadable };
}
