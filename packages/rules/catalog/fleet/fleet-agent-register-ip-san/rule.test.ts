import { describe, expect, it } from 'vitest';
import { fleetAgentRegisterIpSan } from './fault.js';
import { catalogRule, expectCites, runRule } from '@bundle-triage/rules/testing';
import { healthyCluster } from '../../../../../testdata/generator/index.js';

const rule = () => catalogRule('fleet-agent-register-ip-san');

describe('fleet-agent-register-ip-san (S23)', () => {
  it('fails on the IP SAN registration error and shows the server-url patch', async () => {
    const bundle = healthyCluster({ harvesterVersion: 'v1.4.0', nodes: 1, seed: 23 });
    fleetAgentRegisterIpSan(bundle);
    const run = await runRule(await rule(), bundle);
    expect(run.outcome).toBe('fail');
    expect(run.finding!.message).toBe(
      'fleet-agent cannot register ("x509: cannot validate certificate for 192.168.122.100 because it doesn\'t contain any IP SANs"; 3 times), so Fleet bundles stay OutOfSync/WaitApplied; server-url is https://192.168.122.100.',
    );
    expectCites(bundle, run, 'logs/cattle-fleet-local-system/fleet-agent-0/fleet-agent.log', "doesn't contain any IP SANs");
    expect(run.finding!.remediation!.patch!.target.name).toBe('server-url');
  });

  it('does not fire on another registration error (near miss)', async () => {
    const bundle = healthyCluster({ harvesterVersion: 'v1.4.0', nodes: 1, seed: 23 });
    fleetAgentRegisterIpSan(bundle, { otherError: true });
    expect((await runRule(await rule(), bundle)).outcome).toBe('pass');
  });
});
