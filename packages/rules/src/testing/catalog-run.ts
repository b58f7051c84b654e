import { openBundle } from '@bundle-triage/core';
import type { Report } from '@bundle-triage/report';
import { loadCatalog } from '../catalog/load-catalog.js';
import { analyze } from '../engine/analyze.js';
import type { BundleBuilder } from './bundle-builder.js';

/**
 * The whole built-in catalog on a built bundle (opened as a zip, as a user's would be): for tests
 * of what rules do together — which finding explains or covers which, and the headline.
 */
export async function runCatalog(builder: BundleBuilder): Promise<Report> {
  const bundle = await openBundle(builder.toZip());
  try {
    return await analyze(bundle, { rules: await loadCatalog() });
  } finally {
    await bundle.close();
  }
}
