/**
 * The pcidevices-controller Addon was enabled 25 minutes before the bundle and cannot install:
 * the cluster still holds the PCIDevice CRD from a manual install under another release name, so
 * `helm install` stops with "invalid ownership metadata". The addon controller created the
 * HelmChart (owned by the Addon, backoff limit 5); its helm-install Job crash-loops, and the
 * Addon waits in AddonEnabling. With `failed`, the Job reached its backoff limit (its pod is gone)
 * and the Addon records OperationFailed.
 */
import type { BundleBuilder, KubeObject } from '../../../src/testing/bundle-builder.js';
import { addHelmChart, addHelmJob, faultRandom, firstNode, secondsBefore } from '../../../../../testdata/generator/fault-support/helm-objects.js';
import { HARVESTER_CHART_REPO } from '../../../../../testdata/generator/harvester-addons.js';

export const OWNERSHIP_ERROR =
  'Unable to continue with install: CustomResourceDefinition "pcidevices.devices.harvesterhci.io" in namespace "" exists and cannot be imported into the current release: invalid ownership metadata; annotation validation error: key "meta.helm.sh/release-name" must equal "pcidevices-controller": current value is "harvester-pcidevices-controller"';

export function harvesterAddonFailed(builder: BundleBuilder, options: { failed?: boolean } = {}): { chart: KubeObject; job: string; pod?: string } {
  const random = faultRandom(5150);
  const namespace = 'harvester-system';
  const name = 'pcidevices-controller';
  const enabledAt = secondsBefore(builder, 25 * 60);
  const failedAt = secondsBefore(builder, 3 * 60);
  builder.updateObject('harvesterhci.io/v1beta1', 'Addon', namespace, name, (addon) => {
    (addon.spec as Record<string, unknown>).enabled = true;
    addon.metadata.generation = 2;
    addon.status = options.failed
      ? {
          conditions: [
            { status: 'False', type: 'Completed' },
            { lastUpdateTime: enabledAt, status: 'False', type: 'InProgress' },
            { lastUpdateTime: failedAt, message: `addon deployment job helm-install-${name} failed`, reason: 'Error', status: 'True', type: 'OperationFailed' },
          ],
          status: 'AddonEnabling',
        }
      : {
          conditions: [
            { status: 'False', type: 'Completed' },
            { lastUpdateTime: enabledAt, status: 'True', type: 'InProgress' },
            { status: 'False', type: 'OperationFailed' },
          ],
          status: 'AddonEnabling',
        };
  });
  const addon = builder.getObject('harvesterhci.io/v1beta1', 'Addon', namespace, name)!;
  const spec = addon.spec as { chart: string; version: string; valuesContent: string };
  const chart = addHelmChart(builder, random, {
    namespace,
    name,
    created: enabledAt,
    source: { repo: HARVESTER_CHART_REPO, chart: spec.chart, version: spec.version },
    backOffLimit: 5,
    valuesContent: spec.valuesContent,
    owner: addon,
  });
  const start = secondsBefore(builder, 4 * 60);
  const end = secondsBefore(builder, 4 * 60 - 9);
  const result = addHelmJob(builder, random, {
    chart,
    action: 'install',
    run: { action: 'install', error: OWNERSHIP_ERROR, start, end },
    state: options.failed ? { kind: 'failed', failures: 6, failedAt } : { kind: 'crash-looping', restarts: 3, lastExit: end },
    node: firstNode(builder),
    created: enabledAt,
  });
  return { chart, ...result };
}
