import { apiGroupOf, type Bundle, type KubeObject } from '@bundle-triage/core';
import { apiLinks, pageLinks } from './browse-links.js';

/** A log the bundle holds, as a link: a container's current or previous run, a node's log. */
export interface LogChoice {
  label: string;
  previous: boolean;
  links: { self: string; page: string };
}

/** The logs of a Pod or a Node object, as the bundle holds them; nothing for other objects. */
export function logChoicesOf(bundle: Bundle, analysisId: string, object: KubeObject): LogChoice[] {
  if (apiGroupOf(object.apiVersion) !== '') return [];
  if (object.kind === 'Pod' && object.metadata.namespace) return podLogChoices(bundle, analysisId, object.metadata.namespace, object.metadata.name);
  if (object.kind === 'Node') return nodeLogChoices(bundle, analysisId, object.metadata.name);
  return [];
}

/** `logs/<ns>/<pod>/<container>.log` and `.log.1`: each container's run, then its previous run. */
export function podLogChoices(bundle: Bundle, analysisId: string, namespace: string, pod: string): LogChoice[] {
  const files = bundle.index.podLogs({ namespace, pod }).sort((a, b) => (a.container < b.container ? -1 : a.container > b.container ? 1 : Number(a.previous) - Number(b.previous)));
  return files.map((file) => {
    const query = { container: file.container, previous: file.previous };
    return {
      label: file.previous ? `${file.container} (previous run)` : file.container,
      previous: file.previous,
      links: { self: apiLinks.podLog(analysisId, namespace, pod, query), page: pageLinks.podLog(analysisId, namespace, pod, query) },
    };
  });
}

/**
 * The logs of a node's bundle (`logs/…`), named as `bundle-triage logs node/<node> <log>` takes
 * them: `rke2-server` for `logs/rke2-server.log`; `kernel.log.1` is the previous boot's kernel.
 */
export function nodeLogChoices(bundle: Bundle, analysisId: string, node: string): LogChoice[] {
  return bundle.index
    .nodeFiles(node)
    .filter((file) => file.file.startsWith('logs/') && !file.supportconfigArchive)
    .map((file) => {
      const rotated = /\.log\.1$/.test(file.file);
      const name = file.file.slice('logs/'.length, rotated ? -'.1'.length : undefined).replace(/\.log$/, '');
      const query = { file: name, previous: rotated };
      return {
        label: rotated ? `${name} (previous)` : name,
        previous: rotated,
        links: { self: apiLinks.nodeLog(analysisId, node, query), page: pageLinks.nodeLog(analysisId, node, query) },
      };
    })
    .sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
}
