import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyPath } from './classify-path.js';

describe('classifyPath', () => {
  it('reads core cluster-scoped lists as group "" with their version', () => {
    expect(classifyPath('yamls/cluster/v1/nodes.yaml', 10)).toEqual({
      type: 'resource', path: 'yamls/cluster/v1/nodes.yaml', size: 10, scope: 'cluster', group: '', version: 'v1', resource: 'nodes',
    });
  });

  it('reads grouped cluster-scoped lists by counting segments, not by looking for dots', () => {
    expect(classifyPath('yamls/cluster/admissionregistration.k8s.io/v1/validatingwebhookconfigurations.yaml')).toMatchObject({
      type: 'resource', scope: 'cluster', group: 'admissionregistration.k8s.io', version: 'v1', resource: 'validatingwebhookconfigurations',
    });
    expect(classifyPath('yamls/namespaced/kube-system/apps/v1/deployments.yaml')).toMatchObject({
      type: 'resource', scope: 'namespaced', namespace: 'kube-system', group: 'apps', version: 'v1', resource: 'deployments',
    });
  });

  it('reads namespaced core lists and keeps plural names with dashes', () => {
    expect(classifyPath('yamls/namespaced/default/v1/events.yaml')).toMatchObject({ namespace: 'default', group: '', resource: 'events' });
    expect(classifyPath('yamls/namespaced/default/k8s.cni.cncf.io/v1/network-attachment-definitions.yaml')).toMatchObject({
      group: 'k8s.cni.cncf.io', resource: 'network-attachment-definitions',
    });
  });

  it('treats non-YAML files under yamls/ (a .DS_Store) and odd depths as other', () => {
    expect(classifyPath('yamls/cluster/.DS_Store').type).toBe('other');
    expect(classifyPath('yamls/cluster/a/b/c/d.yaml').type).toBe('other');
    expect(classifyPath('yamls/namespaced/ns/v1/.yaml').type).toBe('other');
  });

  it('reads pod logs, current and previous instance', () => {
    expect(classifyPath('logs/harvester-system/harvester-abc/apiserver.log')).toMatchObject({
      type: 'podLog', namespace: 'harvester-system', pod: 'harvester-abc', container: 'apiserver', previous: false,
    });
    expect(classifyPath('logs/cattle-system/rancher-x/rancher.log.1')).toMatchObject({ type: 'podLog', container: 'rancher', previous: true });
  });

  it('reads node zips, their members and extracted node folders as node files', () => {
    expect(classifyPath('nodes/node1.zip')).toMatchObject({ type: 'nodeArchive', node: 'node1' });
    expect(classifyPath('nodes/node1.zip!/node1/logs/kernel.log')).toMatchObject({ type: 'nodeFile', node: 'node1', file: 'logs/kernel.log' });
    expect(classifyPath('nodes/node1/logs/kernel.log')).toMatchObject({ type: 'nodeFile', node: 'node1', file: 'logs/kernel.log' });
  });

  it('recognises the special top-level files', () => {
    expect(classifyPath('metadata.yaml').type).toBe('metadata');
    expect(classifyPath('bundleGenerationError.log').type).toBe('generationErrors');
    expect(classifyPath('prometheus-alerts.json').type).toBe('prometheusAlerts');
    expect(classifyPath('README').type).toBe('other');
  });

  it('maps any path to an entry or "other" and never throws', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom('yamls', 'cluster', 'namespaced', 'logs', 'nodes', 'v1', 'x.zip', '', 'a.yaml', 'b.log', 'c.log.1', '!'), fc.string()), { maxLength: 8 }), (parts) => {
        const entry = classifyPath(parts.join('/'));
        expect(entry.path).toBe(parts.join('/'));
        expect(['resource', 'podLog', 'nodeFile', 'nodeArchive', 'metadata', 'generationErrors', 'prometheusAlerts', 'other']).toContain(entry.type);
      }),
      { seed: 20261126, numRuns: 2000 },
    );
  });

  it('maps arbitrary strings and nested "!/" forms to a well-formed entry, never a throw', () => {
    const segment = fc.oneof(
      fc.constantFrom('yamls', 'cluster', 'namespaced', 'logs', 'nodes', 'v1', 'apps', 'n1', 'n1.zip', 'n1.zip!', '.zip', '.zip!', '!', '!/', '', 'a.yaml', 'b.log', 'c.log.1', '..', '\\', '\u0000'),
      fc.string({ unit: 'binary', maxLength: 8 }),
    );
    const path = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.array(segment, { maxLength: 8 }).map((parts) => parts.join('/')),
      // Archives inside archives: nodes/a.zip!/a/nodes/b.zip!/b/…
      fc.array(fc.array(segment, { maxLength: 4 }).map((parts) => parts.join('/')), { minLength: 2, maxLength: 4 }).map((levels) => levels.join('.zip!/')),
    );
    const nonEmpty = (value: unknown) => typeof value === 'string' && value.length > 0;
    fc.assert(
      fc.property(path, fc.nat(), (text, size) => {
        const entry = classifyPath(text, size);
        expect(entry.path).toBe(text);
        expect(entry.size).toBe(size);
        switch (entry.type) {
          case 'resource':
            expect(text.startsWith('yamls/') && text.endsWith(`/${entry.resource}.yaml`)).toBe(true);
            expect([entry.version, entry.resource].every(nonEmpty)).toBe(true);
            expect(entry.scope === 'namespaced' ? nonEmpty(entry.namespace) : entry.namespace === undefined).toBe(true);
            break;
          case 'podLog':
            expect([entry.namespace, entry.pod, entry.container].every(nonEmpty)).toBe(true);
            expect(text).toBe(`logs/${entry.namespace}/${entry.pod}/${entry.container}.log${entry.previous ? '.1' : ''}`);
            break;
          case 'nodeArchive':
            expect(nonEmpty(entry.node) && text === `nodes/${entry.node}.zip`).toBe(true);
            break;
          case 'nodeFile':
            expect(nonEmpty(entry.node) && nonEmpty(entry.file) && text.startsWith(`nodes/${entry.node}`)).toBe(true);
            expect(text.endsWith(entry.file)).toBe(true);
            break;
          case 'metadata':
          case 'generationErrors':
          case 'prometheusAlerts':
            expect(text).not.toContain('/');
            break;
          default:
            expect(entry.type).toBe('other');
        }
      }),
      { seed: 20261126, numRuns: 3000 },
    );
  });
});
