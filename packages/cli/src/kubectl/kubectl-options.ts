import { COMMON_OPTIONS } from '../args/parse-command-line.js';
import type { CliIo } from '../io.js';

/** Options `get`, `describe` and `logs` share, spelled as kubectl spells them. */
export const KUBECTL_OPTIONS = {
  ...COMMON_OPTIONS,
  bundle: { type: 'string' },
  namespace: { type: 'string', short: 'n' },
  'no-redact': { type: 'boolean' },
} as const;

/** What the reader should know besides the output: one `bundle-triage: note:` line each, on stderr, unless quiet. */
export function writeNotes(io: CliIo, notes: Iterable<string>, quiet: boolean): void {
  if (quiet) return;
  for (const note of notes) io.stderr.write(`bundle-triage: note: ${note.replace(/\s*[\r\n]+\s*/g, ' ')}\n`);
}

/** The help lines every kubectl-style command shares. */
export const BUNDLE_HELP = `The bundle is a .zip, a .tar.gz, an extracted folder, or "-" (stdin). It is named by the
first argument, unless --bundle PATH is given or BUNDLE_TRIAGE_BUNDLE is set: then every
argument is a resource, and the bundle comes from the option (first) or the variable.

  export BUNDLE_TRIAGE_BUNDLE=supportbundle_…zip   # then: bundle-triage get pods -A`;
