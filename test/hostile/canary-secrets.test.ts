// Canary secrets planted in a realistic bundle (the generator's healthy v1.4.1 cluster with the
// flagship S01 fault) where findings quote them: a token in a ConfigMap, a password in Helm
// values, a bearer token in a pod log line, a private key in a Fleet bundle, a caBundle. No
// report the CLI renders, in any format, may contain one, unless redaction is turned off; then
// every one must appear, which proves they really reached the findings.
//
// The catalog cites none of these objects but the pod log (snapshot-validation-webhook-x509-
// or-refused quotes the failing call's line), so site rules (`--rules`) quote the rest the way a
// rule author would: the excerpt of the field, or the value in the message. They are tagged
// upgrade-gate so that the readiness view shows them too.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CREATED_AT, flagshipS01, healthyCluster } from '../../testdata/generator/index.js';
import { assertBuilt, S01 } from '../cli/run-cli.js';
import { boundViolations, runCliBounded, runFolder } from './run-bounded.js';

const CANARY = {
  configMapToken: 'canary-cm-token-6b1f0e',
  helmPassword: 'Canary-Helm-Passw0rd-4d2',
  bearerToken: 'canaryBearerTok3n9x8w7v6uQ',
  privateKeyBody: 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCcanaryFleetKeyBody0123456789abc',
  caBundle: 'LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUNjYW5hcnlDYUJ1bmRsZTk4NzY1NDMyMQ==',
} as const;

const SNAPSHOT_WEBHOOK_X509 = 'snapshot-validation-webhook-x509-or-refused';

function plantedBundle(path: string): void {
  const bundle = healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 1, seed: 8 });
  flagshipS01(bundle);
  bundle.addObject({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'canary-settings', namespace: 'harvester-system' },
    data: { 'api-token': CANARY.configMapToken, 'log-level': 'info' },
  });
  bundle.addObject({
    apiVersion: 'helm.cattle.io/v1',
    kind: 'HelmChart',
    metadata: { name: 'canary-chart', namespace: 'kube-system' },
    spec: { chart: 'canary', valuesContent: `global:\n  registry: registry.example.com\n  adminPassword: ${CANARY.helmPassword}\nreplicas: 2\n` },
  });
  bundle.addObject({
    apiVersion: 'fleet.cattle.io/v1alpha1',
    kind: 'Bundle',
    metadata: { name: 'canary-fleet-bundle', namespace: 'fleet-local' },
    spec: {
      resources: [
        {
          name: 'tls-secret.yaml',
          content: `apiVersion: v1\nkind: Secret\nmetadata:\n  name: canary-tls\nstringData:\n  tls.key: |\n    -----BEGIN RSA PRIVATE KEY-----\n    ${CANARY.privateKeyBody}\n    -----END RSA PRIVATE KEY-----\n`,
        },
      ],
    },
  });
  bundle.addObject({
    apiVersion: 'admissionregistration.k8s.io/v1',
    kind: 'MutatingWebhookConfiguration',
    metadata: { name: 'canary-webhook' },
    webhooks: [{ name: 'canary.example.com', clientConfig: { caBundle: CANARY.caBundle, service: { name: 'canary', namespace: 'default', port: 443 } } }],
  });
  // Within a day of the bundle, so the catalog rule fails and quotes the line.
  const loggedAt = new Date(Date.parse(DEFAULT_CREATED_AT) - 3600_000).toISOString().replace('.000Z', '.123456789Z');
  bundle.addPodLog('harvester-system', 'harvester-6c9f7d5b8-canry', 'apiserver', [
    {
      time: loggedAt,
      // Excerpts keep the first 240 characters of a line: the token comes first, as in a request dump.
      text: `E0312 08:14:07.123456 1 controller.go:113] Authorization: Bearer ${CANARY.bearerToken} rejected: failed calling webhook "snapshot-validation-webhook.csi.kubernetes.io": x509: certificate signed by unknown authority`,
    },
  ]);
  bundle.writeZip(path);
}

