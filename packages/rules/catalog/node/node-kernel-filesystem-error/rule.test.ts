import { describeNodeHealthCheck } from '../../../../../testdata/generator/fault-support/node-health-check.js';
import { kernelMessages } from '../../../../../testdata/generator/fault-support/node-health.js';
import { nodeKernelFilesystemError } from './fault.js';

describeNodeHealthCheck({
  id: 'node-kernel-filesystem-error',
  source: 'kernel-log',
  fault: (cluster) => nodeKernelFilesystemError(cluster),
  // ext4's routine lines about the same device: mounted, re-mounted, no error.
  nearMiss: (cluster) =>
    kernelMessages(cluster, cluster.nodes[1]!.name, [
      [25, 'EXT4-fs (sdc): mounted filesystem with ordered data mode. Opts: (null). Quota mode: none.'],
      [24, 'EXT4-fs (sdc): re-mounted. Opts: (null). Quota mode: none.'],
    ]),
  status: 'fail',
  message: (named) => {
    const node = named as string;
    return `Filesystem errors in the 24 hours before the bundle, the last 25m before it: EXT4-fs error on sdc (${node}); Aborting journal on sdc (${node}); Remounting filesystem read-only on sdc (${node})`;
  },
  file: 'logs/kernel.log',
  proof: 'EXT4-fs error (device sdc)',
});
