import type { BundleBuilder } from '../../../packages/rules/src/testing/bundle-builder.js';
import { formatJournalLine, instantNanos, podLogTimestamp } from '../../../packages/rules/src/testing/log-lines.js';
import { fleetAgentProfile } from './fleet.js';
import { harvesterProfile, harvesterWebhookProfile } from './harvester.js';
import { kernelProfile } from './kernel.js';
import { kubeletProfile } from './kubelet.js';
import { virtHandlerProfile } from './kubevirt.js';
import { formatLine } from './line-formats.js';
import { longhornCsiProfile, longhornManagerProfile } from './longhorn.js';
import type { LogProfile, Placement, ProfileLevel } from './profile.js';
import { rancherProfile } from './rancher.js';
import { helmInstallProfile, rke2Profile } from './rke2.js';
import { Variables } from './variables.js';

/** Every profile: Harvester, its webhook, Longhorn, Fleet, Rancher, KubeVirt, kubelet, rke2, helm-controller, kernel. */
export const LOG_PROFILES: readonly LogProfile[] = [
  harvesterProfile,
  harvesterWebhookProfile,
  longhornManagerProfile,
  longhornCsiProfile,
  fleetAgentProfile,
  rancherProfile,
  virtHandlerProfile,
  kubeletProfile,
  rke2Profile,
  helmInstallProfile,
  kernelProfile,
];

/** A generated line and the truth about it. */
export interface LabelledLine {
  /** The template that wrote it (`longhorn/volume-sync-error`). */
  template: string;
  level: ProfileLevel;
  component: string;
  /** Bundle path of the log it goes to (node logs: `nodes/<node>.zip!/<node>/logs/<file>`). */
  path: string;
  /** The line as it is in that file (kubelet or journal prefix included). */
  line: string;
  /** RFC 3339 with milliseconds. */
  time: string;
}

export interface LabelledLogsOptions {
  seed: number;
  /** Lines per template (each template gets this many, at random times). */
  linesPerTemplate: number;
  /** The bundle's creation time; lines fall in the `spanHours` before it. */
  createdAt: string;
  spanHours?: number;
  nodes?: readonly string[];
  profiles?: readonly LogProfile[];
  /**
   * Templates written as loops instead: every `intervalSeconds`, `count` times, ending
   * `endMinutesBefore` the bundle was created.
   */
  loops?: { template: string; intervalSeconds: number; count: number; endMinutesBefore?: number }[];
}

/**
 * Lines from every profile, each labelled with its template, grouped by the file they go to and
 * in time order within each file (as a real log is).
 */
export function labelledLogs(options: LabelledLogsOptions): LabelledLine[] {
  const v = new Variables(options.seed, options.nodes);
  const created = Date.parse(options.createdAt);
  const span = (options.spanHours ?? 6) * 3600_000;
  const lines: LabelledLine[] = [];
  for (const profile of options.profiles ?? LOG_PROFILES) {
    // One pod per profile; node logs spread over the nodes.
    const podPlacement = profile.placement(v);
    for (const template of profile.templates) {
      const loop = options.loops?.find((candidate) => candidate.template === template.id);
      const times = loop
        ? Array.from({ length: loop.count }, (_, index) => created - (loop.endMinutesBefore ?? 5) * 60_000 - (loop.count - 1 - index) * loop.intervalSeconds * 1000 + v.int(0, 400))
        : Array.from({ length: options.linesPerTemplate }, () => created - v.int(1000, span));
      const node = v.node();
      for (const at of times) {
        const time = new Date(at).toISOString();
        const placement = podPlacement.kind === 'pod' ? podPlacement : profile.placement(v);
        const lineNode = loop ? node : v.node();
        const text = formatLine(template.format ?? profile.format, template, v, time, profile.componentName);
        lines.push({ template: template.id, level: template.level, component: profile.component, path: pathOf(placement, lineNode), line: fileLine(placement, lineNode, time, text), time });
      }
    }
  }
  return lines.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.time < b.time ? -1 : a.time > b.time ? 1 : 0));
}

function pathOf(placement: Placement, node: string): string {
  if (placement.kind === 'pod') return `logs/${placement.namespace}/${placement.pod}/${placement.container}.log`;
  return `nodes/${node}.zip!/${node}/logs/${placement.file}`;
}

function fileLine(placement: Placement, node: string, time: string, text: string): string {
  if (placement.kind === 'pod') return `${podLogTimestamp(instantNanos(time))} ${text}`;
  if (placement.kind === 'journal') return formatJournalLine({ time, identifier: placement.identifier, text }, node, true);
  return text;
}

/**
 * Writes labelled lines into a bundle: pod logs are appended to (or create) their container
 * logs; each node log a profile writes is replaced by the profile's lines.
 */
export function addLabelledLogs(builder: BundleBuilder, lines: readonly LabelledLine[]): void {
  const byPath = new Map<string, LabelledLine[]>();
  for (const line of lines) byPath.set(line.path, [...(byPath.get(line.path) ?? []), line]);
  for (const [path, fileLines] of byPath) {
    const pod = /^logs\/([^/]+)\/([^/]+)\/([^/]+)\.log$/.exec(path);
    if (pod) {
      builder.addPodLog(pod[1]!, pod[2]!, pod[3]!, fileLines.map((line) => ({ time: line.time, text: line.line.slice(line.line.indexOf(' ') + 1) })));
      continue;
    }
    const node = /^nodes\/([^/]+)\.zip!\/[^/]+\/(logs\/.+)$/.exec(path);
    if (node) builder.addNodeFile(node[1]!, node[2]!, `${fileLines.map((line) => line.line).join('\n')}\n`);
  }
}
