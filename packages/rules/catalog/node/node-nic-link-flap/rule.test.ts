import { describeNodeHealthCheck } from '../../../../../testdata/generator/fault-support/node-health-check.js';
import { nodeNicLinkFlap } from './fault.js';

describeNodeHealthCheck({
  id: 'node-nic-link-flap',
  source: 'kernel-log',
  fault: (cluster) => nodeNicLinkFlap(cluster),
  // One down and up (a cable moved, a switch rebooted): not a flap.
  nearMiss: (cluster) => nodeNicLinkFlap(cluster, { flaps: 1 }),
  status: 'warn',
  message: (node) =>
    `The link of eno1 (${node as string}) went down 3 times in the 24 hours up to the bundle, the last one 47m before it: a flapping link (cable, transceiver, switch port or driver)`,
  file: 'logs/kernel.log',
  proof: 'eno1: NIC Link is Down',
});
