import type { Bundle } from '../bundle.js';
import type { PrintContext } from './printers/printer.js';

/**
 * What every table of a bundle is printed against: the bundle's creation time (AGE is measured
 * from it, never from the reader's clock) and the cluster's Kubernetes minor version (some
 * columns were added in later releases).
 */
export async function printContextOf(bundle: Bundle): Promise<PrintContext> {
  const facts = await bundle.facts();
  const created = facts.createdAt ? Date.parse(facts.createdAt) : Number.NaN;
  const minor = /^v?1\.(\d+)/.exec(facts.kubernetesVersion ?? '');
  return { now: Number.isNaN(created) ? undefined : created, serverMinor: minor ? Number(minor[1]) : undefined };
}
