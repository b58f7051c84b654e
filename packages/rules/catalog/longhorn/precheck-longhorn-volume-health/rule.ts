import type { BundleFacts, KubeObject } from '@bundle-triage/core';
import semver from 'semver';
import type { CodeFinding } from '../../../src/rule/rule.js';
import { defineCodeRule } from '../../../src/rule/rule.js';
import { PRECHECK_SCRIPT } from '../../../src/catalog/support/readiness-references.js';
import { fieldOf, recordOf } from '../../../src/rule/object-fields.js';

/** The release whose pre-check first fails a detached single-replica volume. */
const DETACHED_SINGLE_REPLICA_FROM = '1.4.0';

/**
 * Whether the script of the bundle's release fails a detached single-replica volume; undefined
 * when the bundle does not say which release it is (no version, or a development build).
 */
function failsDetachedSingleReplica(facts: BundleFacts): boolean | undefined {
  const version = facts.harvesterVersion?.semver;
  return version === undefined ? undefined : semver.gte(version, DETACHED_SINGLE_REPLICA_FROM);
}

interface Verdict {
  status: 'fail' | 'warn';
  text: string;
  pointer: string;
}

/** Pre-check step 12, per volume: the script's verdict, or undefined when the volume passes. */
function verdict(volume: KubeObject, engine: KubeObject | undefined, nodeCount: number, facts: BundleFacts): Verdict | undefined {
  const name = volume.metadata.name;
  const replicas = Number(fieldOf(volume, 'spec.numberOfReplicas'));
  if (engine && fieldOf(engine, 'status.currentState') === 'running') {
    if (nodeCount > 2) {
      if (replicas === 1) return { status: 'fail', text: `Volume ${name} is a single-replica volume. Please consider shutting down the corresponding workload or adjusting its replica count before upgrading.`, pointer: '/spec/numberOfReplicas' };
      if (fieldOf(volume, 'status.robustness') !== 'healthy') return { status: 'fail', text: `Volume ${name} is degraded.`, pointer: '/status/robustness' };
      return undefined;
    }
    const expected = replicas === 1 ? 1 : 2;
    const modes = Object.values(recordOf(engine, 'status.replicaModeMap'));
    return modes.filter((mode) => mode === 'RW').length >= expected ? undefined : { status: 'fail', text: `Volume ${name} is degraded.`, pointer: '/status/robustness' };
  }
  if (fieldOf(volume, 'status.state') === 'detached' && replicas === 1) {
    const fails = failsDetachedSingleReplica(facts);
    if (fails === false) return undefined;
    if (fails === true) return { status: 'fail', text: `Volume ${name} is a detached single-replica volume; upgrading may have data integrity concerns.`, pointer: '/spec/numberOfReplicas' };
    // Neither a pass nor the v1.4 verdict can be claimed: say what is unknown.
    const version = facts.harvesterVersion ? `is a development build (${facts.harvesterVersion.value})` : 'does not say which Harvester version it is';
    return { status: 'warn', text: `Volume ${name} is a detached single-replica volume, which the pre-check of Harvester v${DETACHED_SINGLE_REPLICA_FROM} and later fails; this bundle ${version}, so whether the check fails cannot be told.`, pointer: '/spec/numberOfReplicas' };
  }
  return undefined;
}

export default defineCodeRule({
  id: 'precheck-longhorn-volume-health',
  title: 'Pre-check Longhorn-Volume-Health-Status: single-replica or degraded volumes',
  description:
    'Check 12 of the upgrade-helpers pre-check script (skipped on a single node, so the rule is skipped there too): for each volume with a running engine, on three or more nodes a single-replica volume fails and any robustness other than healthy is "degraded"; on two nodes the engine needs 2 RW replicas (1 for a single-replica volume). From v1.4.0 a detached single-replica volume also fails (data integrity); before v1.4.0 it passes, and when the bundle does not say its release (no version, or a development build) it warns. The detached "fewer replicas than numberOfReplicas" branch of the newest script is not modelled.',
  severity: 'high',
  component: 'longhorn',
  tags: ['precheck', 'upgrade', 'longhorn'],
  detectability: 'partial',
  references: [PRECHECK_SCRIPT],
  whyCode: {
    needs: ['object-join'],
    because: 'joins each volume with its engine (label longhornvolume) and branches on the node count as the script does',
  },
  inputs: {
    nodes: { resource: { group: '', resource: 'nodes', namespace: null }, required: true },
    volumes: { resource: { group: 'longhorn.io', resource: 'volumes', namespace: 'longhorn-system' } },
    engines: { resource: { group: 'longhorn.io', resource: 'engines', namespace: 'longhorn-system' } },
  },
  evaluate: async (context) => {
    const nodes = context.inputs.nodes;
    if (nodes.length === 1) {
      return context.skip('not-applicable', `the pre-check script skips Longhorn-Volume-Health-Status on a single-node cluster, and this one has one node (${nodes[0]!.metadata.name})`);
    }
    const nodeCount = nodes.length;
    const engines = context.inputs.engines;
    const findings: CodeFinding[] = [];
    for (const volume of context.inputs.volumes) {
      const engine = engines.find((candidate) => candidate.metadata.labels?.longhornvolume === volume.metadata.name);
      const result = verdict(volume, engine, nodeCount, context.facts);
      if (!result) continue;
      findings.push({
        status: result.status,
        message: result.status === 'fail' ? `Longhorn-Volume-Health-Status Test: Failed — ${result.text}` : `Longhorn-Volume-Health-Status: ${result.text}`,
        evidence: [await context.evidence(volume, result.pointer)],
        subject: volume,
        remediation: {
          summary: `Make volume ${volume.metadata.name} healthy before upgrading: let Longhorn finish rebuilding its replicas, or for a single-replica volume stop its workload or raise its replica count.`,
          commands: [`kubectl get volumes.longhorn.io -n longhorn-system ${volume.metadata.name} -o jsonpath='{.spec.numberOfReplicas} {.status.state} {.status.robustness}'`],
        },
      });
    }
    return findings;
  },
});
