import type { KubeObject } from '@bundle-triage/core';
import { defineCodeRule } from '../../../src/rule/rule.js';
import { VALIDATOR_V141 } from '../../../src/catalog/support/readiness-references.js';
import { fieldOf, type Fields, isRecord, recordsOf, textOf } from '../../../src/rule/object-fields.js';

interface Requirement { key: string; operator: string; values?: string[] }
interface Term { matchExpressions: Requirement[]; matchFields: Requirement[] }

/** A nodeSelectorTerm as the scheduler reads it (anything that is not a requirement is left out). */
function term(fields: Fields): Term {
  const requirements = (path: string): Requirement[] =>
    recordsOf(fields, path).flatMap((item) => {
      const key = textOf(item, 'key');
      const operator = textOf(item, 'operator');
      const values = fieldOf(item, 'values');
      return key !== undefined && operator !== undefined ? [{ key, operator, values: Array.isArray(values) ? values.map(String) : [] }] : [];
    });
  return { matchExpressions: requirements('matchExpressions'), matchFields: requirements('matchFields') };
}

/** Why a VMI cannot be live-migrated, following v1.4.1 GetAllNonLiveMigratableVMINames; undefined when it can. */
function nonMigratableReason(vmi: Readonly<KubeObject>, nodes: readonly Readonly<KubeObject>[]): { reason: string; pointer: string } | undefined {
  if (fieldOf(vmi, 'spec.nodeSelector') !== undefined) return { reason: 'node selector', pointer: '/spec/nodeSelector' };
  if (fieldOf(vmi, 'spec.domain.devices.hostDevices') !== undefined) return { reason: 'host devices', pointer: '/spec/domain/devices/hostDevices' };
  const affinity = fieldOf(vmi, 'spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms');
  const terms = Array.isArray(affinity) ? affinity.filter(isRecord).map(term) : undefined;
  const others = nodes.filter((node) => node.metadata.name !== fieldOf(vmi, 'status.nodeName'));
  const migratable = others.some((node) => fieldOf(node, 'spec.unschedulable') !== true && (!terms || terms.some((selector) => termMatches(selector, node))));
  if (!migratable) return { reason: 'node affinity', pointer: terms ? '/spec/affinity' : '/status/nodeName' };
  const disks = recordsOf(vmi, 'spec.domain.devices.disks');
  const cdrom = disks.findIndex((disk) => disk.cdrom !== undefined);
  if (cdrom >= 0) return { reason: 'CD-ROM', pointer: `/spec/domain/devices/disks/${cdrom}` };
  const volumes = recordsOf(vmi, 'spec.volumes');
  const container = volumes.findIndex((volume) => volume.containerDisk !== undefined);
  if (container >= 0) return { reason: 'container disk', pointer: `/spec/volumes/${container}` };
  return undefined;
}

function termMatches(selector: Term, node: Readonly<KubeObject>): boolean {
  const labels = node.metadata.labels ?? {};
  const expressions = selector.matchExpressions;
  const fields = selector.matchFields;
  if (expressions.length === 0 && fields.length === 0) return false;
  const test = (requirement: Requirement, value: string | undefined) => {
    const values = requirement.values ?? [];
    switch (requirement.operator) {
      case 'In': return value !== undefined && values.includes(value);
      case 'NotIn': return value === undefined || !values.includes(value);
      case 'Exists': return value !== undefined;
      case 'DoesNotExist': return value === undefined;
      case 'Gt': return value !== undefined && Number(value) > Number(values[0]);
      case 'Lt': return value !== undefined && Number(value) < Number(values[0]);
      default: return false;
    }
  };
  return expressions.every((requirement) => test(requirement, labels[requirement.key]))
    && fields.every((requirement) => test(requirement, requirement.key === 'metadata.name' ? node.metadata.name : undefined));
}

/** Check 11 of the v1.4.1 validator. */
export default defineCodeRule({
  id: 'upgrade-gate-non-live-migratable-vms',
  title: 'Upgrade refused: "There are non-live migratable VMs that need to be shut off before initiating the upgrade"',
  description:
    'Check 11 of the upgrade validator (v1.4.1 checkNonLiveMigratableVMs): on a cluster of more than one node, a running VMI with a node selector, host devices, a required node affinity no other schedulable node satisfies, a CD-ROM disk or a container disk cannot be live-migrated, and the upgrade is refused until it is shut off. Only VMIs in namespaces the bundle collected can be seen.',
  severity: 'critical',
  component: 'upgrade',
  tags: ['upgrade-gate', 'upgrade', 'kubevirt'],
  // The running release's validator judges the Upgrade; it has made this check since v1.2.2 (v1.2.2-rc1).
  appliesTo: { harvester: '>=1.2.2-rc1', unknownVersion: 'evaluate' },
  references: [VALIDATOR_V141],
  whyCode: {
    needs: ['node-affinity'],
    because: 'a VMI pinned by a required node affinity is live-migratable only if another schedulable node satisfies its node-selector terms, which the declarative form cannot evaluate',
  },
  inputs: {
    nodes: { resource: { group: '', resource: 'nodes', namespace: null }, required: true },
    vmis: { resource: { group: 'kubevirt.io', resource: 'virtualmachineinstances' } },
  },
  evaluate: async (context) => {
    const nodes = context.inputs.nodes;
    if (nodes.length === 1) return [];
    const offenders = context.inputs.vmis
      .map((vmi) => ({ vmi, why: nonMigratableReason(vmi, nodes) }))
      .filter((entry): entry is { vmi: KubeObject; why: { reason: string; pointer: string } } => entry.why !== undefined)
      .sort((a, b) => (`${a.vmi.metadata.namespace}/${a.vmi.metadata.name}` < `${b.vmi.metadata.namespace}/${b.vmi.metadata.name}` ? -1 : 1));
    if (offenders.length === 0) return [];
    const names = offenders.map(({ vmi }) => `${vmi.metadata.namespace}/${vmi.metadata.name}`);
    return [
      {
        status: 'fail',
        message: `There are non-live migratable VMs that need to be shut off before initiating the upgrade: ${names.join(', ')}`,
        evidence: await Promise.all(offenders.map(({ vmi, why }) => context.evidence(vmi, why.pointer))),
        remediation: {
          summary: `Shut off ${names.join(', ')} (${offenders.map(({ vmi, why }) => `${vmi.metadata.name}: ${why.reason}`).join('; ')}) before creating the Upgrade, or remove what pins them (eject the CD-ROM, drop the node selector/affinity or the passthrough device).`,
          commands: offenders.map(({ vmi }) => `virtctl stop ${vmi.metadata.name} -n ${vmi.metadata.namespace}`),
        },
      },
    ];
  },
});