const SITE_RULES: Record<string, string> = {
  'configmap-token.yaml': `id: site-configmap-token
title: A ConfigMap holds an API token
severity: medium
component: test
tags: [upgrade-gate]
inputs:
  config: { resource: { group: '', resource: configmaps, namespace: harvester-system, name: canary-settings } }
outcomes:
  - when: { field: { path: config/data/api-token, exists: true } }
    status: fail
    message: 'ConfigMap harvester-system/canary-settings holds {{ config/data | json }}'
`,
  'helm-values.yaml': `id: site-helm-values-password
title: Helm values set a password in clear
severity: medium
component: test
tags: [upgrade-gate]
inputs:
  chart: { resource: { group: helm.cattle.io, resource: helmcharts, namespace: kube-system, name: canary-chart } }
outcomes:
  - when: { field: { path: chart/spec/valuesContent, contains: adminPassword } }
    status: fail
    message: 'HelmChart kube-system/canary-chart values: {{ chart/spec/valuesContent }}'
`,
  'fleet-private-key.yaml': `id: site-fleet-bundle-private-key
title: A Fleet bundle carries a private key
severity: medium
component: test
tags: [upgrade-gate]
inputs:
  bundle: { resource: { group: fleet.cattle.io, resource: bundles, namespace: fleet-local, name: canary-fleet-bundle } }
outcomes:
  - when: { field: { path: bundle/spec/resources/0/content, contains: PRIVATE KEY } }
    status: fail
    message: 'Fleet bundle fleet-local/canary-fleet-bundle deploys {{ bundle/spec/resources/0/name }}: {{ bundle/spec/resources/0/content }}'
`,
  'webhook-cabundle.yaml': `id: site-webhook-cabundle
title: A webhook has a caBundle
severity: low
component: test
tags: [upgrade-gate]
inputs:
  hooks: { resource: { group: admissionregistration.k8s.io, resource: mutatingwebhookconfigurations, name: canary-webhook } }
outcomes:
  - when: { field: { path: hooks/webhooks/0/clientConfig/caBundle, exists: true } }
    status: fail
    message: 'MutatingWebhookConfiguration canary-webhook trusts caBundle={{ hooks/webhooks/0/clientConfig/caBundle }}'
`,
};

const ANALYZE_FORMATS = ['text', 'md', 'html', 'json', 'sarif', 'junit'] as const;
const READINESS_FORMATS = ['text', 'md', 'json'] as const;

const work = runFolder('canary');
let bundlePath: string;
let rulesFolder: string;
let runs = 0;

beforeAll(() => {
  assertBuilt();
  bundlePath = join(work.path, 'canary-bundle.zip');
  plantedBundle(bundlePath);
  rulesFolder = join(work.path, 'rules');
  mkdirSync(rulesFolder);
  for (const [name, text] of Object.entries(SITE_RULES)) writeFileSync(join(rulesFolder, name), text);
});
afterAll(work.remove);

async function render(command: 'analyze' | 'readiness', format: string, redact: boolean): Promise<string> {
  const scratch = join(work.path, `run-${++runs}`);
  mkdirSync(scratch);
  const run = await runCliBounded([command, bundlePath, '--rules', rulesFolder, '--format', format, '--quiet', ...(redact ? [] : ['--no-redact'])], scratch);
  expect(boundViolations(run)).toEqual([]);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(3);
  return run.stdout;
}

const leaked = (output: string) => Object.entries(CANARY).filter(([, secret]) => output.includes(secret)).map(([name]) => name);

describe('canary secrets planted in a bundle', () => {
  it('surface in the findings: with --no-redact the JSON report quotes every one, from the rules meant to quote it', async () => {
    const report = JSON.parse(await render('analyze', 'json', false)) as { findings: { ruleId: string; status: string; message: string; evidence: { excerpt: string }[] }[] };
    const quotedBy = (ruleId: string) => {
      const finding = report.findings.find((candidate) => candidate.ruleId === ruleId);
      expect(finding, `${ruleId} gave no finding`).toBeDefined();
      return JSON.stringify([finding!.message, finding!.evidence.map((evidence) => evidence.excerpt)]);
    };
    expect(report.findings.find((finding) => finding.ruleId === S01)?.status).toBe('fail');
    expect(quotedBy(SNAPSHOT_WEBHOOK_X509)).toContain(CANARY.bearerToken);
    expect(quotedBy('site-configmap-token')).toContain(CANARY.configMapToken);
    expect(quotedBy('site-helm-values-password')).toContain(CANARY.helmPassword);
    expect(quotedBy('site-fleet-bundle-private-key')).toContain(CANARY.privateKeyBody);
    expect(quotedBy('site-webhook-cabundle')).toContain(CANARY.caBundle);
  });

  it.each(ANALYZE_FORMATS)('analyze --format %s shows none of them, and every one with --no-redact', async (format) => {
    expect(leaked(await render('analyze', format, true))).toEqual([]);
    expect(leaked(await render('analyze', format, false))).toEqual(Object.keys(CANARY));
  });

  it.each(READINESS_FORMATS)('readiness --format %s shows none of them, and those of its upgrade-gate rules with --no-redact', async (format) => {
    expect(leaked(await render('readiness', format, true))).toEqual([]);
    // The site rules are tagged upgrade-gate, so the readiness view lists them; the log line's rule is not.
    expect(leaked(await render('readiness', format, false))).toEqual(Object.keys(CANARY).filter((name) => name !== 'bearerToken'));
  });
});
