import type { LogProfile } from './profile.js';

/** Harvester's apiserver/controllers and webhook (wrangler controllers, logrus). */
export const harvesterProfile: LogProfile = {
  component: 'harvester',
  format: 'logrus',
  placement: (v) => ({ kind: 'pod', namespace: 'harvester-system', pod: v.replicaPod('harvester'), container: 'apiserver' }),
  templates: [
    {
      id: 'harvester/upgrade-requeue-managedchart',
      level: 'error',
      message: (v) => `error syncing 'harvester-system/hvst-upgrade-${v.suffix()}': handler harvester-upgrade-controller: managed chart ${v.pick(['harvester', 'harvester-crd', 'rancher-monitoring'])} is not ready, requeuing`,
    },
    {
      id: 'harvester/image-not-found',
      level: 'warning',
      message: (v) => {
        const image = `image-${v.suffix()}`;
        return `Failed to get VirtualMachineImage default/${image}: virtualmachineimages.harvesterhci.io "${image}" not found`;
      },
    },
    {
      // Near-twin of image-not-found, written by another controller: a parser may merge the two.
      id: 'harvester/vm-not-found',
      level: 'warning',
      message: (v) => {
        const vm = v.vm();
        return `Failed to get VirtualMachine ${v.namespace()}/${vm}: virtualmachines.kubevirt.io "${vm}" not found`;
      },
    },
    {
      id: 'harvester/setting-conflict',
      level: 'error',
      message: (v) => {
        const setting = v.pick(['server-version', 'upgrade-checker-url', 'backup-target', 'vm-force-reset-policy']);
        return `failed to update setting ${setting}: Operation cannot be fulfilled on settings.harvesterhci.io "${setting}": the object has been modified; please apply your changes to the latest version and try again`;
      },
    },
    {
      id: 'harvester/upgrade-responder-dns',
      level: 'error',
      message: (v) =>
        `Failed to fetch upgrade info from https://harvester-upgrade-responder.rancher.io/v1/checkupgrade: Post "https://harvester-upgrade-responder.rancher.io/v1/checkupgrade": dial tcp: lookup harvester-upgrade-responder.rancher.io on 10.53.0.10:53: read udp ${v.ip()}:${v.int(30000, 60000)}->10.53.0.10:53: i/o timeout`,
    },
    {
      id: 'harvester/backup-snapshot-not-ready',
      level: 'warning',
      message: (v) => {
        const backup = `vmbackup-${v.suffix()}`;
        return `VM default/${v.vm()} backup ${backup} is not ready: volume snapshot default/${backup}-volume-${v.uuid()} is not ready to use`;
      },
    },
    {
      id: 'harvester/node-drain-evict',
      level: 'warning',
      message: (v) => `error when evicting pods/"virt-launcher-${v.vm()}-${v.suffix()}" -n "default" (will retry after 5s): Cannot evict pod as it would violate the pod's disruption budget.`,
    },
    {
      id: 'harvester/vm-backup-sync',
      level: 'info',
      message: () => 'Handling VM backup metadata sync',
    },
    {
      id: 'harvester/fetching-upgrade-info',
      level: 'info',
      message: () => 'Fetching upgrade info from https://harvester-upgrade-responder.rancher.io/v1/checkupgrade',
    },
  ],
};

/** harvester-webhook: the admission webhook that refuses upgrades and changes. */
export const harvesterWebhookProfile: LogProfile = {
  component: 'harvester-webhook',
  format: 'logrus',
  placement: (v) => ({ kind: 'pod', namespace: 'harvester-system', pod: v.replicaPod('harvester-webhook'), container: 'harvester-webhook' }),
  templates: [
    {
      id: 'harvester-webhook/upgrade-denied',
      level: 'error',
      message: (v) => `admission webhook denied upgrade harvester-system/hvst-upgrade-${v.suffix()}: managed chart ${v.pick(['harvester', 'rancher-logging-crd', 'rancher-monitoring-crd'])} is not ready, please wait for it to be ready`,
    },
    {
      id: 'harvester-webhook/volume-in-use',
      level: 'warning',
      message: (v) => `Denied deleting volume default/${v.vm()}-disk-${v.int(0, 3)}-${v.suffix()}: the volume is used by VM default/${v.vm()}`,
    },
  ],
};
