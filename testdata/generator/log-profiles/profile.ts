/**
 * A log profile: the warning and error lines (and some routine ones) one Harvester component
 * really writes, as templates with their variable parts filled in from a seeded PRNG. Every
 * generated line carries the id of the template that wrote it, so a grouping can be scored
 * against the truth (the loghub grouping accuracy).
 *
 * Messages follow the components' code and real bundles (longhorn-manager's controller errors,
 * wrangler's `error syncing '…': handler …, requeuing`, controller-runtime's `Reconciler error`,
 * KubeVirt's JSON, kubelet's structured klog, kernel I/O and EXT4 errors).
 */
import type { Variables } from './variables.js';

export type ProfileLevel = 'fatal' | 'error' | 'warning' | 'info';

export interface TemplateSpec {
  /** The truth label: `<component>/<what>`. */
  id: string;
  level: ProfileLevel;
  /** The message as the code writes it. */
  message: (v: Variables) => string;
  /** Structured fields after the message (logrus `key=value`, JSON keys), in order. */
  fields?: (v: Variables) => [string, string][];
  /** klog's `file.go:line` and KubeVirt's `pos`. */
  site?: string;
  /** A line format other than the profile's (client-go's klog lines in a logrus log). */
  format?: LineFormat;
}

export type LineFormat =
  /** `time="…" level=… msg="…" key=value` */
  | 'logrus'
  /** `E0312 06:14:07.123456       1 file.go:123] message` */
  | 'klog'
  /** controller-runtime's zap JSON: `{"level":"error","ts":"…","msg":"…",…}` */
  | 'zap'
  /** KubeVirt's JSON: `{"component":"virt-handler","level":"error","msg":"…","pos":"…",…}` */
  | 'kubevirt'
  /** `2025/03/12 06:14:07 [ERROR] message` */
  | 'rancher'
  /** The message alone (kernel, shell output). */
  | 'plain';

/** Where a profile's lines go in a bundle. */
export type Placement =
  | { kind: 'pod'; namespace: string; pod: string; container: string }
  /** A journal log of the node bundle (`logs/<file>`), lines from `identifier`. */
  | { kind: 'journal'; file: string; identifier: string }
  /** A node log without journal stamps (`logs/kubelet.log`). */
  | { kind: 'node-file'; file: string };

export interface LogProfile {
  component: string;
  format: LineFormat;
  /** For KubeVirt's `component` field. */
  componentName?: string;
  placement: (v: Variables) => Placement;
  templates: TemplateSpec[];
}
