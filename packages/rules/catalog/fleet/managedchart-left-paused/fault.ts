/**
 * S16 `managedchart-left-paused` (signatures.md §2): an upgrade was stopped by hand (#4698,
 * #4537); the ManagedCharts it paused stay `spec.paused: true`. `upgradeState` says what the
 * latest Upgrade is doing (a running upgrade pauses charts on purpose).
 */
import type { BundleBuilder } from '../../../src/testing/bundle-builder.js';
import { addUpgrade, editChart } from '../../../../../testdata/generator/fault-support/fleet-chart-status.js';

export const PAUSED_CHARTS = ['harvester', 'harvester-crd', 'rancher-monitoring-crd'];

export function managedChartLeftPaused(builder: BundleBuilder, options: { upgradeState?: string } = {}): void {
  for (const chart of PAUSED_CHARTS) {
    editChart(builder, chart, (spec, kind) => {
      if (kind === 'ManagedChart') spec.paused = true;
      else spec.paused = true;
    });
  }
  addUpgrade(builder, { name: 'hvst-upgrade-l4n8c', version: 'v1.4.2', previousVersion: 'v1.4.1', state: options.upgradeState ?? 'Failed', secondsAgo: 2 * 86400 });
}
