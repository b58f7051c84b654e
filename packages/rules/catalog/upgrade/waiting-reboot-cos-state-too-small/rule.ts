import type { KubeObject, LogFile } from '@bundle-triage/core';
import type { CodeFinding, NodeFile } from '../../../src/rule/rule.js';
import { defineCodeRule } from '../../../src/rule/rule.js';
import { escapeSegment } from '../../../src/match/located.js';
import { fieldOf, recordOf, textOf } from '../../../src/rule/object-fields.js';

const PASSIVE_BOOT = String.raw`Command line: .*cos-img/filename=/cOS/passive\.img`;

/** S31: a node stuck in "Waiting Reboot" because it booted the fallback (passive) OS image. */
export default defineCodeRule({
  id: 'waiting-reboot-cos-state-too-small',
  signature: 'S31',
  title: 'Node stuck in "Waiting Reboot": it fell back to the previous OS (corrupt active.img, COS_STATE too small)',
  description:
    'After the OS upgrade a node reboots into the new active.img; when the image is corrupt (COS_STATE too small for the new image, #7457) the boot falls back to passive.img, the node comes back on the old release and the upgrade waits in "Waiting Reboot" forever. The rule fails when a node of the latest Upgrade is in "Waiting Reboot" and the kernel log of its node bundle shows a boot from /cOS/passive.img, and warns when only its harvester-release.yaml still shows an older release than the Upgrade. /proc/cmdline is not collected; the kernel log\'s "Command line:" is the closest evidence. Where the node\'s supportconfig was collected (Harvester v1.2.0 and later), the finding also cites the size of its COS_STATE filesystem (df -h of /run/initramfs/cos-state).',
  severity: 'critical',
  component: 'upgrade',
  tags: ['upgrade', 'os', 'elemental'],
  versions: 'v1.4.0 → v1.4.1 (#7457, #7493, #7518); v1.7.x → v1.8.x requires COS_STATE ≥ 15 GB (#10687)',
  appliesTo: { harvester: '>=1.4.0 <1.4.2 || >=1.7.0 <1.9.0' },
  detectability: 'partial',
  detectabilityNote: 'The fallback boot is read from the kernel log and the installed release from harvester-release.yaml; the COS_STATE size only where the node\'s supportconfig was collected.',
  references: [
    { title: 'harvester/harvester#7457: node stuck in Waiting Reboot, booted the passive image', url: 'https://github.com/harvester/harvester/issues/7457' },
    { title: 'harvester/harvester#7493: upgrade v1.4.0 → v1.4.1 stuck in Waiting Reboot', url: 'https://github.com/harvester/harvester/issues/7493' },
    { title: 'harvester/harvester#7518: corrupt active.img after upgrade', url: 'https://github.com/harvester/harvester/issues/7518' },
    { title: 'harvester/harvester#10687: COS_STATE must be at least 15 GB for v1.8', url: 'https://github.com/harvester/harvester/issues/10687' },
    { title: 'Harvester docs: upgrade from v1.4.0 to v1.4.1, known issue 3', url: 'https://docs.harvesterhci.io/v1.4/upgrade/v1-4-0-to-v1-4-1' },
    { title: 'harvester/upgrade-helpers: pre-check check_cos_state_partition_size', url: 'https://github.com/harvester/upgrade-helpers' },
  ],
  whyCode: {
    needs: ['node-file-of-object'],
    because: 'each node in "Waiting Reboot" (a key of status.nodeStatuses) must be joined with the files of its own node bundle (kernel.log, harvester-release.yaml); node-file inputs read a path of every node, not of a node an object names',
  },
  inputs: {
    upgrades: { resource: { group: 'harvesterhci.io', resource: 'upgrades', namespace: 'harvester-system' } },
    // Only adds the COS_STATE size to what the rule proves otherwise.
    filesystems: { supportconfig: { fact: 'filesystems' }, required: false },
  },
  reads: ['node-files'],
  evaluate: async (context) => {
    const upgrade = context.inputs.upgrades.find((candidate) => candidate.metadata.labels?.['harvesterhci.io/latestUpgrade'] === 'true');
    if (!upgrade) return [];
    const nodeStatuses = recordOf(upgrade, 'status.nodeStatuses');
    const waiting = Object.keys(nodeStatuses).filter((node) => fieldOf(nodeStatuses[node], 'state') === 'Waiting Reboot');
    if (waiting.length === 0) return [];
    const target = textOf(upgrade, 'spec.version') ?? '';
    const findings: CodeFinding[] = [];
    const unreadable: string[] = [];
    for (const node of waiting) {
      const stateEvidence = await context.evidence(upgrade, `/status/nodeStatuses/${escapeSegment(node)}/state`);
      const kernel = context.nodeFiles(node, 'logs/kernel.log').map((file) => file.log);
      let passive: { file: LogFile; line: number; raw: string } | undefined;
      for (const file of kernel) {
        for await (const match of file.grep(context.pattern(PASSIVE_BOOT), { prefilter: 'passive.img', signal: context.signal })) {
          passive = { file, line: match.line, raw: match.raw };
        }
      }
      const release = await installedRelease(context.nodeFiles(node, 'configs/etc/harvester-release.yaml')[0]);
      // Without the node's bundle neither the boot image nor the installed release can be read:
      // that is "cannot tell", not "fine".
      // A node that can be read still reports what it shows; the rule is skipped only when
      // nothing was found (below).
      if (kernel.length === 0 && !release) {
        unreadable.push(node);
        continue;
      }
      const stillOld = release !== undefined && target !== '' && release.version !== target;
      if (!passive && !stillOld) continue;
      const evidence = [stateEvidence];
      if (passive) evidence.push(context.logEvidence(passive.file, passive.line, passive.raw));
      if (stillOld && release) evidence.push(context.logEvidence({ path: release.path }, release.line, release.raw));
      const releaseText = release ? `harvester-release.yaml still shows ${release.version}` : 'its release file was not collected';
      const state = context.inputs.filesystems.find((fs) => fs.node === node && fs.role === 'cos-state');
      if (state) evidence.push(await context.factEvidence(state));
      const stateText = state ? `; its COS_STATE filesystem is ${textOf(state, 'size') ?? '?'} (${textOf(state, 'used') ?? '?'} used, df -h)` : '';
      findings.push({
        status: passive ? 'fail' : 'warn',
        message: passive
          ? `Node ${node} is stuck in "Waiting Reboot" for upgrade ${upgrade.metadata.name} to ${target}: it booted the fallback image /cOS/passive.img (${passive.raw.includes('upgrade_failure') ? 'upgrade_failure set' : 'previous OS'}) and ${releaseText}${stateText}.`
          : `Node ${node} is in "Waiting Reboot" for upgrade ${upgrade.metadata.name} to ${target} but its ${releaseText}${stateText}: it may have fallen back to the previous OS.`,
        evidence,
        remediation: {
          summary:
            'Restore a bootable active image and redo the OS upgrade with a smaller system image, following known issue 3 of the v1.4.0 → v1.4.1 upgrade notes (v1.7 → v1.8: re-install the node to get a 15 GB COS_STATE).',
          steps: [
            'Make passive.img sparse: fallocate --dig-holes /run/initramfs/cos-state/cOS/passive.img (after remounting COS_STATE read-write).',
            'Copy passive.img over active.img and relabel it: tune2fs -L COS_ACTIVE /run/initramfs/cos-state/cOS/active.img; reboot.',
            `Re-run elemental upgrade from the ${target} rootfs.squashfs with upgrade.system.size: 3072.`,
          ],
          commands: ['mount -o remount,rw /run/initramfs/cos-state', 'fallocate --dig-holes /run/initramfs/cos-state/cOS/passive.img', 'tune2fs -L COS_ACTIVE /run/initramfs/cos-state/cOS/active.img'],
        },
      });
    }
    if (findings.length === 0 && unreadable.length > 0) {
      context.skip('missing-input', `${unreadable.length === 1 ? `node ${unreadable[0]} is` : `nodes ${unreadable.join(', ')} are`} in "Waiting Reboot" for upgrade ${upgrade.metadata.name}, but ${unreadable.length === 1 ? 'its node bundle was' : 'their node bundles were'} not collected, so ${unreadable.length === 1 ? 'its boot image and installed release' : 'their boot images and installed releases'} cannot be read`);
    }
    return findings;
  },
});

/** The `harvester:` line of the node's configs/etc/harvester-release.yaml. */
async function installedRelease(release: NodeFile | undefined): Promise<{ version: string; path: string; line: number; raw: string } | undefined> {
  if (!release) return undefined;
  const file = release.log;
  for await (const line of file.lines()) {
    const match = /^harvester:\s*['"]?([^'"\s]+)/.exec(line.raw);
    if (match) return { version: match[1]!, path: file.path, line: line.line, raw: line.raw };
  }
  return undefined;
}
