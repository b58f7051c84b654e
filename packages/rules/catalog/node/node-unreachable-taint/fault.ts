/**
 * A node that reports Ready again but still carries the node lifecycle controller's unreachable
 * taint (a stale taint: kube-controller-manager did not clear it). With `key`, another taint (the
 * near miss: KubeVirt's drain taint, a witness node's etcd taint).
 */
import type { BundleBuilder } from '../../../src/testing/bundle-builder.js';
import { secondsBefore } from '../../../../../testdata/generator/fault-support/longhorn-objects.js';

export function nodeUnreachableTaint(builder: BundleBuilder, options: { key?: string; value?: string; minutesAgo?: number } = {}): string {
  const node = builder.listObjects('v1', 'Node').at(-1)!;
  const timeAdded = secondsBefore(builder, (options.minutesAgo ?? 75) * 60);
  const key = options.key ?? 'node.kubernetes.io/unreachable';
  builder.updateObject('v1', 'Node', undefined, node.metadata.name, (object) => {
    (object.spec as Record<string, unknown>).taints = [{ effect: 'NoExecute', key, ...(options.value ? { value: options.value } : {}), timeAdded }];
  });
  return node.metadata.name;
}
