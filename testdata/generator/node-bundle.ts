/**
 * The node bundle (`nodes/<node>.zip`) that `collector-harvester` writes on each node
 * (bundle-format.md §1.7): configs under `configs/etc` and `configs/oem` (secrets masked, the
 * kit's re-format comment on YAML files), journal logs, copies of kubelet/containerd/console
 * logs, and the node's supportconfig (supportconfig.ts). The kit profile decides which of them a
 * given kit writes and where.
 */
import type { JournalLine } from '../../packages/rules/src/testing/log-lines.js';
import type { ClusterContext, ClusterNode } from './cluster-context.js';
import { versionAtLeast } from './harvester-releases.js';
import { healthyNodeHealth, supportconfigFiles, type NodeHealth } from './supportconfig.js';

const REFORMATTED = '# Note: this file is re-formatted by support-bundle-kit collector.\n';

export interface NodeBundleOptions {
  /** Boots before this one whose kernel journal is still on the node (`kernel.log.1`, `kernel.log.2`). */
  previousBoots: number;
}

export function addNodeBundles(context: ClusterContext, options: NodeBundleOptions = { previousBoots: 0 }): void {
  for (const node of context.nodes) addNodeBundle(context, node, options);
}

function addNodeBundle(context: ClusterContext, node: ClusterNode, options: NodeBundleOptions): void {
  const { builder, release, random } = context;
  const name = node.name;
  const file = (path: string, content: string) => builder.addNodeFile(name, path, content);

  file('configs/etc/hostname', `${name}\n`);
  file(
    'configs/etc/os-release',
    [
      'NAME="SLE Micro"',
      'VERSION="5.5"',
      'VERSION_ID="5.5"',
      `PRETTY_NAME="Harvester ${release.harvester}"`,
      'ID="sle-micro-rancher"',
      'ID_LIKE="suse"',
      'ANSI_COLOR="0;32"',
      'CPE_NAME="cpe:/o:suse:sle-micro-rancher:5.5"',
      `VARIANT_ID="Harvester-${release.releaseDate}"`,
      `GRUB_ENTRY_NAME="Harvester ${release.harvester}"`,
      '',
    ].join('\n'),
  );
  file(
    'configs/etc/harvester-release.yaml',
    [
      `harvester: ${release.harvester}`,
      `harvesterChart: ${release.chart}`,
      `os: Harvester ${release.harvester}`,
      `kubernetes: ${release.kubernetes}`,
      `rancher: ${release.rancher}`,
      `monitoringChart: ${release.monitoringChart}`,
      `loggingChart: ${release.loggingChart}`,
      `kubevirt: ${release.kubevirt}`,
      `minUpgradableVersion: '${release.minUpgradableVersion}'`,
      '',
    ].join('\n'),
  );
  file('configs/etc/rancher/agent/cattle-id', random.podSuffix(54));
  file(
    'configs/etc/rancher/agent/config.yaml',
    `${REFORMATTED}workDirectory: /var/lib/rancher/agent/work\nappliedPlanDirectory: /var/lib/rancher/agent/applied\nremoteEnabled: true\nlocalEnabled: true\nlocalPlanDirectory: /var/lib/rancher/agent/plans\npreserveWorkDirectory: true\nconnectionInfoFile: /var/lib/rancher/agent/rancher2_connection_info.json\n`,
  );
  file('configs/etc/rancher/installer/env', 'HARVESTER_DASHBOARD="true"\nKUBECONFIG="/etc/rancher/rke2/rke2.yaml"\nPATH="/var/lib/rancher/rke2/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"\n');
  file(
    'configs/etc/rancher/rancherd/config.yaml',
    `${REFORMATTED}role: ${context.nodes[0] === node ? 'cluster-init' : node.controlPlane ? 'server' : 'agent'}\ntoken: "***"\nkubernetesVersion: ${release.kubernetes}\nrancherVersion: ${release.rancher}\nlabels:\n  - harvesterhci.io/managed=true\n`,
  );
  file(
    'configs/etc/rancher/rke2/config.yaml.d/50-rancher.yaml',
    `${REFORMATTED}{"agent-token": "***", "cni": "multus,canal", "node-label": ["rke.cattle.io/machine=${node.systemUuid}"], "token": "***"}\n`,
  );
  file(
    'configs/etc/rancher/rke2/config.yaml.d/90-harvester-server.yaml',
    `${REFORMATTED}cni: multus,canal\ncluster-cidr: 10.52.0.0/16\nservice-cidr: 10.53.0.0/16\ncluster-dns: 10.53.0.10\ntls-san:\n  - ${context.vip}\naudit-policy-file: /etc/rancher/rke2/config.yaml.d/92-harvester-kube-audit-policy.yaml\n`,
  );
  file(
    'configs/oem/90_custom.yaml',
    `${REFORMATTED}name: Harvester Configuration\nstages:\n  initramfs:\n    - commands:\n        - modprobe kvm\n      hostname: ${name}\n      users:\n        rancher:\n          passwd: '***'\n`,
  );
  file(
    'configs/oem/harvester.config',
    `${REFORMATTED}schemeversion: 1\nserverurl: ${context.nodes[0] === node ? '""' : `https://${context.vip}:443`}\ntoken: '***'\nos:\n  hostname: ${name}\n  password: '***'\n  ntpservers:\n    - 0.suse.pool.ntp.org\ninstall:\n  mode: ${context.nodes[0] === node ? 'create' : 'join'}\n  managementinterface:\n    interfaces:\n      - name: eno1\n    method: dhcp\n  device: /dev/sda\n  vip: ${context.vip}\n  vipmode: static\n`,
  );

  const booted = context.at(context.nodes.indexOf(node) * 40);
  const at = (offsetSeconds: number): string => new Date(Date.parse(booted) + offsetSeconds * 1000 + (offsetSeconds % 7) * 137).toISOString();
  const journal = (identifier: string, entries: [number, string][]): JournalLine[] =>
    entries.map(([seconds, text]) => ({ time: at(seconds), identifier, text }));

  builder.addNodeLog(name, 'kernel.log', [
    ...journal('kernel', [
      [0, 'Linux version 5.14.21-150500.55.88-default (geeko@buildhost) (gcc (SUSE Linux) 7.5.0, GNU ld (GNU Binutils; SUSE Linux Enterprise 15) 2.41.0.20230908-150100.7.46) #1 SMP PREEMPT_DYNAMIC Wed Nov 20 12:10:32 UTC 2024 (bd7b4e3)'],
      [0, 'Command line: BOOT_IMAGE=(loop0)/boot/vmlinuz console=tty1 root=LABEL=COS_STATE cos-img/filename=/cOS/active.img panic=0 net.ifnames=1 rd.cos.oemlabel=COS_OEM rd.cos.mount=LABEL=COS_OEM:/oem rd.emergency=reboot rd.shell=0 systemd.crash_reboot'],
      [1, 'x86/fpu: Supporting XSAVE feature 0x001: \'x87 floating point registers\''],
      [3, 'iscsi: registered transport (tcp)'],
      [9, 'EXT4-fs (sda5): mounted filesystem with ordered data mode. Opts: (null). Quota mode: none.'],
      // Benign on a healthy server: the BMC's empty virtual CD-ROM fails a read, the uplink comes up once.
      [12, 'sr 0:0:0:0: [sr0] tag#0 FAILED Result: hostbyte=DID_OK driverbyte=DRIVER_OK cmd_age=0s'],
      [12, 'I/O error, dev sr0, sector 0 op 0x0:(READ) flags 0x80700 phys_seg 1 prio class 2'],
      [38, 'ixgbe 0000:3b:00.0 eno1: NIC Link is Up 10 Gbps, Flow Control: RX/TX'],
      [41, 'IPv6: ADDRCONF(NETDEV_CHANGE): mgmt-br: link becomes ready'],
      [300, 'scsi host2: iSCSI Initiator over TCP/IP'],
      [301, 'sd 2:0:0:1: [sdb] 41943040 512-byte logical blocks: (21.5 GB/20.0 GiB)'],
    ]),
  ]);
  for (let boot = 1; boot <= options.previousBoots; boot += 1) {
    // `journalctl -k -b -<n>`: an earlier boot of the same node, ending in a clean shutdown.
    const bootedBefore = new Date(Date.parse(booted) - boot * 7 * 24 * 3_600_000).toISOString();
    const before = (seconds: number) => new Date(Date.parse(bootedBefore) + seconds * 1000).toISOString();
    builder.addNodeLog(name, `kernel.log.${boot}`, [
      { time: before(0), identifier: 'kernel', text: 'Linux version 5.14.21-150500.55.83-default (geeko@buildhost) (gcc (SUSE Linux) 7.5.0, GNU ld (GNU Binutils; SUSE Linux Enterprise 15) 2.41.0.20230908-150100.7.46) #1 SMP PREEMPT_DYNAMIC Tue Oct 22 09:13:04 UTC 2024 (f2d4d36)' },
      { time: before(9), identifier: 'kernel', text: 'EXT4-fs (sda5): mounted filesystem with ordered data mode. Opts: (null). Quota mode: none.' },
      { time: before(41), identifier: 'kernel', text: 'IPv6: ADDRCONF(NETDEV_CHANGE): mgmt-br: link becomes ready' },
      { time: before(6 * 24 * 3600), identifier: 'kernel', text: 'mgmt-br: port 1(eno1) entered disabled state' },
    ]);
  }
  builder.addNodeLog(name, 'rke2-server.log', node.controlPlane
    ? journal(`rke2[${2100 + context.nodes.indexOf(node)}]`, [
        [60, `time="${at(60).slice(0, 19)}Z" level=info msg="Starting rke2 ${release.kubernetes} (${random.hex(8)})"`],
        [61, `time="${at(61).slice(0, 19)}Z" level=info msg="Managed etcd cluster ${context.nodes[0] === node ? 'initializing' : 'joining'}"`],
        [95, `time="${at(95).slice(0, 19)}Z" level=info msg="Labels and annotations have been set successfully on node: ${name}"`],
        [96, `time="${at(96).slice(0, 19)}Z" level=info msg="rke2 is up and running"`],
      ])
    : ['-- No entries --']);
  builder.addNodeLog(name, 'rke2-agent.log', node.controlPlane ? ['-- No entries --'] : journal('rke2[2100]', [[60, `time="${at(60).slice(0, 19)}Z" level=info msg="Starting rke2 agent ${release.kubernetes}"`]]));
  builder.addNodeLog(name, 'rancherd.log', journal('rancherd[1840]', [
    [30, `time="${at(30).slice(0, 19)}Z" level=info msg="Loading config file [/etc/rancher/rancherd/config.yaml]"`],
    [31, `time="${at(31).slice(0, 19)}Z" level=info msg="Bootstrapping Rancher (${release.rancher}/${release.kubernetes})"`],
    [180, `time="${at(180).slice(0, 19)}Z" level=info msg="Successfully Bootstrapped Rancher (${release.rancher}/${release.kubernetes})"`],
  ]));
  builder.addNodeLog(name, 'rancher-system-agent.log', journal('rancher-system-agent[2410]', [
    [200, `time="${at(200).slice(0, 19)}Z" level=info msg="Rancher System Agent version v0.3.11 (${random.hex(7)}) is starting"`],
    [201, `time="${at(201).slice(0, 19)}Z" level=info msg="Starting remote watch of plans"`],
    [240, `time="${at(240).slice(0, 19)}Z" level=info msg="[Applyinator] No image provided, creating empty working directory /var/lib/rancher/agent/work/${random.hex(8)}"`],
  ]));
  builder.addNodeLog(name, 'iscsid.log', journal('systemd[1]', [[2, 'Starting Open-iSCSI...'], [2, 'Started Open-iSCSI.']]));
  // Harvester's OS manages the management bridge with wicked up to v1.6 and NetworkManager from v1.7.
  const bootId = random.uuid();
  if (usesNetworkManager(release.harvester)) {
    builder.addNodeLog(name, 'NetworkManager.log', journal('NetworkManager[1270]', [
      [5, `<info>  [1741320325.1234] NetworkManager (version 1.38.6) is starting... (boot:${bootId})`],
      [6, '<info>  [1741320326.4410] device (mgmt-br): state change: activated -> activated (reason \'none\', sys-iface-state: \'managed\')'],
      [7, `<info>  [1741320327.0031] dhcp4 (mgmt-br): state changed new lease, address=${node.ip}`],
    ]));
  } else {
    builder.addNodeLog(name, 'wicked.log', journal('wickedd-dhcp4[1208]', [
      [5, `mgmt-br: Request to acquire DHCPv4 lease with UUID ${bootId}`],
      [6, `mgmt-br: Committed DHCPv4 lease with address ${node.ip} (lease time 3600 sec, renew 1800 sec, rebind 3150 sec)`],
      [7, 'mgmt-br: link up'],
    ]));
  }
  const klogTime = (seconds: number) => {
    const iso = at(seconds);
    return `${iso.slice(5, 7)}${iso.slice(8, 10)} ${iso.slice(11, 23)}000`;
  };
  file('logs/kubelet.log', [
    `I${klogTime(70)}    3012 server.go:484] "Kubelet version" kubeletVersion="${release.kubernetes}"`,
    `I${klogTime(71)}    3012 kubelet_node_status.go:76] "Attempting to register node" node="${name}"`,
    `I${klogTime(75)}    3012 kubelet_node_status.go:79] "Successfully registered node" node="${name}"`,
    '',
  ].join('\n'));
  file('logs/containerd.log', [
    `time="${at(65)}" level=info msg="starting containerd" revision=${random.hex(40)} version=v1.7.23-k3s2`,
    `time="${at(66)}" level=info msg="containerd successfully booted in 0.041s"`,
    '',
  ].join('\n'));
  file('logs/console.log', `time="${at(20).slice(0, 19)}Z" level=info msg="Harvester ${release.harvester} console started"\n`);
  file('logs/containerd-images.log', `REF                                          TYPE                                                      DIGEST                                                                  SIZE      PLATFORMS   LABELS\ndocker.io/rancher/harvester:${release.harvester} application/vnd.docker.distribution.manifest.list.v2+json sha256:${random.hex(64)} 273.8 MiB linux/amd64 io.cri-containerd.image=managed\n`);
  // 6 + 58 draws, as the opaque stand-in this replaced drew, so every later value of the seed stays the same.
  const draws = Array.from({ length: 58 }, () => random.int(0, 255));
  const suffix = draws.slice(0, 6).map((draw) => SUFFIX_ALPHABET[draw % SUFFIX_ALPHABET.length]).join('');
  const health = healthyNodeHealth(node, release, builder.createdAt, context.nodes.indexOf(node));
  context.nodeHealth.set(name, health);
  builder.addSupportconfig(name, supportconfigFiles(node, release, builder.createdAt, health, suffix));
}

/** `tr -dc 'a-zA-Z0-9'`: the kit's suffix alphabet (v0.0.65+). */
const SUFFIX_ALPHABET = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

function usesNetworkManager(harvester: string): boolean {
  return /^v\d/.test(harvester) ? versionAtLeast(harvester, 'v1.7.0') : true;
}

/**
 * Changes what a node's supportconfig reports (a fuller disk, OOM kills, a failed unit) and
 * writes it again; for faults.
 */
export function updateNodeHealth(context: ClusterContext, nodeName: string, change: (health: NodeHealth) => void): void {
  const node = context.nodes.find((candidate) => candidate.name === nodeName);
  const health = context.nodeHealth.get(nodeName);
  if (!node || !health) throw new Error(`no node ${nodeName} with a supportconfig in this cluster`);
  change(health);
  const previous = context.builder.supportconfigSuffix(nodeName) ?? 'aB3dE9';
  context.builder.addSupportconfig(nodeName, supportconfigFiles(node, context.release, context.builder.createdAt, health, previous));
}
