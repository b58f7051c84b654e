import type { LogProfile } from './profile.js';

/** fleet-agent (controller-runtime, zap JSON): deploying the mcc-* bundles of Harvester. */
export const fleetAgentProfile: LogProfile = {
  component: 'fleet-agent',
  format: 'zap',
  placement: (v) => ({ kind: 'pod', namespace: 'cattle-fleet-local-system', pod: v.replicaPod('fleet-agent'), container: 'fleet-agent' }),
  templates: [
    {
      id: 'fleet/reconciler-error-modified',
      level: 'error',
      site: 'controller/controller.go:316',
      message: () => 'Reconciler error',
      fields: (v) => {
        const bundle = v.pick(['mcc-harvester', 'mcc-harvester-crd', 'mcc-rancher-monitoring', 'mcc-rancher-logging']);
        return [
          ['controller', 'bundledeployment'],
          ['namespace', 'cluster-fleet-local-local-1a3d67d0a899'],
          ['name', bundle],
          ['reconcileID', v.uuid()],
          ['error', `failed deploying bundle: Operation cannot be fulfilled on bundledeployments.fleet.cattle.io "${bundle}": the object has been modified; please apply your changes to the latest version and try again`],
        ];
      },
    },
    {
      id: 'fleet/helm-upgrade-failed',
      level: 'error',
      site: 'deployer/deployer.go:88',
      message: () => 'Failed to deploy bundle',
      fields: (v) => [
        ['controller', 'bundledeployment'],
        ['name', v.pick(['mcc-harvester', 'mcc-rancher-monitoring'])],
        ['error', `helm upgrade failed: another operation (install/upgrade/rollback) is in progress`],
      ],
    },
    {
      id: 'fleet/status-not-ready',
      level: 'warning',
      site: 'monitor/updatestatus.go:118',
      message: () => 'Status not ready',
      fields: (v) => [
        ['controller', 'bundledeployment'],
        ['name', 'mcc-harvester'],
        ['error', `ValidatingWebhookConfiguration harvester-snapshot-validation-webhook modified {"webhooks":[{"clientConfig":{"caBundle":"${v.hex(24)}"}}]}`],
      ],
    },
    {
      id: 'fleet/deployed-bundle',
      level: 'info',
      site: 'deployer/deployer.go:112',
      message: () => 'Deployed bundle',
      fields: (v) => [
        ['controller', 'bundledeployment'],
        ['name', v.pick(['mcc-harvester', 'fleet-agent-local'])],
        ['deploymentID', `s-${v.hex(40)}:${v.hex(64)}`],
      ],
    },
  ],
};
