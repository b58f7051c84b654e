import type { KubeObject } from '../resources/kube-object.js';
import { field, text } from '../resources/object-fields.js';

/**
 * Why a pod is not ready, or undefined when it is (Running and Ready) or finished its work
 * (`Succeeded`: completed Jobs such as `helm-install-*` are not problems). The reason is the
 * most specific the pod records: a container's waiting or terminated reason
 * (`CrashLoopBackOff`, `ImagePullBackOff`, `Error`), the pod's own (`Evicted`), the scheduler's
 * (`Unschedulable`), else its phase.
 */
export function notReadyReason(pod: KubeObject): string | undefined {
  const phase = text(field(pod, 'status', 'phase'));
  if (phase === 'Succeeded') return undefined;
  const conditions = field(pod, 'status', 'conditions');
  const condition = (type: string) => (Array.isArray(conditions) ? (conditions.find((item) => field(item, 'type') === type) as unknown) : undefined);
  if (phase === 'Running' && field(condition('Ready'), 'status') === 'True') return undefined;
  for (const key of ['initContainerStatuses', 'containerStatuses']) {
    const statuses = field(pod, 'status', key);
    if (!Array.isArray(statuses)) continue;
    for (const status of statuses) {
      if (field(status, 'ready') === true) continue;
      const reason = text(field(status, 'state', 'waiting', 'reason')) ?? text(field(status, 'state', 'terminated', 'reason'));
      // An init container that completed is not why the pod waits.
      if (reason && !(key === 'initContainerStatuses' && reason === 'Completed')) return reason;
    }
  }
  const own = text(field(pod, 'status', 'reason'));
  if (own) return own;
  const scheduled = condition('PodScheduled');
  if (field(scheduled, 'status') === 'False') return text(field(scheduled, 'reason')) ?? 'Unschedulable';
  if (phase === 'Running') return 'NotReady';
  return phase ?? 'Unknown';
}
