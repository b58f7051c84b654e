import { ageAt } from '../human-duration.js';
import { evaluateJsonPath, parseJsonPath, type JsonPath } from '../json-path.js';
import type { PrinterColumn } from '../printer-column.js';
import { NAME, column, nameOf, type Cell, type ResourcePrinter } from './printer.js';

/**
 * A custom resource's table as the apiextensions server builds it from `additionalPrinterColumns`:
 * NAME, then each column's first JSONPath result — strings printed as client-go's jsonpath
 * prints them (maps and lists as compact JSON), integers, numbers and booleans as such, dates
 * as an age. A value that is missing or of another type is an empty cell.
 */
export function customColumnsPrinter(columns: readonly PrinterColumn[]): { printer: ResourcePrinter; unreadable: string[] } {
  const unreadable: string[] = [];
  const compiled: { column: PrinterColumn; path: JsonPath | undefined }[] = columns.map((definition) => {
    try {
      return { column: definition, path: parseJsonPath(definition.jsonPath) };
    } catch {
      unreadable.push(`${definition.name} (${definition.jsonPath})`);
      return { column: definition, path: undefined };
    }
  });
  const printer: ResourcePrinter = {
    columns: () => [NAME, ...compiled.map(({ column: definition }) => column(definition.name, definition.type, definition.priority))],
    cells: (object, context) => [
      nameOf(object),
      ...compiled.map(({ column: definition, path }): Cell => {
        if (!path) return null;
        const [value] = evaluateJsonPath(path, object);
        return cellFor(definition.type, value, context.now);
      }),
    ],
  };
  return { printer, unreadable };
}

function cellFor(type: PrinterColumn['type'], value: unknown, now: number | undefined): Cell {
  if (value === undefined || value === null) return null;
  switch (type) {
    case 'string':
      return typeof value === 'object' ? JSON.stringify(value) : String(value);
    case 'integer':
      return typeof value === 'number' ? Math.trunc(value) : null;
    case 'number':
      return typeof value === 'number' ? value : null;
    case 'boolean':
      return typeof value === 'boolean' ? value : null;
    case 'date':
      return typeof value === 'string' ? (Number.isNaN(Date.parse(value)) ? '<invalid>' : ageAt(value, now)) : null;
  }
}
