/**
 * Warning events that keep coming about objects no other rule reports on: a VM's virt-launcher pod
 * whose volume keeps failing to mount (FailedMount ×14, last two minutes ago), harvester-webhook's
 * liveness probe failing on and off (Unhealthy ×23), and a node where the kernel's OOM killer struck
 * once twenty minutes ago (SystemOOM). The near misses, each of which a healthy cluster shows: the
 * same reasons once or long over, a probe blip, events about a pod that was replaced, and
 * DNSConfigForming repeated for ever.
 */
import type { BundleBuilder, KubeObject } from '../../../src/testing/bundle-builder.js';
import { vmParts } from '../../../../../testdata/generator/fault-support/storage-objects.js';
import { addWarningEvent, podOf } from '../../../../../testdata/generator/fault-support/workload-objects.js';

export function eventsWarningRepeated(builder: BundleBuilder): { launcher: KubeObject; webhook: KubeObject; node: string } {
  const launcher = podOf(builder, 'default', 'virt-launcher-');
  const webhook = podOf(builder, 'harvester-system', 'harvester-webhook-');
  const node = builder.listObjects('v1', 'Node')[0]!.metadata.name;
  // The launcher's own disk (the namespace's first claim may be one that waits for a consumer, with no volume yet).
  const { volume } = vmParts(builder, String((launcher.metadata.labels as Record<string, string>)['vm.kubevirt.io/name']));
  addWarningEvent(builder, {
    about: ref(launcher),
    reason: 'FailedMount',
    message: `MapVolume.WaitForAttach failed for volume "${volume}" : volume attachment is being deleted`,
    component: 'kubelet',
    count: 14,
    firstSecondsAgo: 40 * 60,
    lastSecondsAgo: 120,
  });
  addWarningEvent(builder, {
    about: { ...ref(webhook), fieldPath: 'spec.containers{harvester-webhook}' },
    reason: 'Unhealthy',
    message: `Liveness probe failed: Get "https://${String((webhook.status as { podIP: string }).podIP)}:9443/v1/healthz": context deadline exceeded`,
    component: 'kubelet',
    count: 23,
    firstSecondsAgo: 50 * 60,
    lastSecondsAgo: 30,
  });
  addWarningEvent(builder, {
    about: { apiVersion: 'v1', kind: 'Node', name: node, uid: node },
    reason: 'SystemOOM',
    message: 'System OOM encountered, victim process: qemu-system-x86, pid: 48213',
    component: 'kubelet',
    count: 1,
    firstSecondsAgo: 20 * 60,
    lastSecondsAgo: 20 * 60,
  });
  return { launcher, webhook, node };
}

/** What must not fire: once, over, a blip, about a replaced pod, or harmless for ever. */
export function benignWarningEvents(builder: BundleBuilder): void {
  const launcher = podOf(builder, 'default', 'virt-launcher-');
  const webhook = podOf(builder, 'harvester-system', 'harvester-webhook-');
  addWarningEvent(builder, { about: ref(launcher), reason: 'FailedMount', message: 'MapVolume.WaitForAttach failed: volume not attached yet', component: 'kubelet', count: 2, firstSecondsAgo: 300, lastSecondsAgo: 240 });
  addWarningEvent(builder, { about: ref(launcher), reason: 'FailedAttachVolume', message: 'AttachVolume.Attach failed: volume is not ready for workloads', component: 'attachdetach-controller', count: 9, firstSecondsAgo: 3 * 3600, lastSecondsAgo: 2 * 3600 });
  addWarningEvent(builder, { about: ref(webhook), reason: 'Unhealthy', message: 'Readiness probe failed: connection refused', component: 'kubelet', count: 4, firstSecondsAgo: 900, lastSecondsAgo: 870 });
  addWarningEvent(builder, { about: { apiVersion: 'v1', kind: 'Pod', namespace: 'harvester-system', name: 'harvester-webhook-6d4f9c7b8d-old12', uid: 'f0e1d2c3-0000-4000-8000-000000000001' }, reason: 'BackOff', message: 'Back-off restarting failed container harvester-webhook', component: 'kubelet', count: 31, firstSecondsAgo: 1800, lastSecondsAgo: 600 });
  addWarningEvent(builder, { about: ref(webhook), reason: 'DNSConfigForming', message: 'Nameserver limits were exceeded, some nameservers have been omitted, the applied nameserver line is: 10.0.0.2 10.0.0.3 1.1.1.1', component: 'kubelet', count: 980, firstSecondsAgo: 86_400, lastSecondsAgo: 10 });
}

function ref(pod: KubeObject) {
  return { apiVersion: 'v1', kind: 'Pod', namespace: pod.metadata.namespace!, name: pod.metadata.name, uid: String(pod.metadata.uid) };
}
