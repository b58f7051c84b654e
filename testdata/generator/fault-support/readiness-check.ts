/**
 * The shape every upgrade-readiness rule test shares (upgrade-gate-* for validator.harvesterhci.io,
 * signatures.md §0.3; precheck-* for the upgrade-helpers check.sh, §6): the fault makes the rule
 * fail with the message Harvester would print, citing the line that proves it; the near miss (the
 * same object touched, not far enough) does not fail or warn; without an input it cannot do
 * without, the rule is skipped as missing-input, never passed. Each rule folder's rule.test.ts
 * calls `describeReadinessCheck` with its own case.
 */
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../packages/report/src/report-types.js';
import type { InputSpec } from '../../../packages/rules/src/rule/rule-types.js';
import { catalogRule, citedLine, runRule, type BundleBuilder } from '../../../packages/rules/src/testing/index.js';
import { healthyCluster } from '../healthy-cluster.js';

export interface ReadinessCase {
  id: string;
  nodes?: number;
  version?: string;
  /** For checks of newer releases than the generator models: the server-version the bundle reports. */
  serverVersion?: string;
  /** Breaks the healthy cluster; returns what the message names. */
  fault: (builder: BundleBuilder) => unknown;
  /** The same object touched, but not far enough to fail. */
  nearMiss: (builder: BundleBuilder) => unknown;
  /** The near miss may end as skipped (the check cannot prove the object fine). */
  nearMissMaySkip?: boolean;
  status?: 'fail' | 'warn';
  message: (builder: BundleBuilder, named: unknown) => string;
  path: string | RegExp;
  /** Text the cited line holds. */
  proof: string;
  /**
   * Only for a rule without an input it cannot do without (every input optional, or a list that
   * may rightly be empty): why. A case that says so while the rule has such an input fails.
   */
  noRequiredInput?: string;
}

/** A healthy cluster of `nodes` nodes, optionally reporting another server-version. */
export function readinessCluster(nodes: number, version = 'v1.4.1', seed = 7, serverVersion?: string): BundleBuilder {
  const builder = healthyCluster({ harvesterVersion: version, nodes, seed });
  if (serverVersion) builder.updateObject('harvesterhci.io/v1beta1', 'Setting', undefined, 'server-version', (setting) => { setting.value = serverVersion; });
  return builder;
}

/** The name of an object a fault returned. */
export const volumeName = (named: unknown): string => (named as { metadata: { name: string } }).metadata.name;

/** `<namespace>/<pvc>` of a Longhorn volume a fault returned. */
export const pvcOf = (named: unknown): string => {
  const status = (named as { status: { kubernetesStatus: { namespace: string; pvcName: string } } }).status.kubernetesStatus;
  return `${status.namespace}/${status.pvcName}`;
};

/** The text of the evidence line, read back from the bundle the builder wrote (node files from inside their zips). */
function lineOf(builder: BundleBuilder, finding: Finding, index = 0): string {
  return citedLine(builder, finding.evidence[index]!);
}

/** An input the engine cannot do without, and how to take it out of a bundle. */
interface RequiredInput {
  name: string;
  /** What the skip reason must name. */
  named: string;
  remove: (builder: BundleBuilder) => void;
}

/**
 * The resource inputs whose absence the engine reports as a skip: named objects unless marked
 * optional, lists marked required. A list that is not required may rightly be empty.
 */
function requiredInputs(inputs: Record<string, InputSpec> | undefined): RequiredInput[] {
  const required: RequiredInput[] = [];
  for (const [name, spec] of Object.entries(inputs ?? {})) {
    if ('resource' in spec) {
      const { group, resource, namespace, name: objectName } = spec.resource;
      if (!(objectName !== undefined ? spec.required !== false : spec.required === true)) continue;
      if (!resource) throw new Error(`input ${name} selects by kind; the harness removes inputs by resource`);
      required.push({ name, named: objectName ?? resource, remove: (builder) => void builder.removeResource(group, resource, namespace) });
    } else if (spec.required !== false) {
      // No readiness rule needs a log or supportconfig input yet; removing one is for the first that does.
      throw new Error(`input ${name} is a required log or supportconfig input; the harness removes only resource lists`);
    }
  }
  return required;
}

export function describeReadinessCheck(entry: ReadinessCase): void {
  describe(entry.id, () => {
    it('fails with the message Harvester would print, citing the line that proves it', async () => {
      const builder = readinessCluster(entry.nodes ?? 1, entry.version, 7, entry.serverVersion);
      const named = entry.fault(builder);
      const run = await runRule(await catalogRule(entry.id), builder);
      expect(run.outcome, run.skipReason ?? run.error).toBe(entry.status ?? 'fail');
      const finding = run.findings.find((candidate) => candidate.status === (entry.status ?? 'fail'))!;
      expect(finding.message).toBe(entry.message(builder, named));
      expect(finding.tags).toEqual(expect.arrayContaining(['upgrade', entry.id.startsWith('upgrade-gate') ? 'upgrade-gate' : 'precheck']));
      const evidence = finding.evidence.find((item) => (typeof entry.path === 'string' ? item.path === entry.path : entry.path.test(item.path)));
      expect(evidence, JSON.stringify(finding.evidence.map((item) => item.path))).toBeDefined();
      const index = finding.evidence.indexOf(evidence!);
      expect(lineOf(builder, finding, index)).toContain(entry.proof);
    });

    it('does not fail or warn on the near miss', async () => {
      const builder = readinessCluster(entry.nodes ?? 1, entry.version, 7, entry.serverVersion);
      entry.nearMiss(builder);
      const run = await runRule(await catalogRule(entry.id), builder);
      expect(entry.nearMissMaySkip ? ['pass', 'skipped'] : ['pass']).toContain(run.outcome);
    });

    it('is skipped as missing-input, never passed, without an input it cannot do without', async () => {
      const rule = await catalogRule(entry.id);
      const required = requiredInputs(rule.inputs);
      if (entry.noRequiredInput !== undefined) {
        expect(required.map((input) => input.name), `the case says "${entry.noRequiredInput}"`).toEqual([]);
        return;
      }
      expect(required.length, 'the rule has no required input: give the case a noRequiredInput reason').toBeGreaterThan(0);
      for (const input of required) {
        const builder = readinessCluster(entry.nodes ?? 1, entry.version, 7, entry.serverVersion);
        entry.fault(builder);
        input.remove(builder);
        const run = await runRule(rule, builder);
        expect(run.outcome, `without ${input.name}`).toBe('skipped');
        expect(run.skipKind, `without ${input.name}`).toBe('missing-input');
        expect(run.skipReason, `without ${input.name}`).toContain(input.named);
      }
    });
  });
}
