import type { KubeObject } from '@bundle-triage/core';
import { defineCodeRule } from '../../../src/rule/rule.js';
import { findIpPool, poolAllocations, poolCapacity, unsupportedRange, whereaboutsPoolName, widerRange } from '../../../src/catalog/support/ip-pool-capacity.js';
import { networkRange, parseJsonObject, rwxSharing, settingPointer, settingValue } from '../../../src/catalog/support/network-settings.js';
import { PRECHECK_SCRIPT, STORAGE_NETWORK_DOCS } from '../../../src/catalog/support/readiness-references.js';
import { isRecord, type Fields } from '../../../src/rule/object-fields.js';

/** Pre-check step 20: a dedicated RWX network must have room for one more RWX endpoint. */
export default defineCodeRule({
  id: 'precheck-rwx-network-ip-availability',
  title: 'Pre-check RWX-Network-IP-Availability: a dedicated RWX network needs a free IP',
  description:
    'Check 20 of the upgrade-helpers pre-check script: when the rwx-network setting (v1.5+) configures a dedicated network ("share-storage-network": false with a "network" range), the Whereabouts IPPool of that range (kube-system/<range with / as ->) must have at least 1 free IP. No rwx-network, one without a range, or one that shares the storage network (counted by check 19) passes. Free IPs are counted exactly over the IPv4 range, its exclusions and the allocations; IPv6 ranges are skipped.',
  severity: 'high',
  component: 'network',
  tags: ['precheck', 'upgrade', 'network'],
  references: [PRECHECK_SCRIPT, STORAGE_NETWORK_DOCS],
  whyCode: {
    needs: ['json-in-string', 'address-arithmetic'],
    because: 'the range is JSON nested in the setting value, the pool is named after it, and the free addresses need IPv4 arithmetic over the range, its exclusions and the allocation map',
  },
  inputs: {
    settings: { resource: { group: 'harvesterhci.io', resource: 'settings', namespace: null }, required: true },
    ipPools: { resource: { group: 'whereabouts.cni.cncf.io', resource: 'ippools' }, required: false },
  },
  evaluate: async (context) => {
    const rwxNetwork = context.inputs.settings.find((setting) => setting.metadata.name === 'rwx-network');
    const value = settingValue(rwxNetwork);
    if (!rwxNetwork || value === '' || rwxSharing(rwxNetwork, undefined)) return [];
    const config = parseJsonObject(value);
    if (!config) {
      return context.skip('unreadable', `the rwx-network setting value is not JSON (${value}); check it with kubectl get settings.harvesterhci.io rwx-network -o jsonpath='{.value}'`);
    }
    // Harvester nests the dedicated network under "network"; a flat value is read the same way.
    const nested = parseNested(config.network);
    const network = networkRange(nested) ?? networkRange(config);
    if (!network) return [];
    const unsupported = unsupportedRange(network);
    if (unsupported) {
      return context.skip('unreadable', `${unsupported}; count the free addresses of kubectl get ippools.whereabouts.cni.cncf.io -n kube-system ${whereaboutsPoolName(network.range)} -o yaml by hand`);
    }
    const pool = findIpPool(context, context.inputs.ipPools, network, 'dedicated RWX network');
    const capacity = poolCapacity(network, poolAllocations(pool));
    if (capacity.free >= 1) return [];

    const poolName = `kube-system/${pool.metadata.name}`;
    const wider = widerRange(network, capacity.allocated + 1);
    const widened = wider ? (networkRange(nested) ? { ...config, network: { ...nested, range: wider } } : { ...config, range: wider }) : undefined;
    return [
      {
        status: 'fail',
        message: `RWX-Network-IP-Availability Test: Failed — the dedicated RWX network ${network.range} has no free IP; the upgrade needs at least 1 (IPPool ${poolName}: ${capacity.usable} usable, ${capacity.allocated} allocated)`,
        evidence: [await context.evidence(rwxNetwork, settingPointer(rwxNetwork)), await context.evidence(pool, '/spec/allocations')],
        subject: rwxNetwork,
        remediation: {
          summary: `Free at least one address of the dedicated RWX network before upgrading: widen its range${network.exclude.length > 0 ? ' or drop exclusions' : ''} in the rwx-network setting, then run the pre-check again.`,
          steps: [
            'Stop the workloads that use RWX volumes: changing the rwx-network setting restarts the Longhorn share-manager and CSI plugin pods on it.',
            wider
              ? `Set the range of the rwx-network setting to ${wider}, if those addresses are free on the RWX VLAN${network.exclude.length > 0 ? '; or remove entries from "exclude"' : ''}.`
              : 'Set a wider range in the rwx-network setting.',
            'Wait until the setting is configured again, start the workloads, and run the pre-check.',
          ],
          commands: [`kubectl get ippools.whereabouts.cni.cncf.io -n kube-system ${pool.metadata.name} -o jsonpath='{.spec.allocations}'`],
          ...(widened ? { patch: { target: rwxNetwork, operations: [{ op: 'replace' as const, path: '/value', value: JSON.stringify(widened) }] } } : {}),
        },
      },
    ];
  },
});

function parseNested(value: unknown): Fields | undefined {
  if (typeof value === 'string') return parseJsonObject(value);
  return isRecord(value) ? value : undefined;
}
