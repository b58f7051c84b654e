import type { KubeObject } from '@bundle-triage/core';
import { defineCodeRule, type CodeFinding } from '../../../src/rule/rule.js';
import { fieldOf, textOf } from '../../../src/rule/object-fields.js';
import { harvesterVersionIn } from '../../../src/match/development-era.js';

const RULE_TAGS = ['upgrade', 'upgrade-gate', 'precheck', 'capi', 'rancher'];

/** Releases whose upgrade validator checks neither the cluster nor the machines (both came in v1.1.2-rc2). */
const BEFORE_CAPI_CHECKS = '<1.1.2-rc2';

const REFERENCES = [
  { title: 'harvester/upgrade-helpers pre-check: check_cluster, check_cluster_pause, check_machines', url: 'https://github.com/harvester/upgrade-helpers/blob/main/pre-check/v1.x/check.sh' },
  { title: 'harvester/harvester validator.go: "cluster fleet-local/local status is <phase>, please wait for it to be provisioned", "machine <ns>/<name> is not running"', url: 'https://github.com/harvester/harvester/blob/v1.4.1/pkg/webhook/resources/upgrade/validator.go' },
];

/**
 * S46: the CAPI cluster fleet-local/local is paused or not Provisioned, or a CAPI machine is not
 * Running. The validator refuses the upgrade for the last two; a paused cluster stalls it.
 */
export default defineCodeRule({
  id: 'capi-cluster-paused-or-not-provisioned',
  signature: 'S46',
  title: 'CAPI cluster fleet-local/local paused or not Provisioned, or a CAPI machine not Running',
  description:
    'Reads clusters.cluster.x-k8s.io fleet-local/local and the machines of fleet-local. A paused cluster (spec.paused) ' +
    'lets the upgrade start but stalls it, as the upgrade pre-check warns; a cluster whose status.phase is not ' +
    'Provisioned, or a machine whose status.phase is not Running, makes the upgrade validator refuse the upgrade ' +
    '(from v1.1.2; older validators check neither). Not tied to a Harvester release: the rule applies to every version.',
  severity: 'critical',
  component: 'capi',
  refines: [{ rule: 'precheck-capi-cluster-pause' }, { rule: 'precheck-capi-cluster-state' }, { rule: 'upgrade-gate-capi-cluster-not-provisioned' }],
  tags: RULE_TAGS,
  versions: 'all',
  detectability: 'detectable',
  references: REFERENCES,
  whyCode: {
    needs: ['several-findings-per-object'],
    because: 'One evaluation gives several findings: the cluster paused and not Provisioned apart (each with its own fix, only the first with a patch), and one for each machine not Running; a declarative rule gives at most one finding per object of one input.',
  },
  inputs: {
    cluster: { resource: { group: 'cluster.x-k8s.io', resource: 'clusters', namespace: 'fleet-local', name: 'local' } },
    machines: { resource: { group: 'cluster.x-k8s.io', resource: 'machines', namespace: 'fleet-local' }, required: false },
  },
  async evaluate(context) {
    const cluster = context.inputs.cluster;
    const machines = context.inputs.machines ?? [];
    const findings: CodeFinding[] = [];
    const checked = !harvesterVersionIn(BEFORE_CAPI_CHECKS, context.facts);
    // Where the validator does not check, a cluster or machine in the wrong phase is a risk, not a refusal.
    const unchecked = checked ? {} : { tags: RULE_TAGS.filter((tag) => tag !== 'upgrade-gate') };

    const paused = fieldOf(cluster, 'spec.paused');
    if (paused === true || paused === 'true') {
      findings.push({
        status: 'fail',
        subject: cluster,
        key: 'paused',
        // No validator checks spec.paused: the upgrade starts and stalls, a risk, never a refusal.
        tags: RULE_TAGS.filter((tag) => tag !== 'upgrade-gate'),
        message: "CAPI cluster is paused. The upgrade will stall until 'spec.paused' is cleared on clusters.cluster.x-k8s.io/local in namespace fleet-local.",
        evidence: [await context.evidence(cluster, '/spec/paused')],
        remediation: {
          summary: 'Clear spec.paused on the CAPI cluster fleet-local/local, then start (or let continue) the upgrade.',
          steps: ['Find out who paused the cluster (a manual change or an interrupted operation) and make sure it is done.', 'Set spec.paused to false (patch below).'],
          commands: ['kubectl get clusters.cluster.x-k8s.io -n fleet-local local -o yaml'],
          patch: { target: cluster, operations: [{ op: 'replace', path: '/spec/paused', value: false }] },
        },
      });
    }

    const phase = displayPhase(fieldOf(cluster, 'status.phase'));
    if (phase !== 'Provisioned') {
      findings.push({
        status: 'fail',
        subject: cluster,
        key: 'not-provisioned',
        ...unchecked,
        message: checked
          ? `An upgrade would be refused with 'cluster fleet-local/local status is ${phase}, please wait for it to be provisioned'.`
          : `CAPI cluster fleet-local/local is ${phase}, not Provisioned (this release's upgrade validator does not check it; from v1.1.2 it refuses upgrades until it is).`,
        evidence: [await context.evidence(cluster, phase === '(none)' ? '' : '/status/phase')],
        remediation: {
          summary: 'Find out why the local cluster is not provisioned (certificates, kubeconfig secret, rancher logs) and resolve it; the upgrade can start once status.phase is Provisioned.',
          steps: [
            'Check the conditions of clusters.cluster.x-k8s.io/local and clusters.provisioning.cattle.io/local in fleet-local.',
            'Look for expired RKE2 certificates or an unlabelled local-kubeconfig secret (related catalog rules), then re-check the phase.',
          ],
          commands: ["kubectl get clusters.cluster.x-k8s.io -n fleet-local local -o jsonpath='{.status.phase}'"],
        },
      });
    }

    for (const machine of machines) {
      const machinePhase = displayPhase(fieldOf(machine, 'status.phase'));
      if (machinePhase === 'Running') continue;
      const node = textOf(machine, 'status.nodeRef.name');
      findings.push({
        status: 'fail',
        subject: machine,
        ...unchecked,
        message: checked
          ? `An upgrade would be refused with 'machine fleet-local/${machine.metadata.name} is not running': its phase is ${machinePhase}${node ? ` (node ${node})` : ''}.`
          : `CAPI machine fleet-local/${machine.metadata.name} is ${machinePhase}, not Running${node ? ` (node ${node})` : ''} (this release's upgrade validator does not check it; from v1.1.2 it refuses upgrades until it is).`,
        evidence: [await context.evidence(machine, machinePhase === '(none)' ? '' : '/status/phase')],
        remediation: {
          summary: `Bring machine fleet-local/${machine.metadata.name}${node ? ` (node ${node})` : ''} back to Running before upgrading: check its node and the rancher-system-agent on it.`,
          steps: ['Check the machine\'s conditions and its node\'s Ready condition.', 'Check rancher-system-agent.log in the node bundle of that node.'],
          commands: [`kubectl get machines.cluster.x-k8s.io -n fleet-local ${machine.metadata.name} -o yaml`],
        },
      });
    }
    return findings;
  },
});

/** An empty phase is absent (core drops the kit's "null"). */
function displayPhase(phase: unknown): string {
  return typeof phase === 'string' && phase !== '' ? phase : '(none)';
}
