import { describe, expect, it } from 'vitest';
import { smartLabel } from './render-description.js';

describe("smartLabel (kubectl describe's field names)", () => {
  it.each([
    ['creationTimestamp', 'Creation Timestamp'],
    ['apiVersion', 'API Version'],
    ['uid', 'UID'],
    ['podIP', 'Pod IP'],
    ['hostIPs', 'Host I Ps'],
    ['status', 'Status'],
    ['readyReplicas', 'Ready Replicas'],
    ['app.kubernetes.io/name', 'app.kubernetes.io/name'],
    ['v1beta2', 'v1beta2'],
  ])('%s → %s', (field, label) => {
    expect(smartLabel(field)).toBe(label);
  });
});
