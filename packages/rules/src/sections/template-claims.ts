import type { KubeObject, LogTemplate } from '@bundle-triage/core';
import { escapeRegExp } from '../rule/escape-reg-exp.js';

/**
 * Whether a log template is about one of a finding's objects: it occurs in the log of a Pod the
 * finding is about, of a pod a controller it is about runs (named as the controller names its
 * pods), or of a Node it is about; or its lines name the object (`mentions`: the names masked
 * out of the template). Object names shorter than four characters are too common to count.
 * A test on templates: the pod-name matchers are built once per set of objects, not once per
 * template (a finding is tested against thousands of templates).
 */
export function aboutObjects(objects: readonly KubeObject[]): (template: LogTemplate) => boolean {
  const tests = objects.flatMap((object) => {
    const name = object.metadata.name;
    const namespace = object.metadata.namespace;
    if (!name) return [];
    const pods = podNames(object);
    return [
      (template: LogTemplate) =>
        (object.kind === 'Node' && template.sources.some((source) => source.node === name)) ||
        (pods !== undefined && template.sources.some((source) => source.kind === 'pod' && source.namespace === namespace && source.pod !== undefined && pods(source.pod))) ||
        (name.length >= 4 && template.mentions.some((mention) => mention === name || (namespace !== undefined && mention === `${namespace}/${name}`))),
    ];
  });
  return (template) => tests.some((test) => test(template));
}

/** The pods an object is, or runs, as a test on pod names; undefined for other kinds. */
function podNames(object: KubeObject): ((pod: string) => boolean) | undefined {
  const name = object.metadata.name;
  const escaped = escapeRegExp(name);
  switch (object.kind) {
    case 'Pod':
      return (pod) => pod === name;
    case 'Deployment':
      // <deployment>-<pod-template-hash>-<suffix>
      return matcher(`^${escaped}-[a-z0-9]{5,10}-[a-z0-9]{5}$`);
    case 'ReplicaSet':
    case 'DaemonSet':
    case 'Job':
      return matcher(`^${escaped}-[a-z0-9]{5}$`);
    case 'StatefulSet':
      return matcher(`^${escaped}-\\d+$`);
    case 'CronJob':
      // <cronjob>-<scheduled time>-<suffix>
      return matcher(`^${escaped}-\\d+-[a-z0-9]{5}$`);
    case 'VirtualMachine':
    case 'VirtualMachineInstance':
      return matcher(`^virt-launcher-${escaped}-[a-z0-9]{5}$`);
    default:
      return undefined;
  }
}

function matcher(source: string): (pod: string) => boolean {
  const pattern = new RegExp(source);
  return (pod) => pattern.test(pod);
}
