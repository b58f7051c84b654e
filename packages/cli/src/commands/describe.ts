import { kubectlDescribe, type ObjectDescription } from '@bundle-triage/core';
import { redactText } from '@bundle-triage/report';
import { loadUsableRuleSet } from '../analysis/load-rule-set.js';
import { parseCommandLine } from '../args/parse-command-line.js';
import { UsageError } from '../errors/cli-error.js';
import { ExitCode } from '../exit-codes.js';
import { bundleArguments, withBundle } from '../kubectl/kubectl-bundle.js';
import { findingsAndTimeline } from '../kubectl/analysis-sections.js';
import { kubectlCliError } from '../kubectl/kubectl-error.js';
import { BUNDLE_HELP, KUBECTL_OPTIONS } from '../kubectl/kubectl-options.js';
import { renderDescription } from '../kubectl/render-description.js';
import type { Command } from './command.js';

const HELP = `Usage: bundle-triage describe <bundle> <type>/<name> [options]
       bundle-triage describe <bundle> <type> [<name-or-prefix>] [options]

kubectl describe over a support bundle, offline: the object's fields, its conditions, the
events about it (core and events.k8s.io), who owns it up the chain (Pod → ReplicaSet →
Deployment), each with where it is in the bundle (path:line); then the findings of the
built-in rules about it and its timeline (what happened to it and what it owns).

  bundle-triage describe bundle.zip pod/harvester-network-controller-manager-… -n harvester-system
  bundle-triage describe bundle.zip bundles.fleet.cattle.io/mcc-harvester -n fleet-local
  bundle-triage describe bundle.zip nodes                   # every node

As kubectl, a name that is no object's exact name describes every object whose name starts
with it, and no name describes every object of the type.

${BUNDLE_HELP}

Options:
  -n, --namespace <NS>   the namespace (default: default)
  -A, --all-namespaces   look in every namespace
  -l, --selector <SEL>   only objects with these labels
      --bundle <PATH>    the bundle (then every argument is a resource)
      --no-redact        show secrets in the description as they are in the bundle
      --no-findings      leave out the findings and the timeline (no rules are run)
  -h, --help             this help

Exit codes:
  0  described
  4  no such object in the bundle
  2  usage, an unknown type, or an unreadable bundle
  1  internal error`;

const DESCRIBE_OPTIONS = {
  ...KUBECTL_OPTIONS,
  'all-namespaces': { type: 'boolean', short: 'A' },
  selector: { type: 'string', short: 'l' },
  'no-findings': { type: 'boolean' },
} as const;

export const describeCommand: Command = {
  name: 'describe',
  summary: 'kubectl describe over a bundle: fields, conditions, events, owner chain, findings, timeline',
  help: HELP,
  async run(args, io) {
    const { values, positionals } = parseCommandLine('describe', args, DESCRIBE_OPTIONS);
    if (values.help) {
      io.stdout.write(`${HELP}\n`);
      return ExitCode.ok;
    }
    const bundle = bundleArguments('describe', positionals, values.bundle, io);
    const [target, name, ...extra] = bundle.rest;
    if (target === undefined) throw new UsageError(undefined, 'say what to describe: type/name, or a type and a name', 'describe');
    if (extra.length > 0) throw new UsageError(extra[0], 'describe takes one object (type/name) or a type and one name', 'describe');

    const extraSections = values['no-findings'] ? [] : [findingsAndTimeline(await loadUsableRuleSet([]))];
    let descriptions: ObjectDescription[];
    try {
      descriptions = await withBundle(bundle.input, io, (opened) =>
        kubectlDescribe(opened, {
          target,
          ...(name === undefined ? {} : { name }),
          // -A wins over -n, as in kubectl.
          ...(values.namespace === undefined || values['all-namespaces'] ? {} : { namespace: values.namespace }),
          allNamespaces: values['all-namespaces'] ?? false,
          ...(values.selector === undefined ? {} : { labelSelector: values.selector }),
          extraSections,
        }),
      );
    } catch (error) {
      throw kubectlCliError(error);
    }
    const text = descriptions.map(renderDescription).join('\n\n');
    io.stdout.write(values['no-redact'] ? text : redactText(text).text);
    return ExitCode.ok;
  },
};
