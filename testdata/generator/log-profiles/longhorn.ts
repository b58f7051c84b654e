import type { LogProfile } from './profile.js';

/** longhorn-manager: controller errors (logrus with fields) and client-go klog lines. */
export const longhornManagerProfile: LogProfile = {
  component: 'longhorn-manager',
  format: 'logrus',
  placement: (v) => ({ kind: 'pod', namespace: 'longhorn-system', pod: v.daemonPod('longhorn-manager'), container: 'longhorn-manager' }),
  templates: [
    {
      id: 'longhorn/volume-sync-error',
      level: 'warning',
      message: () => 'Error syncing Longhorn volume',
      fields: (v) => {
        const volume = v.volume();
        return [
          ['controller', 'longhorn-volume'],
          // One statement, several causes of different lengths (the error is one %v).
          [
            'error',
            v.pick([
              `failed to sync longhorn-system/${volume}: failed to reconcile engine/replica state for ${volume}: failed to get engine ${volume}-e-${v.hex(8)}: engines.longhorn.io "${volume}-e-${v.hex(8)}" not found`,
              `failed to sync longhorn-system/${volume}: Operation cannot be fulfilled on volumes.longhorn.io "${volume}": the object has been modified; please apply your changes to the latest version and try again`,
              `failed to sync longhorn-system/${volume}: context deadline exceeded`,
            ]),
          ],
          ['node', v.node()],
          ['volume', volume],
        ];
      },
    },
    {
      id: 'longhorn/share-manager-dropped',
      level: 'error',
      message: () => 'Dropping Longhorn share manager out of the queue',
      fields: (v) => {
        const volume = v.volume();
        return [
          ['ShareManager', `longhorn-system/${volume}`],
          ['controller', 'longhorn-share-manager'],
          ['error', `failed to sync longhorn-system/${volume}: pod share-manager-${volume} for share manager not found`],
          ['node', v.node()],
        ];
      },
    },
    {
      id: 'longhorn/replica-rebuild-failed',
      level: 'warning',
      message: (v) => `Failed to rebuild replica ${v.ip()}:${v.port()}`,
      fields: (v) => {
        const volume = v.volume();
        return [
          ['controller', 'longhorn-engine'],
          ['engine', `${volume}-e-${v.hex(8)}`],
          ['error', `proxyServer=${v.ip()}:8501 destination=${v.ip()}:${v.port()}: failed to add replica tcp://${v.ip()}:${v.port()} for volume: rpc error: code = Unknown desc = failed to sync files: context deadline exceeded`],
          ['node', v.node()],
          ['volume', volume],
        ];
      },
    },
    {
      id: 'longhorn/replica-unschedulable',
      level: 'warning',
      message: () => 'Failed to schedule replica',
      fields: (v) => [
        ['controller', 'longhorn-volume'],
        ['error', `failed to schedule replica of volume ${v.volume()}: precheck new replica failed: insufficient storage`],
        ['node', v.node()],
      ],
    },
    {
      id: 'longhorn/instance-manager-not-running',
      level: 'error',
      message: (v) => `Instance manager pod instance-manager-${v.hex(32)} is not running`,
      fields: (v) => [
        ['controller', 'longhorn-instance-manager'],
        ['node', v.node()],
      ],
    },
    {
      id: 'longhorn/klog-pod-controller',
      level: 'error',
      format: 'klog',
      site: 'kubernetes_pod_controller.go:145',
      message: (v) => `longhorn-kubernetes-pod-controller: fail to sync ${v.namespace()}/virt-launcher-${v.vm()}-${v.suffix()}: volume.longhorn.io "${v.volume()}" not found`,
    },
    {
      id: 'longhorn/purge-snapshot',
      level: 'info',
      message: () => 'Starting to purge snapshot',
      fields: (v) => [
        ['controller', 'longhorn-engine'],
        ['volume', v.volume()],
      ],
    },
  ],
};

/** longhorn-csi-plugin: the CSI node service the kubelet calls. */
export const longhornCsiProfile: LogProfile = {
  component: 'longhorn-csi-plugin',
  format: 'logrus',
  placement: (v) => ({ kind: 'pod', namespace: 'longhorn-system', pod: v.daemonPod('longhorn-csi-plugin'), container: 'longhorn-csi-plugin' }),
  templates: [
    {
      id: 'longhorn-csi/node-stage-failed',
      level: 'error',
      message: (v) => {
        const volume = v.volume();
        return `NodeStageVolume: err: rpc error: code = Internal desc = mount failed: exit status 32 Mounting command: mount Mounting arguments: -t ext4 -o defaults /dev/longhorn/${volume} /var/lib/kubelet/plugins/kubernetes.io/csi/driver.longhorn.io/${v.hex(64)}/globalmount Output: mount: /var/lib/kubelet/plugins/kubernetes.io/csi/driver.longhorn.io/${v.hex(64)}/globalmount: wrong fs type, bad option, bad superblock on /dev/longhorn/${volume}, missing codepage or helper program, or other error.`;
      },
    },
    {
      id: 'longhorn-csi/volume-not-ready',
      level: 'error',
      message: (v) => `ControllerPublishVolume: err: rpc error: code = Aborted desc = volume ${v.volume()} is not ready for workloads`,
    },
  ],
};
