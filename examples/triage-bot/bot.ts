// A ticket bot receives a support bundle as an upload (bytes, not a path), analyses it in memory
// and decides the label to set on the ticket. Tickets about the same cluster and the same failure
// are recognised by the finding's fingerprint and labelled as duplicates.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { isBundleError, openBundle } from '@bundle-triage/core';
import { analyze, loadCatalog, type Report, type Rule } from '@bundle-triage/rules';

interface Upload {
  ticket: string;
  fileName: string;
  bytes: Buffer;
}

/** Labels by the headline finding: the most specific rule wins, then its component. */
function routeByHeadline(report: Report): string {
  const headline = report.findings.find((finding) => finding.ruleId === report.summary.headline);
  if (!headline) return 'triage/no-known-signature';
  if (headline.tags.includes('upgrade-gate')) return `upgrade-blocked/${headline.component}`;
  return `area/${headline.component}`;
}

/** fingerprint → the ticket that first reported it (a database, in a real bot). */
const openTickets = new Map<string, string>();

async function labelFor(upload: Upload, rules: Rule[]): Promise<string> {
  let bundle;
  try {
    bundle = await openBundle(upload.bytes);
  } catch (error) {
    // The customer attached something else (or a cut-short download): ask a human, say why.
    if (isBundleError(error)) return `needs-human (${error.code}: ${error.message})`;
    throw error;
  }
  try {
    const report = await analyze(bundle, { rules });
    const headline = report.findings.find((finding) => finding.ruleId === report.summary.headline);
    const duplicateOf = headline && openTickets.get(headline.fingerprint);
    if (duplicateOf) return `duplicate-of/${duplicateOf}`;
    if (headline) openTickets.set(headline.fingerprint, upload.ticket);
    return routeByHeadline(report);
  } finally {
    await bundle.close();
  }
}

const rules = await loadCatalog();
const paths = process.argv.slice(2);
if (paths.length === 0) {
  console.error('usage: tsx bot.ts <bundle.zip|bundle.tar.gz>…');
  process.exit(2);
}
for (const [index, path] of paths.entries()) {
  const upload: Upload = { ticket: `SUP-${1000 + index}`, fileName: basename(path), bytes: await readFile(path) };
  console.log(`${upload.ticket} ${upload.fileName}: label ${await labelFor(upload, rules)}`);
}
