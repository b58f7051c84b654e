import type { KubeObject } from '@bundle-triage/core';
import semver from 'semver';
import { defineCodeRule } from '../../../src/rule/rule.js';
import { isRecord } from '../../../src/rule/object-fields.js';

/** The interval the upgrade pre-check suggests. */
const SUGGESTED_INTERVAL_SECONDS = 300;

/**
 * S45: from v1.4.2 the `backup-target` setting has `refreshIntervalInSeconds`; a backup target
 * with a type but without an interval (or 0) is refreshed continuously (#7885).
 */
export default defineCodeRule({
  id: 'backup-target-refresh-interval-high-cpu',
  signature: 'S45',
  title: 'High CPU after the upgrade to v1.4.2: backup target without refreshIntervalInSeconds is refreshed continuously',
  description:
    'Reads the JSON value of the Harvester setting backup-target: when a backup target is configured (type set) and ' +
    'refreshIntervalInSeconds is missing or 0, Harvester v1.4.2 and later refresh the backup target continuously, with ' +
    'high CPU load on the nodes. On v1.4.2+ this is the running problem (fail); on v1.4.1 it is what the upgrade ' +
    'pre-check flags before the upgrade to v1.4.2 (warn). The CPU load itself is not in the bundle.',
  severity: 'high',
  component: 'backup',
  refines: [{ rule: 'precheck-backup-target' }],
  tags: ['upgrade', 'precheck', 'backup', 'settings', 'known-issue'],
  versions: 'v1.4.2+ (field introduced in v1.4.2) (#7885); flagged on v1.4.1 by the pre-check before upgrading',
  appliesTo: { harvester: '>=1.4.1' },
  detectability: 'detectable',
  references: [
    { title: 'Harvester docs: upgrade v1.4.1 → v1.4.2, known issues 1 and 2 (backup target refresh interval)', url: 'https://docs.harvesterhci.io/v1.4/upgrade/v1-4-1-to-v1-4-2' },
    { title: 'harvester/harvester#7885: high CPU usage after upgrade to v1.4.2, backup target refreshed continuously', url: 'https://github.com/harvester/harvester/issues/7885' },
    { title: 'harvester/upgrade-helpers pre-check: check_backup_target', url: 'https://github.com/harvester/upgrade-helpers/blob/main/pre-check/v1.x/check.sh' },
  ],
  whyCode: {
    needs: ['json-in-string'],
    because: 'The setting\'s value is a JSON document inside a string: the declarative form can neither read its fields (type, refreshIntervalInSeconds) nor build the patched value that adds the interval.',
  },
  inputs: {
    setting: { resource: { group: 'harvesterhci.io', resource: 'settings', namespace: null, name: 'backup-target' } },
  },
  async evaluate(context) {
    const setting = context.inputs.setting;
    const raw = setting.value;
    // An absent value (core drops the kit's "null") means the default: no backup target.
    if (typeof raw !== 'string' || raw === '') return [];
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      return context.skip('unreadable', 'the backup-target setting value is not valid JSON, so its refresh interval cannot be read');
    }
    if (!isRecord(parsed)) return [];
    const target = parsed;
    const type = typeof target.type === 'string' ? target.type : '';
    if (type === '') return [];
    const interval = Number(target.refreshIntervalInSeconds ?? 0);
    if (Number.isFinite(interval) && interval > 0) return [];

    const endpoint = typeof target.endpoint === 'string' && target.endpoint !== '' ? ` ${target.endpoint}` : '';
    const state = target.refreshIntervalInSeconds === undefined ? 'has no refreshIntervalInSeconds' : `has refreshIntervalInSeconds ${String(target.refreshIntervalInSeconds)}`;
    const running = context.facts.harvesterVersion?.semver;
    const upgraded = running === undefined || semver.gte(running, '1.4.2');
    const fixedValue = JSON.stringify({ ...target, refreshIntervalInSeconds: SUGGESTED_INTERVAL_SECONDS });
    return [
      {
        status: upgraded ? 'fail' : 'warn',
        ...(upgraded ? {} : { severity: 'medium' as const }),
        subject: setting,
        message: upgraded
          ? `The ${type} backup target${endpoint} ${state}, so Harvester refreshes it continuously and the nodes run at high CPU.`
          : `The ${type} backup target${endpoint} ${state}; after the upgrade to v1.4.2 Harvester would refresh it continuously (high CPU), so set an interval before upgrading.`,
        evidence: [await context.evidence(setting, '/value')],
        remediation: {
          summary: `Add refreshIntervalInSeconds to the backup-target setting (the pre-check suggests ${SUGGESTED_INTERVAL_SECONDS}; 60 or more works).`,
          steps: [
            `kubectl edit setting backup-target, and add "refreshIntervalInSeconds": ${SUGGESTED_INTERVAL_SECONDS} to the JSON in value (or apply the patch below).`,
            'Check that CPU usage of the harvester pods drops.',
          ],
          commands: ['kubectl edit setting backup-target'],
          patch: { target: setting, operations: [{ op: 'replace', path: '/value', value: fixedValue }] },
        },
      },
    ];
  },
});
