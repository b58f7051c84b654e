/**
 * The hung-task detector reports a task blocked in I/O on a node (`task` jbd2/sda5-8, the journal
 * of COS_PERSISTENT, by default), `minutesBefore` 20 minutes before the bundle.
 */
import type { GeneratedCluster } from '../../../../../testdata/generator/healthy-cluster.js';
import { faultNode, kernelMessages } from '../../../../../testdata/generator/fault-support/node-health.js';

export function nodeKernelHungTask(cluster: GeneratedCluster, options: { node?: string; task?: string; minutesBefore?: number } = {}): string {
  const node = options.node ?? faultNode(cluster);
  const task = options.task ?? 'jbd2/sda5-8';
  const minutes = options.minutesBefore ?? 20;
  kernelMessages(cluster, node, [
    [minutes, `INFO: task ${task}:512 blocked for more than 120 seconds.`],
    [minutes, '      Not tainted 5.14.21-150500.55.88-default #1'],
    [minutes, '"echo 0 > /proc/sys/kernel/hung_task_timeout_secs" disables this message.'],
    [minutes, `task:${task} state:D stack:    0 pid:  512 ppid:     2 flags:0x00004000`],
  ]);
  return node;
}
