import { NAME, column, nameOf, text, type ResourcePrinter } from './printer.js';

/**
 * The API server's default table for a Kubernetes type without a printer of its own (Roles,
 * ClusterRoles, CustomResourceDefinitions, …): NAME and CREATED AT as an RFC 3339 time.
 */
export const createdAtPrinter: ResourcePrinter = {
  columns: () => [NAME, column('Created At', 'date')],
  cells: (object) => {
    const created = Date.parse(text(object.metadata?.creationTimestamp));
    return [nameOf(object), Number.isNaN(created) ? '' : new Date(created).toISOString().replace(/\.\d{3}Z$/, 'Z')];
  },
};
