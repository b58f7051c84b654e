import type { KubeObject } from '@bundle-triage/core';
import type { Evidence } from '@bundle-triage/report';
import { defineCodeRule, type CodeFinding } from '../../../src/rule/rule.js';
import type { JsonPatchOperation } from '../../../src/rule/rule-types.js';
import { escapeSegment } from '../../../src/match/located.js';
import { fieldOf, recordOf, recordsOf, textOf } from '../../../src/rule/object-fields.js';



/**
 * S37: a Longhorn node or disk with eviction requested when an upgrade to (or within) v1.4.x
 * starts makes longhorn-manager crash (longhorn#10464). Per Longhorn node: which flags are set,
 * and the exact JSON-Patch that clears each of them.
 */
export default defineCodeRule({
  id: 'longhorn-eviction-requested-manager-crash',
  signature: 'S37',
  title: 'Longhorn eviction requested on a node or disk: longhorn-manager crashes during the upgrade to v1.4.x',
  description:
    'Reports each Longhorn node whose spec.evictionRequested, or one of whose disks\' evictionRequested, is true. When ' +
    'Harvester is upgraded to or within v1.4.x (Longhorn v1.7.x) with eviction requested, a race between deleting a disk ' +
    'in the backing-image spec and updating its status makes longhorn-manager crash, so the docs require clearing every ' +
    'eviction request first (the upgrade pre-check stops on it too). A longhorn-manager container waiting in ' +
    'CrashLoopBackOff is cited as the crash having started; that link is inferred (signatures.md), since the crash ' +
    'reason is not recorded in the pod status.',
  severity: 'high',
  component: 'longhorn',
  refines: [{ rule: 'precheck-longhorn-eviction' }],
  // The crashing longhorn-manager pod it cites is the symptom the generic crash-loop check reports.
  explains: [{ rule: 'pod-crash-looping' }],
  tags: ['upgrade', 'precheck', 'longhorn', 'eviction'],
  versions: 'upgrades to / within v1.4.x (Longhorn v1.7.x) (#7717, longhorn#10464)',
  appliesTo: { harvester: '>=1.3.2 <1.5.0' },
  detectability: 'detectable',
  references: [
    { title: 'Harvester docs v1.4: upgrade – caution: set EvictionRequested to false on all nodes and disks', url: 'https://docs.harvesterhci.io/v1.4/upgrade/automatic' },
    { title: 'harvester/harvester#7717: longhorn-manager crashes during upgrade when eviction is requested', url: 'https://github.com/harvester/harvester/issues/7717' },
    { title: 'longhorn/longhorn#10464: longhorn-manager crash, race on backing-image disk deletion', url: 'https://github.com/longhorn/longhorn/issues/10464' },
    { title: 'harvester/docs#739: document the eviction caution for v1.4 upgrades', url: 'https://github.com/harvester/docs/pull/739' },
    { title: 'harvester/upgrade-helpers pre-check: check_longhorn_eviction_status', url: 'https://github.com/harvester/upgrade-helpers/blob/main/pre-check/v1.x/check.sh' },
  ],
  whyCode: {
    needs: ['patch-per-element'],
    because: 'The fix is one JSON-Patch operation per flag that is set (the node, and each disk by its id), in one patch of the Longhorn node; declarative patches have a fixed list of operations.',
  },
  inputs: {
    longhornNodes: { resource: { group: 'longhorn.io', resource: 'nodes', namespace: 'longhorn-system' } },
    pods: { resource: { group: '', resource: 'pods', namespace: 'longhorn-system' }, required: false },
  },
  async evaluate(context) {
    const nodes = context.inputs.longhornNodes ?? [];
    const pods = context.inputs.pods ?? [];
    const crashing = pods.filter(
      (pod) =>
        pod.metadata.name.startsWith('longhorn-manager-') &&
        containerStatuses(pod).some((status) => status.name === 'longhorn-manager' && status.waitingReason === 'CrashLoopBackOff'),
    );

    const findings: CodeFinding[] = [];
    for (const node of nodes) {
      const evidence: Evidence[] = [];
      const operations: JsonPatchOperation[] = [];
      const what: string[] = [];
      if (isTrue(fieldOf(node, 'spec.evictionRequested'))) {
        evidence.push(await context.evidence(node, '/spec/evictionRequested'));
        operations.push({ op: 'replace', path: '/spec/evictionRequested', value: false });
        what.push('the node');
      }
      for (const [diskId, disk] of Object.entries(recordOf(node, 'spec.disks'))) {
        if (!isTrue(fieldOf(disk, 'evictionRequested'))) continue;
        const pointer = `/spec/disks/${escapeSegment(diskId)}/evictionRequested`;
        evidence.push(await context.evidence(node, pointer));
        operations.push({ op: 'replace', path: pointer, value: false });
        what.push(`disk ${diskId}${textOf(disk, 'path') ? ` (${textOf(disk, 'path')})` : ''}`);
      }
      if (operations.length === 0) continue;

      const nodeName = node.metadata.name;
      const crashHere = crashing.filter((pod) => textOf(pod, 'spec.nodeName') === nodeName);
      const crashText = crashing.length > 0 ? ` longhorn-manager pod ${(crashHere.length > 0 ? crashHere : crashing).map((pod) => pod.metadata.name).join(', ')} is already in CrashLoopBackOff.` : '';
      for (const pod of crashHere.length > 0 ? crashHere : crashing) {
        const index = containerStatuses(pod).findIndex((status) => status.name === 'longhorn-manager');
        evidence.push(await context.evidence(pod, `/status/containerStatuses/${index}/state/waiting/reason`));
      }
      findings.push({
        status: 'fail',
        subject: node,
        message: `Longhorn node ${nodeName} has eviction requested on ${what.join(' and ')}; upgrading to v1.4.x with eviction requested makes longhorn-manager crash.${crashText}`,
        evidence,
        remediation: {
          summary: `Set evictionRequested to false on Longhorn node ${nodeName} and its disks before upgrading (move the data off first if the eviction was intended), then start the upgrade.`,
          steps: [
            'Let any eviction that is really wanted finish first, or cancel it: Longhorn UI → Node → Edit node and disks → Eviction Requested: false.',
            'Clear every flag listed here (the patch below does it for this node), on every node.',
            'Re-run the upgrade pre-check; the Longhorn eviction check must pass before the upgrade.',
          ],
          commands: [`kubectl get nodes.longhorn.io -n longhorn-system ${nodeName} -o yaml`],
          patch: { target: node, operations },
        },
      });
    }
    return findings;
  },
});

function containerStatuses(pod: Readonly<KubeObject>): { name: string | undefined; waitingReason: string | undefined }[] {
  return recordsOf(pod, 'status.containerStatuses').map((status) => ({ name: textOf(status, 'name'), waitingReason: textOf(status, 'state.waiting.reason') }));
}

/** `true` as YAML writes it; the kit may also leave it as the string "true". */
function isTrue(value: unknown): boolean {
  return value === true || value === 'true';
}
