import type { Report } from '@bundle-triage/rules';
import { describe, expect, it } from 'vitest';
import { redactReport, redactText } from './redact.js';

describe('redactText masks secrets by shape and keeps the key', () => {
  it.each([
    ['password: hunter2-very-secret', 'password: ***'],
    ['  adminPassword: "s3cr3t"', '  adminPassword: "***"'],
    ['{"password":"p4ss","user":"admin"}', '{"password":"***","user":"admin"}'],
    ['DB_PASSWD=abc123 other=1', 'DB_PASSWD=*** other=1'],
    ["client_secret: 'abc'", "client_secret: '***'"],
    ['apiToken: tok-123', 'apiToken: ***'],
    ['level=info Authorization: Bearer abcdefghijklmnop', 'level=info Authorization: Bearer ***'],
    ['Authorization: Basic dXNlcjpwYXNzd29yZA==', 'Authorization: Basic ***'],
    ['kubectl --token=abcdef123456 get pods', 'kubectl --token=*** get pods'],
    ['git clone https://user:pa55word@github.example/repo.git', 'git clone https://user:***@github.example/repo.git'],
    ['token=eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzeXN0ZW0ifQ.c2lnbmF0dXJl', 'token=***'],
    ['sa eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzeXN0ZW0ifQ.c2lnbmF0dXJl used', 'sa *** used'],
    ['caBundle: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUJrVENC', 'caBundle: ***'],
    ['data: MIIBkTCB+wIJAKHHIGzeJm7yMA0GCSqGSIb3DQEBCwUAMBExDzANBgNV', 'data: ***'],
    ['-----BEGIN PRIVATE KEY-----\nMIIEvQ\n-----END PRIVATE KEY-----', '-----BEGIN PRIVATE KEY-----***-----END PRIVATE KEY-----'],
    ['"-----BEGIN CERTIFICATE-----\\nMIIB\\n-----END CERTIFICATE-----"', '"-----BEGIN CERTIFICATE-----***-----END CERTIFICATE-----"'],
  ])('%s', (input, expected) => {
    const result = redactText(input);
    expect(result.text).toBe(expected);
    expect(result.masked).toBeGreaterThan(0);
  });

  it.each([
    'image: registry.suse.com/harvester@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
    'uid: 612c6edb-da17-4774-b848-37dd4e06ed17',
    'commit 1a861fc0d4e5b6a7c8d9e0f1a2b3c4d5e6f7a8b9',
    'path: /var/lib/rancher/rke2/agent/containerd/io.containerd.snapshotter.v1.overlayfs/snapshots/12',
    'automountServiceAccountToken: false',
    'secretName: snapshot-validation-webhook-tls',
    'kind: Secret',
    'token: ""',
    'a password: *** already masked',
    'Modified on Secret kube-system/snapshot-validation-webhook-tls and ValidatingWebhookConfiguration harvester-snapshot-validation-webhook',
    'the bearer of bad news',
    'entry "/etc/passwd": absolute path, refused',
    'read /var/lib/secret: permission denied',
  ])('leaves alone: %s', (input) => {
    expect(redactText(input)).toEqual({ text: input, masked: 0 });
  });

  it('is idempotent: a redacted text has nothing left to mask', () => {
    const once = redactText('password: x1 Authorization: Bearer abcdefghijkl https://u:p@h/ --token=t');
    expect(once.masked).toBe(4);
    expect(redactText(once.text)).toEqual({ text: once.text, masked: 0 });
  });
});

describe('redactReport', () => {
  const report = (): Report => ({
    schemaVersion: 1,
    tool: { name: 'bundle-triage', version: '0.1.0' },
    bundle: { source: 'x', format: 'zip', root: '', createdAt: null, kubernetesVersion: null, harvesterVersion: null, harvesterVersionSource: null, nodes: [], nodesWithoutBundle: [], collectedNamespaces: [], uncollectedNamespaces: [], oldKit: false },
    summary: { fail: 1, warn: 0, info: 0, pass: 0, skipped: 1, errors: 1, headline: 'r', headlineMessage: 'password: p1' },
    findings: [
      {
        ruleId: 'r', status: 'fail', severity: 'high', title: 't', message: 'password: p1', component: 'c', tags: [], references: [], fingerprint: 'f',
        evidence: [{ path: 'a.yaml', line: 7, excerpt: 'token: t1' }],
        remediation: { summary: 's', steps: ['use --password=p2'], commands: ['curl -H "Authorization: Bearer abcdefghij"'], patch: { target: { apiVersion: 'v1', kind: 'ConfigMap', name: 'n' }, operations: [{ op: 'add', path: '/data/password', value: 'p3' }, { op: 'add', path: '/data/nested', value: { secret: 'p4', plain: 'ok' } }], diff: '+  password: p3\n', command: 'kubectl patch ... -p \'[{"op":"add","path":"/data/password","value":"p3"}]\'' } },
      },
    ],
    skipped: [{ ruleId: 's', title: 't', reason: 'no token: p5 here' }],
    errors: [{ ruleId: 'e', message: 'failed with password=p6' }],
    diagnostics: [{ path: 'b.log', level: 'warning', message: 'line has secret: p7' }],
  });

  it('masks every quoted place, leaves the original untouched, and counts each secret once', () => {
    const original = report();
    const { report: redacted, masked } = redactReport(original);
    const text = JSON.stringify(redacted);
    for (const secret of ['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7', 't1', 'abcdefghij']) expect(text).not.toMatch(new RegExp(`\\b${secret}\\b`));
    expect(masked).toBe(11); // the headline repeats the finding's message and is not counted twice
    expect(original.findings[0]!.message).toBe('password: p1');
    expect(redacted.findings[0]!.evidence[0]!.line).toBe(7);
  });
});
