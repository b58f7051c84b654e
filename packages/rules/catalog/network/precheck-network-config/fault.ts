/**
 * Pre-check 21 (v1.6.x): a node whose /oem network configuration predates the layout the upgrade
 * reads, as on clusters installed with v1.0 and upgraded since: only /oem/99_custom.yaml (never
 * renamed to 90_custom.yaml), or a harvester.config still in the v1.0 schema
 * (install.networks.harvester-mgmt), or one without a management interface at all.
 */
import type { BundleBuilder } from '../../../src/testing/bundle-builder.js';
import { setServerVersion } from '../../../../../testdata/generator/fault-support/fleet-chart-status.js';

const REFORMATTED = '# Note: this file is re-formatted by support-bundle-kit collector.\n';

export type NetworkConfigFault = '99-custom' | 'v1.0-schema' | 'no-management-interface' | 'no-harvester-config';

export interface NetworkConfigOptions {
  fault?: NetworkConfigFault;
  /** Near miss: the v1.1+ spelling install.management_interface instead of managementinterface. */
  underscoreSpelling?: boolean;
  /** Which node (default the first). */
  node?: string;
}

/** Breaks the oem files of one node on a v1.6.1 cluster; returns the node's name. */
export function precheckNetworkConfig(builder: BundleBuilder, options: NetworkConfigOptions = {}): string {
  setServerVersion(builder, 'v1.6.1');
  const node = options.node ?? builder.listObjects('v1', 'Node')[0]!.metadata.name;
  const fault = options.underscoreSpelling ? undefined : options.fault ?? '99-custom';
  if (options.underscoreSpelling) builder.addNodeFile(node, 'configs/oem/harvester.config', harvesterConfig(node, 'management_interface'));
  if (fault === '99-custom') {
    builder.removeNodeFile(node, 'configs/oem/90_custom.yaml');
    builder.addNodeFile(node, 'configs/oem/99_custom.yaml', `${REFORMATTED}name: Harvester Configuration\nstages:\n  initramfs:\n    - commands:\n        - modprobe kvm\n      hostname: ${node}\n      users:\n        rancher:\n          passwd: '***'\n`);
  }
  if (fault === 'v1.0-schema') builder.addNodeFile(node, 'configs/oem/harvester.config', harvesterConfig(node, 'networks'));
  if (fault === 'no-management-interface') builder.addNodeFile(node, 'configs/oem/harvester.config', harvesterConfig(node, undefined));
  if (fault === 'no-harvester-config') builder.removeNodeFile(node, 'configs/oem/harvester.config');
  return node;
}

/** harvester.config as the installer wrote it and the kit re-formatted it, with the management network in the given form. */
function harvesterConfig(node: string, management: 'managementinterface' | 'management_interface' | 'networks' | undefined): string {
  const network =
    management === 'networks'
      ? '  networks:\n    harvester-mgmt:\n      interfaces:\n        - name: eno1\n      method: dhcp\n'
      : management
        ? `  ${management}:\n    interfaces:\n      - name: eno1\n    method: dhcp\n`
        : '';
  return `${REFORMATTED}serverurl: ""\ntoken: '***'\nos:\n  hostname: ${node}\n  password: '***'\n  ntpservers:\n    - 0.suse.pool.ntp.org\ninstall:\n  mode: create\n${network}  device: /dev/sda\n  vip: 192.168.122.100\n  vipmode: static\n`;
}
