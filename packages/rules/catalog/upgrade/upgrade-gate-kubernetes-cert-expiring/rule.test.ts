import { describe, expect, it } from 'vitest';
import { catalogRule, runRule } from '@bundle-triage/rules/testing';
import { readinessCluster } from '../../../../../testdata/generator/fault-support/readiness-check.js';

describe('upgrade-gate-kubernetes-cert-expiring', () => {
  it('skips the kubernetes cert-expiry gate with its reason on a newer release', async () => {
    const builder = readinessCluster(1);
    builder.updateObject('harvesterhci.io/v1beta1', 'Setting', undefined, 'server-version', (setting) => { setting.value = 'v1.5.0'; });
    expect((await runRule(await catalogRule('upgrade-gate-kubernetes-cert-expiring'), builder)).skipReason).toMatch(/^the expiry date of the certificate served at the default\/kubernetes ClusterIP is not recorded in a support bundle/);
  });
});
