/**
 * harvester-webhook runs but fails its readiness probe: the container is not ready, the pod's Ready
 * condition False since `minutesAgo` (default 12), its current log ends in TLS errors. With `user`,
 * a user workload; a few minutes (`minutesAgo: 2`) is the near miss of a rolling restart.
 */
import type { BundleBuilder, KubeObject } from '../../../src/testing/bundle-builder.js';
import { logrusLine, secondsBefore } from '../../../../../testdata/generator/fault-support/longhorn-objects.js';
import { addUserDeployment, controllerLosesPod, podNotReady, podOf, updateContainerStatus } from '../../../../../testdata/generator/fault-support/workload-objects.js';

export function podNotReadyFault(builder: BundleBuilder, options: { user?: boolean; minutesAgo?: number } = {}): { pod: KubeObject; container: string } {
  const pod = options.user ? addUserDeployment(builder) : podOf(builder, 'harvester-system', 'harvester-webhook-');
  const container = (pod.spec as { containers: { name: string }[] }).containers[0]!.name;
  const since = secondsBefore(builder, (options.minutesAgo ?? 12) * 60);
  updateContainerStatus(builder, pod, container, (status) => Object.assign(status, { ready: false }));
  podNotReady(builder, pod, since);
  builder.addPodLog(pod.metadata.namespace!, pod.metadata.name, container, [
    logrusLine(builder, (options.minutesAgo ?? 12) * 60 + 30, 'info', 'Starting webhook server on :9443'),
    logrusLine(builder, 300, 'error', 'http: TLS handshake error from 10.52.0.1:51234: remote error: tls: bad certificate'),
    logrusLine(builder, 60, 'error', 'http: TLS handshake error from 10.52.0.1:51872: remote error: tls: bad certificate'),
  ]);
  controllerLosesPod(builder, pod, since);
  return { pod: builder.getObject('v1', 'Pod', pod.metadata.namespace, pod.metadata.name)!, container };
}
