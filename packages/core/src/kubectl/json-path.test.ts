import { describe, expect, it } from 'vitest';
import { evaluateJsonPath, JsonPathError, parseJsonPath } from './json-path.js';

const vmi = {
  metadata: { labels: { 'app.kubernetes.io/name': 'web' } },
  status: {
    conditions: [
      { type: 'Ready', status: 'True' },
      { type: 'LiveMigratable', status: 'False' },
    ],
    interfaces: [{ ipAddress: '192.168.10.50' }, { ipAddress: '10.0.0.2' }],
  },
};

const at = (path: string, object: unknown = vmi) => evaluateJsonPath(parseJsonPath(path), object);

describe('JSONPath of printer columns', () => {
  it('reads fields, indexes and quoted keys', () => {
    expect(at('.status.interfaces[0].ipAddress')).toEqual(['192.168.10.50']);
    expect(at(".metadata.labels['app.kubernetes.io/name']")).toEqual(['web']);
    expect(at('.metadata.labels.app\\.kubernetes\\.io/name')).toEqual(['web']);
    expect(at('{.status.interfaces[-1:].ipAddress}')).toEqual(['10.0.0.2']);
  });

  it("filters conditions by type, with either quote (KubeVirt's ' and Fleet's \")", () => {
    expect(at(".status.conditions[?(@.type=='Ready')].status")).toEqual(['True']);
    expect(at('.status.conditions[?(@.type=="LiveMigratable")].status')).toEqual(['False']);
    expect(at(".status.conditions[?(@.type!='Ready')].type")).toEqual(['LiveMigratable']);
  });

  it("reads old Longhorn's map of conditions with bracket keys", () => {
    expect(at(".status.conditions['scheduled']['status']", { status: { conditions: { scheduled: { status: 'True' } } } })).toEqual(['True']);
  });

  it('reaches nothing, without error, when a key is missing', () => {
    expect(at('.status.nodeName')).toEqual([]);
    expect(at('.status.interfaces[5].ipAddress')).toEqual([]);
  });

  it('lists every value of a wildcard', () => {
    expect(at('.status.interfaces[*].ipAddress')).toEqual(['192.168.10.50', '10.0.0.2']);
  });

  it('refuses what it does not support with a typed error', () => {
    expect(() => parseJsonPath('..status')).toThrow(JsonPathError);
    expect(() => parseJsonPath('.a[?(@.b~="x")]')).toThrow(JsonPathError);
  });
});
