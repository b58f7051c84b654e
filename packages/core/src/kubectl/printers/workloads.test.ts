import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../resources/kube-object.js';
import { cronJobPrinter } from './workloads.js';

const cronJob: KubeObject = {
  apiVersion: 'batch/v1',
  kind: 'CronJob',
  metadata: { name: 'backup', namespace: 'default', creationTimestamp: '2025-03-01T00:00:00Z' },
  spec: { schedule: '0 2 * * *', timeZone: 'Europe/Berlin', jobTemplate: { spec: { template: { spec: { containers: [{ name: 'backup', image: 'busybox' }] } } } } },
};

describe('cronJobPrinter', () => {
  const now = Date.parse('2025-03-12T09:14:07Z');

  it('prints TIMEZONE from Kubernetes 1.30, when the API server began to (kubernetes#122231)', () => {
    const columns = cronJobPrinter.columns({ now, serverMinor: 30 }).map((column) => column.name);
    expect(columns.slice(0, 4)).toEqual(['Name', 'Schedule', 'Timezone', 'Suspend']);
    expect(cronJobPrinter.cells(cronJob, { now, serverMinor: 30 }).slice(0, 3)).toEqual(['backup', '0 2 * * *', 'Europe/Berlin']);
  });

  it('prints no TIMEZONE for 1.25–1.29 clusters, though spec.timeZone exists there', () => {
    const context = { now, serverMinor: 27 };
    const columns = cronJobPrinter.columns(context).map((column) => column.name);
    expect(columns).not.toContain('Timezone');
    expect(cronJobPrinter.cells(cronJob, context)).toHaveLength(columns.length);
  });
});
