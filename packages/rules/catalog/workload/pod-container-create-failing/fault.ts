/**
 * harvester-webhook's new pod references a TLS Secret that is not there: CreateContainerConfigError
 * (the kubelet names the Secret). With `user`, a user workload whose ConfigMap key is missing; with
 * `creating`, the near miss: the container is just being created.
 */
import type { BundleBuilder, KubeObject } from '../../../src/testing/bundle-builder.js';
import { addUserDeployment, containerWaiting, podOf } from '../../../../../testdata/generator/fault-support/workload-objects.js';

export function podContainerCreateFailing(builder: BundleBuilder, options: { user?: boolean; creating?: boolean } = {}): KubeObject {
  const pod = options.user ? addUserDeployment(builder) : podOf(builder, 'harvester-system', 'harvester-webhook-');
  const container = (pod.spec as { containers: { name: string }[] }).containers[0]!.name;
  if (options.creating) containerWaiting(builder, pod, container, 'ContainerCreating', '');
  else if (options.user) containerWaiting(builder, pod, container, 'CreateContainerConfigError', "couldn't find key DATABASE_URL in ConfigMap default/web-frontend-config");
  else containerWaiting(builder, pod, container, 'CreateContainerConfigError', 'secret "harvester-webhook-tls" not found');
  return builder.getObject('v1', 'Pod', pod.metadata.namespace, pod.metadata.name)!;
}
