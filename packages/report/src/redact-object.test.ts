import { describe, expect, it } from 'vitest';
import { redactObject } from './redact-object.js';

describe('redactObject', () => {
  it('masks secret-named keys and secrets inside strings, and keeps the JSON valid', () => {
    const object = {
      data: { 'api-token': 'canary-cm-token-6b1f0e', 'log-level': 'info', replicas: 3 },
      spec: { valuesContent: 'global:\n  adminPassword: canary-helm-pw-41d2\nreplicas: 2\n' },
      webhooks: [{ clientConfig: { caBundle: 'LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUJrVENCK3dJSkFLSGFuYXJ5Q0FCdW5kbGUxMjM0NTY3OAo=' } }],
    };
    const { value, masked } = redactObject(object);
    const text = JSON.stringify(value);
    expect(text).not.toMatch(/canary-cm-token|canary-helm-pw|LS0tLS1CRUdJTi/);
    expect(value.data['log-level']).toBe('info');
    expect(value.data.replicas).toBe(3);
    expect(value.spec.valuesContent).toContain('replicas: 2');
    expect(masked).toBeGreaterThanOrEqual(3);
    expect(() => JSON.parse(text)).not.toThrow();
  });
});
