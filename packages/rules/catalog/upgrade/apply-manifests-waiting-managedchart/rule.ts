import type { KubeObject, LogFile } from '@bundle-triage/core';
import type { Evidence } from '@bundle-triage/report';
import { defineCodeRule } from '../../../src/rule/rule.js';
import { recordsOf, textOf } from '../../../src/rule/object-fields.js';

const PROGRESS = String.raw`Current version: (?P<version>\S+), (?:Current ready clusters: (?P<ready>\S+), )?Current state: (?P<state>\S+), Current generation: (?P<generation>\d+)`;
const NOT_READY_STATES = new Set(['WaitApplied', 'ErrApplied', 'Modified', 'NotReady', 'OutOfSync', 'null']);
/** apply-manifests retries every 5 s; a wait this long is not a chart that is simply rolling out. */
const STUCK_AFTER_MS = 10 * 60_000;

/** S20: "Upgrading System Services" stuck while apply-manifests waits for a ManagedChart. */
export default defineCodeRule({
  id: 'apply-manifests-waiting-managedchart',
  signature: 'S20',
  title: '"Upgrading System Services" stuck: apply-manifests keeps waiting for a ManagedChart',
  description:
    'During "Upgrading System Services" the apply-manifests job upgrades each ManagedChart and loops ("Current version: …, Current state: …, Current generation: …", "Sleep for 5 seconds to retry") until its Fleet bundle is ready. The rule fails when the latest Upgrade is in UpgradingSystemServices, the last progress line of the apply-manifests log still shows a non-ready state (WaitApplied, ErrApplied, Modified, NotReady, OutOfSync or null), and that state has lasted at least 10 minutes. It names the non-ready Fleet bundles of fleet-local, whose own rules (S04–S10 …) explain the cause. The loop exists in every release, so the rule has no version range.',
  severity: 'high',
  component: 'upgrade',
  tags: ['upgrade', 'fleet', 'managedchart'],
  versions: 'all releases (upgrade_manifests.sh wait_managed_chart)',
  detectability: 'detectable',
  references: [
    { title: 'Harvester docs (v1.5): upgrade troubleshooting, check the status of a stuck upgrade', url: 'https://docs.harvesterhci.io/v1.5/upgrade/troubleshooting' },
    { title: 'harvester/harvester: package/upgrade/upgrade_manifests.sh (wait_managed_chart)', url: 'https://github.com/harvester/harvester/blob/master/package/upgrade/upgrade_manifests.sh' },
  ],
  whyCode: {
    needs: ['log-line-order'],
    because: 'the decision needs the LAST progress line of the log (not any match) and how long the non-ready state has lasted (time arithmetic between log lines); log conditions only count matches',
  },
  inputs: {
    upgrades: { resource: { group: 'harvesterhci.io', resource: 'upgrades', namespace: 'harvester-system' } },
    applyManifests: { logs: { namespace: 'harvester-system', podPrefix: 'hvst-upgrade-' }, required: false },
    bundles: { resource: { group: 'fleet.cattle.io', resource: 'bundles', namespace: 'fleet-local' } },
  },
  evaluate: async (context) => {
    const upgrade = context.inputs.upgrades.find(
      (candidate) => labels(candidate)['harvesterhci.io/latestUpgrade'] === 'true' && labels(candidate)['harvesterhci.io/upgradeState'] === 'UpgradingSystemServices',
    );
    if (!upgrade) return [];
    const logs = context.inputs.applyManifests.filter((file) => /-apply-manifests-/.test(file.pod ?? ''));
    if (logs.length === 0) context.skip('missing-input', `upgrade ${upgrade.metadata.name} is in UpgradingSystemServices but no apply-manifests pod log was collected`);

    const pattern = context.pattern(PROGRESS);
    type Progress = { file: LogFile; line: number; raw: string; time: number | undefined; state: string; version: string };
    let last: Progress | undefined;
    let streakStart: Progress | undefined;
    for (const file of logs) {
      for await (const match of file.grep(pattern, { prefilter: 'Current version:', signal: context.signal })) {
        const progress: Progress = { file, line: match.line, raw: match.raw, time: match.time, state: match.groups.state ?? '', version: match.groups.version ?? '' };
        if (last && last.time !== undefined && progress.time !== undefined && progress.time < last.time) continue;
        const ready = !NOT_READY_STATES.has(progress.state);
        if (ready || !streakStart || streakStart.version !== progress.version) streakStart = ready ? undefined : progress;
        last = progress;
      }
    }
    if (!last || !streakStart || NOT_READY_STATES.has(last.state) === false) return [];
    if (last.time === undefined || streakStart.time === undefined || last.time - streakStart.time < STUCK_AFTER_MS) return [];

    const minutes = Math.round((last.time - streakStart.time) / 60_000);
    const notReady = context.inputs.bundles.filter((bundle) => readyCondition(bundle)?.status !== 'True' && bundle.status !== undefined);
    const evidence: Evidence[] = [
      context.logEvidence(streakStart.file, streakStart.line, streakStart.raw),
      context.logEvidence(last.file, last.line, last.raw),
      await context.evidence(upgrade, '/metadata/labels/harvesterhci.io~1upgradeState'),
      ...(await Promise.all(notReady.slice(0, 4).map((bundle) => context.evidence(bundle, pointerOfReady(bundle))))),
    ];
    const bundleText = notReady.length
      ? `non-ready bundles: ${notReady.map((bundle) => `fleet-local/${bundle.metadata.name} (${readyCondition(bundle)?.message ?? 'no Ready message'})`).join('; ')}`
      : 'no non-ready bundle is recorded in fleet-local';
    return [
      {
        status: 'fail',
        message: `Upgrade ${upgrade.metadata.name} is stuck in "Upgrading System Services": apply-manifests has logged "Current state: ${last.state}" for chart version ${last.version} for ${minutes} minutes; ${bundleText}.`,
        evidence,
        subject: upgrade,
        remediation: {
          summary: 'Read the Ready message of the non-ready Fleet bundle and fix that cause (each has its own catalog rule: default StorageClass, Longhorn CRD status, kubevirt, CDI, deletion errors, helm operation in progress …); apply-manifests continues on its own once the bundle is ready.',
          steps: [
            'kubectl get bundles -A and read the STATUS of every bundle that is not 1/1.',
            'Apply the fix for that message, then watch the apply-manifests log move on.',
          ],
          commands: ['kubectl get bundles -A', `kubectl logs -n harvester-system ${last.file.pod ?? 'hvst-upgrade-<id>-apply-manifests-<suffix>'} --tail=20`],
        },
      },
    ];
  },
});

function labels(object: KubeObject): Record<string, string> {
  return object.metadata.labels ?? {};
}

function readyCondition(bundle: KubeObject): { status?: string; message?: string } | undefined {
  const ready = recordsOf(bundle, 'status.conditions').find((condition) => condition.type === 'Ready');
  return ready ? { status: textOf(ready, 'status'), message: textOf(ready, 'message') } : undefined;
}

function pointerOfReady(bundle: KubeObject): string {
  const conditions = recordsOf(bundle, 'status.conditions');
  const index = conditions.findIndex((condition) => condition.type === 'Ready');
  return index < 0 ? '/status' : `/status/conditions/${index}`;
}
