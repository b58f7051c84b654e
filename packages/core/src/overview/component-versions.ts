import type { Bundle } from '../bundle.js';
import type { BundleFacts, FactSource } from '../facts/bundle-facts.js';
import type { KubeObject } from '../resources/kube-object.js';
import { field, text } from '../resources/object-fields.js';
import type { ComponentVersion } from './overview-types.js';

/**
 * The versions a bundle records, each with where: Harvester and Kubernetes (the bundle's facts),
 * Rancher (the `server-version` setting of management.cattle.io), Longhorn (its
 * `current-longhorn-version` setting, else the longhorn-manager DaemonSet's image tag, as in
 * Longhorn before v1.3) and KubeVirt (the KubeVirt resource's observed version). A component the
 * bundle does not record is left out.
 */
export async function componentVersions(
  bundle: Bundle,
  facts: BundleFacts,
  objects: { settings: readonly KubeObject[]; kubevirts: readonly KubeObject[]; longhornManager: KubeObject | undefined },
): Promise<ComponentVersion[]> {
  const { settings, kubevirts } = objects;
  const versions: ComponentVersion[] = [];
  if (facts.harvesterVersion) versions.push({ component: 'harvester', version: facts.harvesterVersion.value, source: facts.harvesterVersion.source });
  if (facts.kubernetesVersion) {
    versions.push({ component: 'kubernetes', version: facts.kubernetesVersion, source: facts.kubernetesVersionSource ?? { path: 'metadata.yaml', description: 'metadata.yaml kubernetesversion' } });
  }
  const rancher = settings.find((setting) => setting.metadata.name === 'server-version' && setting.apiVersion.startsWith('management.cattle.io/'));
  const rancherVersion = rancher && settingVersion(rancher);
  if (rancher && rancherVersion) versions.push({ component: 'rancher', version: rancherVersion.value, source: await sourceOf(bundle, rancher, rancherVersion.pointer, 'setting server-version (management.cattle.io)') });

  const longhorn = settings.find((setting) => setting.metadata.name === 'current-longhorn-version' && setting.apiVersion.startsWith('longhorn.io/'));
  const longhornVersion = longhorn && settingVersion(longhorn);
  if (longhorn && longhornVersion) {
    versions.push({ component: 'longhorn', version: longhornVersion.value, source: await sourceOf(bundle, longhorn, longhornVersion.pointer, 'Longhorn setting current-longhorn-version') });
  } else {
    const manager = objects.longhornManager && longhornManagerImage(objects.longhornManager);
    if (manager) versions.push({ component: 'longhorn', version: manager.version, source: await sourceOf(bundle, manager.daemonSet, manager.pointer, 'longhorn-manager DaemonSet image') });
  }

  for (const kubevirt of [...kubevirts].sort((a, b) => (a.metadata.namespace === 'harvester-system' ? -1 : b.metadata.namespace === 'harvester-system' ? 1 : 0))) {
    const observed = text(field(kubevirt, 'status', 'observedKubeVirtVersion'));
    const operator = text(field(kubevirt, 'status', 'operatorVersion'));
    const version = observed ?? operator;
    if (!version) continue;
    const pointer = observed ? '/status/observedKubeVirtVersion' : '/status/operatorVersion';
    versions.push({ component: 'kubevirt', version, source: await sourceOf(bundle, kubevirt, pointer, `KubeVirt ${kubevirt.metadata.namespace ?? ''}/${kubevirt.metadata.name} ${pointer.split('/').pop()}`) });
    break;
  }
  return versions;
}

function settingVersion(setting: KubeObject): { value: string; pointer: string } | undefined {
  const value = text(setting.value);
  if (value) return { value, pointer: '/value' };
  const fallback = text(setting.default);
  return fallback ? { value: fallback, pointer: '/default' } : undefined;
}

function longhornManagerImage(daemonSet: KubeObject): { version: string; daemonSet: KubeObject; pointer: string } | undefined {
  const containers = field(daemonSet, 'spec', 'template', 'spec', 'containers');
  if (!Array.isArray(containers)) return undefined;
  const found = containers.findIndex((container) => field(container, 'name') === 'longhorn-manager');
  const index = found < 0 ? 0 : found;
  const image = text(field(containers[index], 'image'));
  const tag = image && /:([^:/@]+)(?:@.*)?$/.exec(image)?.[1];
  return tag ? { version: tag, daemonSet, pointer: `/spec/template/spec/containers/${index}/image` } : undefined;
}

async function sourceOf(bundle: Bundle, object: KubeObject, pointer: string, description: string): Promise<FactSource> {
  const path = bundle.origin(object)?.path ?? '';
  const line = await bundle.locate(object, pointer);
  return line === undefined ? { path, description } : { path, line, description };
}
