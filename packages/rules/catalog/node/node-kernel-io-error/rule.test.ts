import { describeNodeHealthCheck } from '../../../../../testdata/generator/fault-support/node-health-check.js';
import { nodeKernelIoError } from './fault.js';

describeNodeHealthCheck({
  id: 'node-kernel-io-error',
  source: 'kernel-log',
  fault: (cluster) => nodeKernelIoError(cluster),
  // An empty virtual CD-ROM of the BMC: its I/O errors say nothing about the node's storage.
  nearMiss: (cluster) => nodeKernelIoError(cluster, { device: 'sr0' }),
  status: 'fail',
  message: (node) =>
    `2 I/O error(s) on sdb (${node as string}) in the 24 hours before the bundle, the last 40m before it: a local disk failing, or a Longhorn volume attached over iSCSI that lost its replicas`,
  file: 'logs/kernel.log',
  proof: 'I/O error, dev sdb, sector 2048 op 0x1:(WRITE)',
});
