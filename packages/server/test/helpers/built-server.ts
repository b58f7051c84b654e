import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const repositoryRoot = fileURLToPath(new URL('../../../../', import.meta.url));
/** The analysis thread script: the tests run the sources, the threads the built package. */
export const threadUrl = new URL('../../dist/analysis-thread.js', import.meta.url);
export const bundles = `${repositoryRoot}testdata/bundles`;
export const S01 = 'mcc-harvester-modified-snapshot-validation-webhook';

/** Fails the suite early, with the fix, when the server was not built. */
export function assertBuilt(): void {
  if (!existsSync(fileURLToPath(threadUrl))) throw new Error(`${fileURLToPath(threadUrl)} is missing: run pnpm build first (analyses run in the built thread script)`);
}
