import { kubectlGet, type GetResult } from '@bundle-triage/core';
import { redactText } from '@bundle-triage/report';
import { parseCommandLine } from '../args/parse-command-line.js';
import { CliError, UsageError } from '../errors/cli-error.js';
import { ExitCode } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import { bundleArguments, withBundle } from '../kubectl/kubectl-bundle.js';
import { kubectlCliError } from '../kubectl/kubectl-error.js';
import { BUNDLE_HELP, KUBECTL_OPTIONS, writeNotes } from '../kubectl/kubectl-options.js';
import { renderObjects } from '../kubectl/render-objects.js';
import { renderTables } from '../kubectl/render-table.js';
import type { Command } from './command.js';

const HELP = `Usage: bundle-triage get <bundle> <type>[/<name>] [<name>…] [options]

kubectl get over a support bundle, offline: the objects of a type with kubectl's columns (or
the CRD's printer columns), AGE counted back from when the bundle was made.

  bundle-triage get bundle.zip pods -n harvester-system
  bundle-triage get bundle.zip vm,vmi -A -o wide
  bundle-triage get bundle.zip bundles.fleet.cattle.io mcc-harvester -n fleet-local -o yaml
  bundle-triage get bundle.zip volumes -A -l longhornvolume --field-selector status.state=detached

<type> is what kubectl takes: a plural, singular or short name (po, svc, vm, vmi, vmim, lhv),
a kind, a name with its group (settings.longhorn.io) or version (deployments.v1.apps), a comma
list (pods,svc), or all. A name several groups use is taken as kubectl takes it: the core
group first, then Kubernetes groups, then custom groups by name (settings are Harvester's,
nodes the core Nodes; a note on stderr names the others). An unknown type is an error with
close names.

${BUNDLE_HELP}

Options:
  -n, --namespace <NS>       the namespace (default: default); ignored for cluster-scoped types
  -A, --all-namespaces       every namespace the bundle holds
  -l, --selector <SEL>       label selector: k=v, k!=v, k in (a,b), k notin (a,b), k, !k
      --field-selector <SEL> field selector: path=v, path!=v (metadata.name, status.phase,
                             spec.nodeName, … — any field path works on a bundle)
  -o, --output <FORMAT>      wide, yaml, json or name (default: the table)
      --no-headers           no header line in tables
      --show-managed-fields  keep metadata.managedFields in -o yaml|json
      --bundle <PATH>        the bundle (then every argument is a resource)
      --no-redact            show secrets in -o yaml|json as they are in the bundle
  -q, --quiet                no notes on stderr
  -h, --help                 this help

Output: the tables on stdout; "No resources found in <ns> namespace." on stderr when nothing
matches (exit 0); notes (a namespace the bundle did not collect, a type never collected,
which of several types a name was taken as) as "bundle-triage: note:" lines on stderr.

Exit codes:
  0  listed (also when nothing matched)
  4  a named object is not in the bundle (after printing those that are)
  2  usage, an unknown type, or an unreadable bundle
  1  internal error`;

const GET_OPTIONS = {
  ...KUBECTL_OPTIONS,
  'all-namespaces': { type: 'boolean', short: 'A' },
  selector: { type: 'string', short: 'l' },
  'field-selector': { type: 'string' },
  output: { type: 'string', short: 'o' },
  'no-headers': { type: 'boolean' },
  'show-managed-fields': { type: 'boolean' },
} as const;

const OUTPUTS = ['wide', 'yaml', 'json', 'name'] as const;
type Output = (typeof OUTPUTS)[number] | 'table';

export const getCommand: Command = {
  name: 'get',
  summary: "kubectl get over a bundle: objects with kubectl's columns, -o wide|yaml|json|name",
  help: HELP,
  async run(args, io) {
    const { values, positionals } = parseCommandLine('get', args, GET_OPTIONS);
    if (values.help) {
      io.stdout.write(`${HELP}\n`);
      return ExitCode.ok;
    }
    const output = parseOutput(values.output);
    const bundle = bundleArguments('get', positionals, values.bundle, io);
    if (bundle.rest.length === 0) throw new UsageError(undefined, 'say what to get: a type (pods, vm, volumes…), type/name, or all', 'get');
    const quiet = values.quiet ?? false;
    const redact = !values['no-redact'];

    let result: GetResult;
    // Objects are rendered while the bundle is open: --show-managed-fields reads them back from it.
    let objectText: string | undefined;
    try {
      result = await withBundle(bundle.input, io, async (opened) => {
        const got = await kubectlGet(opened, {
          resources: bundle.rest,
          // -A wins over -n, as in kubectl.
          ...(values.namespace === undefined || values['all-namespaces'] ? {} : { namespace: values.namespace }),
          allNamespaces: values['all-namespaces'] ?? false,
          ...(values.selector === undefined ? {} : { labelSelector: values.selector }),
          ...(values['field-selector'] === undefined ? {} : { fieldSelector: values['field-selector'] }),
          wide: output === 'wide',
        });
        if (output !== 'table' && output !== 'wide') {
          const singleItem = bundle.rest.length === 1 && got.types.length === 1 && bundle.rest[0]!.includes('/');
          const named = bundle.rest.length === 2 && !bundle.rest[0]!.includes(',') && got.types.length === 1;
          objectText = (
            await renderObjects(got, output, {
              singleItem: singleItem || named,
              ...(values['show-managed-fields'] ? { managedFields: (object) => opened.managedFields(object) } : {}),
              redact,
            })
          ).text;
        }
        return got;
      });
    } catch (error) {
      throw kubectlCliError(error);
    }

    writeNotes(io, result.notes, quiet);
    const count = result.types.reduce((sum, entry) => sum + entry.objects.length, 0);
    if (output === 'table' || output === 'wide') {
      const text = renderTables(result, { noHeaders: values['no-headers'] ?? false, ...(redact ? { mask: (cell: string) => redactText(cell).text } : {}) });
      if (text !== '') io.stdout.write(text);
      if (count === 0 && result.notFound.length === 0) io.stderr.write(`${noResourcesFound(result)}\n`);
    } else {
      io.stdout.write(objectText ?? '');
    }
    for (const missing of result.notFound) io.stderr.write(`bundle-triage: Error from bundle (NotFound): ${missing.message}\n`);
    return result.notFound.length > 0 ? ExitCode.notFound : ExitCode.ok;
  },
};

function parseOutput(value: string | undefined): Output {
  if (value === undefined) return 'table';
  if ((OUTPUTS as readonly string[]).includes(value)) return value as Output;
  throw new CliError('usage', '--output', `"${value}" is not a format here; use wide, yaml, json or name (see bundle-triage get --help)`);
}

/** kubectl's message when nothing matched: with the namespace when every type asked for is namespaced. */
function noResourcesFound(result: GetResult): string {
  const allNamespaced = result.types.length > 0 && result.types.every((entry) => entry.resolved.type.namespaced);
  return !result.allNamespaces && allNamespaced && result.namespace !== undefined ? `No resources found in ${result.namespace} namespace.` : 'No resources found';
}
