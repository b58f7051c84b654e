/**
 * rancher-webhook's new image cannot be pulled (an air-gapped cluster whose mirror lacks the tag):
 * the container waits in ImagePullBackOff after ErrImagePull. With `user`, a user workload whose
 * image tag has a typo; with `pulled`, the near miss: the image arrived and the container is being
 * created.
 */
import type { BundleBuilder, KubeObject } from '../../../src/testing/bundle-builder.js';
import { addUserDeployment, containerWaiting, podOf } from '../../../../../testdata/generator/fault-support/workload-objects.js';

export function podImagePullFailing(builder: BundleBuilder, options: { user?: boolean; pulled?: boolean } = {}): { pod: KubeObject; image: string } {
  const pod = options.user ? addUserDeployment(builder) : podOf(builder, 'cattle-system', 'rancher-webhook-');
  const container = (pod.spec as { containers: { name: string }[] }).containers[0]!.name;
  const image = options.user ? 'docker.io/library/nginx:1.27.33' : 'rancher/rancher-webhook:v0.6.3';
  builder.updateObject('v1', 'Pod', pod.metadata.namespace, pod.metadata.name, (object) => {
    (object.spec as { containers: Record<string, unknown>[] }).containers[0]!.image = image;
  });
  const [reason, message] = options.pulled
    ? ['ContainerCreating', '']
    : options.user
      ? ['ErrImagePull', `rpc error: code = NotFound desc = failed to pull and unpack image "${image}": failed to resolve reference "${image}": ${image}: not found`]
      : ['ImagePullBackOff', `Back-off pulling image "${image}"`];
  containerWaiting(builder, pod, container, reason, message);
  builder.updateObject('v1', 'Pod', pod.metadata.namespace, pod.metadata.name, (object) => {
    (object.status as { containerStatuses: Record<string, unknown>[] }).containerStatuses[0]!.image = image;
    if (!message) delete ((object.status as { containerStatuses: { state: { waiting: Record<string, unknown> } }[] }).containerStatuses[0]!.state.waiting).message;
  });
  return { pod: builder.getObject('v1', 'Pod', pod.metadata.namespace, pod.metadata.name)!, image };
}
