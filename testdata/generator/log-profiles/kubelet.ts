import type { LogProfile } from './profile.js';

/** kubelet (`logs/kubelet.log` of the node bundle): structured klog. */
export const kubeletProfile: LogProfile = {
  component: 'kubelet',
  format: 'klog',
  placement: () => ({ kind: 'node-file', file: 'kubelet.log' }),
  templates: [
    {
      id: 'kubelet/crashloop',
      level: 'error',
      site: 'pod_workers.go:1298',
      message: (v) => {
        const pod = v.replicaPod('harvester');
        const uid = v.uuid();
        return `"Error syncing pod, skipping" err="failed to \\"StartContainer\\" for \\"apiserver\\" with CrashLoopBackOff: \\"back-off ${v.duration()} restarting failed container=apiserver pod=${pod}_harvester-system(${uid})\\"" pod="harvester-system/${pod}" podUID="${uid}"`;
      },
    },
    {
      id: 'kubelet/probe-failed',
      level: 'warning',
      site: 'prober.go:104',
      message: (v) => {
        const ip = v.ip();
        const output = v.pick([`dial tcp ${ip}:9501: connect: connection refused`, 'context deadline exceeded (Client.Timeout exceeded while awaiting headers)']);
        return `"Probe failed" probeType="${v.pick(['Readiness', 'Liveness'])}" pod="longhorn-system/${v.daemonPod('longhorn-manager')}" podUID="${v.uuid()}" containerName="longhorn-manager" probeResult="failure" output="Get \\"https://${ip}:9501/v1/healthz\\": ${output}"`;
      },
    },
    {
      id: 'kubelet/pull-image-failed',
      level: 'error',
      site: 'remote_image.go:180',
      message: (v) => {
        const image = `docker.io/rancher/${v.pick(['harvester-upgrade', 'harvester', 'mirrored-longhornio-longhorn-engine'])}:v1.4.${v.int(0, 3)}`;
        return `"PullImage from image service failed" err="rpc error: code = NotFound desc = failed to pull and unpack image \\"${image}\\": failed to resolve reference \\"${image}\\": ${image}: not found" image="${image}"`;
      },
    },
    {
      id: 'kubelet/mount-device-failed',
      level: 'error',
      site: 'nestedpendingoperations.go:348',
      message: (v) => {
        const volume = v.volume();
        return `Operation for "{volumeName:kubernetes.io/csi/driver.longhorn.io^${volume} podName: nodeName:}" failed. No retries permitted until ${v.time().replace('T', ' ').replace('Z', '')}.${v.int(100, 999)} +0000 UTC (durationBeforeRetry ${v.duration()}). Error: MountVolume.MountDevice failed for volume "${volume}" (UniqueName: "kubernetes.io/csi/driver.longhorn.io^${volume}") pod "virt-launcher-${v.vm()}-${v.suffix()}" (UID: "${v.uuid()}") : rpc error: code = Internal desc = volume ${volume} is not ready for workloads`;
      },
    },
    {
      id: 'kubelet/orphaned-volumes',
      level: 'error',
      site: 'kubelet_volumes.go:263',
      message: (v) => `"There were many similar errors. Turn up verbosity to see them." err="orphaned pod \\"${v.uuid()}\\" found, but error not a directory occurred when trying to remove the volumes dir" numErrs=${v.int(2, 9)}`,
    },
    {
      id: 'kubelet/pleg-event',
      level: 'info',
      site: 'kubelet.go:2462',
      message: (v) => `"SyncLoop (PLEG): event for pod" pod="default/virt-launcher-${v.vm()}-${v.suffix()}" event={"ID":"${v.uuid()}","Type":"ContainerStarted"}`,
    },
  ],
};
