import { describeNodeHealthCheck } from '../../../../../testdata/generator/fault-support/node-health-check.js';
import { nodeDiskSmartFailed } from './fault.js';

describeNodeHealthCheck({
  id: 'node-disk-smart-failed',
  source: 'supportconfig',
  fault: (cluster) => nodeDiskSmartFailed(cluster),
  nearMiss: (cluster) => nodeDiskSmartFailed(cluster, { passed: true }),
  status: 'fail',
  message: (node) => `/dev/sda (SAMSUNG MZ7LH240HAHQ-00005) on ${node as string} fails its SMART overall-health self-assessment: replace the disk before it takes its data with it`,
  file: 'fs-smartmon.txt',
  proof: 'SMART overall-health self-assessment test result: FAILED!',
});
