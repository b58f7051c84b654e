/**
 * The whole catalog's report on a generated bundle, as a user would get it: what the tests of causes
 * and symptoms read (links, coveredBy, the headline) after a fault.
 */
import { openBundle } from '../../../packages/core/src/index.js';
import type { Report } from '../../../packages/report/src/report-types.js';
import { loadCatalog } from '../../../packages/rules/src/catalog/load-catalog.js';
import { analyze } from '../../../packages/rules/src/engine/analyze.js';
import type { BundleBuilder } from '../../../packages/rules/src/testing/bundle-builder.js';

export async function catalogReport(builder: BundleBuilder): Promise<Report> {
  const bundle = await openBundle(builder.toZip());
  try {
    return await analyze(bundle, { rules: await loadCatalog() });
  } finally {
    await bundle.close();
  }
}
