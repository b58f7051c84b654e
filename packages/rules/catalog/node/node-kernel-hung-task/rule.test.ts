import { describeNodeHealthCheck } from '../../../../../testdata/generator/fault-support/node-health-check.js';
import { nodeKernelHungTask } from './fault.js';

describeNodeHealthCheck({
  id: 'node-kernel-hung-task',
  source: 'kernel-log',
  fault: (cluster) => nodeKernelHungTask(cluster),
  // The same hang two days before the bundle: information.
  nearMiss: (cluster) => nodeKernelHungTask(cluster, { minutesBefore: 2 * 24 * 60 }),
  nearMissOutcome: 'info',
  status: 'warn',
  message: (node) =>
    `1 hung task report(s) on ${node as string} in the 24 hours up to the bundle, the last one 20m before it: jbd2/sda5-8 (pid 512) blocked in uninterruptible I/O for more than 120 seconds`,
  file: 'logs/kernel.log',
  proof: 'INFO: task jbd2/sda5-8:512 blocked for more than 120 seconds.',
});
