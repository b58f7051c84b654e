import type { KubeObject } from '@bundle-triage/core';
import { defineCodeRule } from '../../../src/rule/rule.js';
import { findIpPool, poolAllocations, poolCapacity, unsupportedRange, whereaboutsPoolName, widerRange } from '../../../src/catalog/support/ip-pool-capacity.js';
import { networkRange, parseJsonObject, rwxSharing, settingPointer, settingValue } from '../../../src/catalog/support/network-settings.js';
import { PRECHECK_SCRIPT, STORAGE_NETWORK_DOCS } from '../../../src/catalog/support/readiness-references.js';

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

/** Pre-check step 19: the upgrade starts new Longhorn managers, each needs a storage-network address. */
export default defineCodeRule({
  id: 'precheck-storage-network-ip-availability',
  title: 'Pre-check Storage-Network-IP-Availability: the storage network needs a free IP for each Longhorn manager',
  description:
    'Check 19 of the upgrade-helpers pre-check script: when the storage-network setting is set, the Whereabouts IPPool of its range (kube-system/<range with / as ->) must have at least as many free IPs as there are Longhorn instance managers plus backing image managers, and one more when RWX volumes share the storage network (rwx-network "share-storage-network": true, or before v1.5 the Longhorn setting storage-network-for-rwx-volume-enabled). RWX volumes set to share an empty storage network fail too. Free IPs are counted exactly: usable IPv4 addresses of the range, minus the excluded CIDRs, minus the allocations; IPv6 ranges are skipped.',
  severity: 'high',
  component: 'network',
  tags: ['precheck', 'upgrade', 'network'],
  references: [PRECHECK_SCRIPT, STORAGE_NETWORK_DOCS],
  whyCode: {
    needs: ['json-in-string', 'address-arithmetic'],
    because: 'the range is JSON inside the setting value, the pool is named after that range, and the free addresses need IPv4 arithmetic over the range, its exclusions and the allocation map',
  },
  inputs: {
    settings: { resource: { group: 'harvesterhci.io', resource: 'settings', namespace: null }, required: true },
    // No namespace on the inputs below: a namespace that was not collected must not skip the
    // "storage network not set" pass; the rule says itself when it needs one.
    longhornRwx: { resource: { group: 'longhorn.io', resource: 'settings', name: 'storage-network-for-rwx-volume-enabled' }, required: false },
    instanceManagers: { resource: { group: 'longhorn.io', resource: 'instancemanagers' }, required: false },
    backingImageManagers: { resource: { group: 'longhorn.io', resource: 'backingimagemanagers' }, required: false },
    ipPools: { resource: { group: 'whereabouts.cni.cncf.io', resource: 'ippools' }, required: false },
  },
  evaluate: async (context) => {
    const settings = context.inputs.settings;
    const storageNetwork = settings.find((setting) => setting.metadata.name === 'storage-network');
    const sharing = rwxSharing(
      settings.find((setting) => setting.metadata.name === 'rwx-network'),
      context.inputs.longhornRwx,
    );
    const value = settingValue(storageNetwork);

    if (value === '') {
      if (!sharing) return [];
      const evidence = [await context.evidence(sharing.setting, sharing.pointer)];
      if (storageNetwork) evidence.push(await context.evidence(storageNetwork));
      const isRwxNetwork = sharing.setting.metadata.name === 'rwx-network';
      const rwxConfig = isRwxNetwork ? parseJsonObject(settingValue(sharing.setting)) : undefined;
      return [
        {
          status: 'fail',
          message: `Storage-Network-IP-Availability Test: Failed — RWX volumes are set to share the storage network (${sharing.source}), but the storage-network setting is empty`,
          evidence,
          subject: sharing.setting,
          remediation: {
            summary:
              'Either configure the storage network (setting storage-network) before upgrading, or stop RWX volumes from sharing it, then run the pre-check again.',
            steps: [
              'To keep RWX volumes on a storage network: set storage-network to {"vlan":<id>,"clusterNetwork":"<cluster network>","range":"<CIDR>","exclude":[…]} with all VMs stopped (see the storage network docs).',
              isRwxNetwork
                ? 'Otherwise set "share-storage-network" to false in the rwx-network setting.'
                : 'Otherwise set the Longhorn setting storage-network-for-rwx-volume-enabled to false.',
            ],
            commands: ["kubectl get settings.harvesterhci.io storage-network rwx-network -o custom-columns=NAME:.metadata.name,VALUE:.value"],
            patch: {
              target: sharing.setting,
              operations: [{ op: 'replace', path: '/value', value: isRwxNetwork ? JSON.stringify({ ...rwxConfig, 'share-storage-network': false }) : 'false' }],
            },
          },
        },
      ];
    }

    const config = parseJsonObject(value);
    const network = networkRange(config);
    if (!config || !network) {
      return context.skip('unreadable', `the storage-network setting is set but its value is not JSON with a "range" (${value}); check it with kubectl get settings.harvesterhci.io storage-network -o jsonpath='{.value}'`);
    }
    const unsupported = unsupportedRange(network);
    if (unsupported) {
      return context.skip('unreadable', `${unsupported}; count the free addresses of kubectl get ippools.whereabouts.cni.cncf.io -n kube-system ${whereaboutsPoolName(network.range)} -o yaml by hand`);
    }
    if (!context.facts.collectedNamespaces.includes('longhorn-system')) {
      return context.skip('missing-input', 'namespace longhorn-system was not collected in this bundle, so the Longhorn instance managers and backing image managers that need storage-network addresses cannot be counted');
    }
    const pool = findIpPool(context, context.inputs.ipPools, network, 'storage network');
    const inLonghorn = (objects: readonly Readonly<KubeObject>[]) => objects.filter((object) => object.metadata.namespace === 'longhorn-system').length;
    const instanceManagers = inLonghorn(context.inputs.instanceManagers);
    const backingImageManagers = inLonghorn(context.inputs.backingImageManagers);
    const required = instanceManagers + backingImageManagers + (sharing ? 1 : 0);
    const capacity = poolCapacity(network, poolAllocations(pool));
    if (capacity.free >= required) return [];

    const poolName = `kube-system/${pool.metadata.name}`;
    const wider = widerRange(network, capacity.allocated + required);
    const evidence = [await context.evidence(storageNetwork!, settingPointer(storageNetwork!)), await context.evidence(pool, '/spec/allocations')];
    if (sharing) evidence.push(await context.evidence(sharing.setting, sharing.pointer));
    return [
      {
        status: 'fail',
        message:
          `Storage-Network-IP-Availability Test: Failed — the storage network ${network.range} has ${plural(capacity.free, 'free IP')} but the upgrade needs ${required} ` +
          `(${plural(instanceManagers, 'instance manager')} + ${plural(backingImageManagers, 'backing image manager')}${sharing ? ' + 1 for RWX volumes on the storage network' : ''}); ` +
          `IPPool ${poolName}: ${capacity.usable} usable, ${capacity.allocated} allocated`,
        evidence,
        subject: storageNetwork!,
        remediation: {
          summary: `Give the storage network at least ${required} free addresses before upgrading: the upgrade starts new Longhorn instance managers and backing image managers next to the running ones, and each takes an address from ${poolName}. Widen the range${network.exclude.length > 0 ? ' or drop exclusions' : ''}, then run the pre-check again.`,
          steps: [
            'Stop all VMs and wait until no Longhorn volume is attached: changing the storage-network setting restarts every Longhorn pod on it (see the storage network docs).',
            wider
              ? `Set "range" of the storage-network setting to ${wider} (${capacity.allocated + required} addresses needed after the restart), if those addresses are free on the storage VLAN${network.exclude.length > 0 ? '; or remove entries from "exclude"' : ''}.`
              : `Set a wider "range" in the storage-network setting: ${capacity.allocated + required} addresses are needed after the restart.`,
            'Wait until the setting is configured again (kubectl get settings.harvesterhci.io storage-network -o yaml, condition configured), start the VMs, and run the pre-check.',
          ],
          commands: [
            `kubectl get ippools.whereabouts.cni.cncf.io -n kube-system ${pool.metadata.name} -o jsonpath='{.spec.allocations}'`,
            'kubectl get instancemanagers.longhorn.io,backingimagemanagers.longhorn.io -n longhorn-system',
          ],
          ...(wider ? { patch: { target: storageNetwork!, operations: [{ op: 'replace' as const, path: '/value', value: JSON.stringify({ ...config, range: wider }) }] } } : {}),
        },
      },
    ];
  },
});
