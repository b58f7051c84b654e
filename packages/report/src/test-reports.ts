// Test support (not part of the package): the reports the renderers are tested on, built by the real
// engine from the committed fixture bundles, and a bundle with planted secrets.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openBundle, type KubeObject, type LogFile } from '@bundle-triage/core';
import { analyze, catalogDirectory, defineCodeRule, parseRule, type Report, type Rule } from '@bundle-triage/rules';
import { BundleBuilder } from '@bundle-triage/rules/testing';

export const FLAGSHIP_RULE_ID = 'mcc-harvester-modified-snapshot-validation-webhook';
export const FIXTURES = { flagship: 'flagship-v1.4.1.zip', healthy: 'healthy-v1.4.1-1node.zip' } as const;
export type FixtureName = keyof typeof FIXTURES;

export function fixturePath(name: FixtureName): string {
  return fileURLToPath(new URL(`../../../testdata/bundles/${FIXTURES[name]}`, import.meta.url));
}

export function fixtureExists(name: FixtureName): boolean {
  return existsSync(fixturePath(name));
}

function yamlRule(text: string): Rule {
  const { rule, problems } = parseRule(text, '<test rule>');
  if (!rule) throw new Error(problems.map((problem) => `${problem.pointer}: ${problem.message}`).join('; '));
  return rule;
}

/** Skipped on the fixtures: the Fleet bundle it needs is not in them. */
const SKIPPED_RULE = yamlRule(`
id: mcc-rancher-logging-not-ready
title: The rancher-logging Fleet bundle is not ready
severity: medium
component: fleet
tags: [precheck]
inputs:
  bundle: { resource: { group: fleet.cattle.io, resource: bundles, namespace: fleet-local, name: mcc-rancher-logging } }
outcomes:
  - { status: fail, message: never }
`);

/** Passes on both fixtures (every node is Ready). */
const PASS_RULE = yamlRule(`
id: node-not-ready
title: A node is not Ready
severity: high
component: node
tags: [upgrade-gate, precheck]
inputs:
  nodes: { resource: { group: '', resource: nodes, namespace: null } }
match: { forEach: nodes, as: node }
outcomes:
  - when:
      some:
        path: node/status/conditions
        as: condition
        where:
          all:
            - field: { path: condition/type, equals: Ready, evidence: false }
            - field: { path: condition/status, notEquals: 'True' }
    status: fail
    message: node {{ node/metadata/name }} is not Ready
`);

/** Warns on the flagship only: its harvester ManagedChart is not Ready. */
const WARN_RULE = yamlRule(`
id: managedchart-not-ready
title: A ManagedChart in fleet-local is not Ready
severity: high
component: fleet
tags: [upgrade]
inputs:
  charts: { resource: { group: management.cattle.io, resource: managedcharts, namespace: fleet-local } }
match: { forEach: charts, as: chart }
outcomes:
  - when:
      some:
        path: chart/status/conditions
        as: condition
        where:
          all:
            - field: { path: condition/type, equals: Ready, evidence: false }
            - field: { path: condition/status, notEquals: 'True' }
    status: warn
    message: ManagedChart {{ chart/metadata/name }} is not Ready <it & its "bundle" are Modified>
`);

/** Fails to run, with characters every format must escape. */
const ERROR_RULE = defineCodeRule({
  id: 'broken-rule',
  title: 'A rule that throws',
  severity: 'low',
  component: 'test',
  whyCode: 'tests the error path of every format',
  evaluate: async () => {
    throw new Error('cannot read <spec> & "status" of \'harvester\'\u0007');
  },
});

/**
 * The rules of the golden reports: the flagship rule read from its catalog file plus the rules above,
 * pinned so that the growth of the catalog (and a catalog file being edited) does not churn the goldens.
 */
export function goldenRules(name: FixtureName): Rule[] {
  const flagship = yamlRule(readFileSync(join(catalogDirectory(), 'fleet', FLAGSHIP_RULE_ID, 'rule.yaml'), 'utf8'));
  return name === 'flagship' ? [flagship, SKIPPED_RULE, PASS_RULE, WARN_RULE, ERROR_RULE] : [flagship, SKIPPED_RULE, PASS_RULE];
}

/** The report of a fixture bundle, without run timings and with a machine-independent source path. */
export async function fixtureReport(name: FixtureName, options: { includePass?: boolean } = {}): Promise<Report> {
  const bundle = await openBundle(fixturePath(name));
  try {
    const report = await analyze(bundle, { rules: goldenRules(name), includePass: options.includePass ?? true, concurrency: 1 });
    delete report.run;
    report.bundle.source = `testdata/bundles/${FIXTURES[name]}`;
    return report;
  } finally {
    await bundle.close();
  }
}

/**
 * The report whose sections have something to show: the workloads fixture (a crash-looping
 * network controller, its logs and events) with the catalog's pod-status pre-check, which fails
 * on that pod, so the pod's log templates and events are the finding's.
 */
export async function sectionsReport(): Promise<Report> {
  const rule = yamlRule(readFileSync(join(catalogDirectory(), 'upgrade', 'precheck-pod-status', 'rule.yaml'), 'utf8'));
  const bundle = await openBundle(fileURLToPath(new URL('../../../testdata/bundles/workloads-v1.4.2.zip', import.meta.url)));
  try {
    const report = await analyze(bundle, { rules: [rule], concurrency: 1 });
    delete report.run;
    report.bundle.source = 'testdata/bundles/workloads-v1.4.2.zip';
    return report;
  } finally {
    await bundle.close();
  }
}

/** Secrets planted in a bundle; none of them may appear in any redacted rendering. */
export const CANARIES = {
  password: 'Canary-Passw0rd-7f3k',
  pemBody: 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCcanaryPrivateKeyBody0123456789',
  caBundle: 'LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUNhbmFyeUNhQnVuZGxlMDEyMzQ1Njc4OQ==',
  jwt: 'eyJhbGciOiJSUzI1NiIsImtpZCI6ImNhbmFyeSJ9.eyJzdWIiOiJjYW5hcnktc2EifQ.c2lnbmF0dXJlLWNhbmFyeQ',
  bearer: 'canaryBearerTok3n9x8w7v6u',
  apiToken: 'canary-api-token-31337',
  urlPassword: 'CanaryUrlPa55',
  jsonPassword: 'CanaryJsonPa55',
  flagToken: 'canary-flag-token-0042',
  patchPassword: 'CanaryPatchPa55',
  // Quoted only by the report's sections: a log template and its sample line, a template's
  // mentions, a timeline entry of an event, a Fleet bundle's message in the overview.
  templatePassword: 'CanaryTemplatePa55',
  mentionJwt: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJjYW5hcnktbWVudGlvbiJ9.bWVudGlvbi1jYW5hcnk',
  eventPassword: 'CanaryEventPa55',
  fleetPassword: 'CanaryFleetPa55',
} as const;

const PEM = `-----BEGIN RSA PRIVATE KEY-----\n${CANARIES.pemBody}\n-----END RSA PRIVATE KEY-----\n`;

/** A small bundle whose ConfigMap and pod log hold every kind of secret the redactor knows. */
export function canaryBundle(): BundleBuilder {
  const bundle = new BundleBuilder({ createdAt: '2025-03-06T22:45:28Z', kubernetesVersion: 'v1.30.7+rke2r1' });
  bundle.collectNamespace('harvester-system');
  bundle.addObject({ apiVersion: 'harvesterhci.io/v1beta1', kind: 'Setting', metadata: { name: 'server-version' }, value: 'v1.4.1', default: '' });
  bundle.addObject({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'canary-config', namespace: 'harvester-system' },
    data: {
      password: CANARIES.password,
      caBundle: CANARIES.caBundle,
      'tls.key': PEM,
      apiToken: CANARIES.apiToken,
      registry: `https://admin:${CANARIES.urlPassword}@registry.example.com/v2/`,
      'settings.json': `{"user":"admin","password":"${CANARIES.jsonPassword}"}`,
      mode: 'lenient',
    },
  });
  bundle.addPodLog('harvester-system', 'canary-7d9f-abcde', 'canary', [
    `level=info msg="calling api" Authorization: Bearer ${CANARIES.bearer}`,
    `level=debug msg="service account token" token=${CANARIES.jwt}`,
    `level=info msg="login" url=https://admin:${CANARIES.urlPassword}@rancher.example.com/v3`,
  ]);
  // Error lines become a log template (its sample line quotes them); a quoted token is a mention.
  bundle.addPodLog('harvester-system', 'harvester-7d9f4c-x2k9p', 'apiserver', [
    { time: '2025-03-06T22:41:00.000000001Z', text: `level=error msg="login failed" password=${CANARIES.templatePassword} token "${CANARIES.mentionJwt}"` },
  ]);
  bundle.addObject({
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name: 'canary-7d9f-abcde.17a0', namespace: 'harvester-system', uid: '0b1e9a43-5a4b-4c1e-9d0e-3f7b2c1a9e01' },
    involvedObject: { apiVersion: 'v1', kind: 'Pod', name: 'canary-7d9f-abcde', namespace: 'harvester-system' },
    reason: 'FailedMount',
    message: `MountVolume.SetUp failed for volume "creds": password=${CANARIES.eventPassword}`,
    type: 'Warning',
    count: 3,
    firstTimestamp: '2025-03-06T22:40:00Z',
    lastTimestamp: '2025-03-06T22:44:00Z',
  });
  bundle.collectNamespace('fleet-local');
  bundle.addObject({
    apiVersion: 'fleet.cattle.io/v1alpha1',
    kind: 'Bundle',
    metadata: { name: 'canary-bundle', namespace: 'fleet-local', creationTimestamp: '2025-03-06T20:00:00Z' },
    status: {
      conditions: [{ type: 'Ready', status: 'False', lastUpdateTime: '2025-03-06T22:30:00Z', message: `ErrApplied(1) [Cluster fleet-local/local]: helm install --password=${CANARIES.fleetPassword} failed` }],
      display: { readyClusters: '0/1', state: 'ErrApplied' },
      summary: { desiredReady: 1, ready: 0 },
    },
  });
  return bundle;
}

/** Cites every planted secret: in evidence, message, remediation text, commands and the patch. */
export const CANARY_RULE = defineCodeRule({
  id: 'canary-secrets-everywhere',
  title: 'Secrets in every part of a finding',
  severity: 'critical',
  component: 'test',
  tags: ['upgrade-gate'],
  whyCode: 'tests redaction: the finding quotes every planted secret',
  inputs: {
    config: { resource: { group: '', resource: 'configmaps', namespace: 'harvester-system', name: 'canary-config' } },
    logs: { logs: { namespace: 'harvester-system', podPrefix: 'canary' } },
  },
  evaluate: async (context) => {
    const config = context.inputs.config as KubeObject;
    const [log] = context.inputs.logs as LogFile[];
    const evidence = await Promise.all(['/data/password', '/data/caBundle', '/data/apiToken', '/data/registry', '/data/settings.json', '/data/tls.key'].map((pointer) => context.evidence(config, pointer)));
    for await (const line of log!.lines()) evidence.push(context.logEvidence(log!, line.line, line.raw));
    return [
      {
        status: 'fail',
        message: `The config sets password: ${CANARIES.password} and the log shows Authorization: Bearer ${CANARIES.bearer}`,
        evidence,
        remediation: {
          summary: `Rotate the token ${CANARIES.jwt} and the caBundle: ${CANARIES.caBundle}`,
          steps: [`Log in at https://admin:${CANARIES.urlPassword}@rancher.example.com and revoke apiToken: ${CANARIES.apiToken}`],
          commands: [`kubectl --token=${CANARIES.flagToken} get configmap -n harvester-system canary-config`, `curl -H "Authorization: Bearer ${CANARIES.bearer}" https://rancher.example.com/v3`],
          patch: { target: config, operations: [{ op: 'replace', path: '/data/mode', value: 'strict' }, { op: 'add', path: '/data/adminPassword', value: CANARIES.patchPassword }, { op: 'add', path: '/data/zone', value: 'a' }] },
        },
      },
    ];
  },
});

export async function canaryReport(): Promise<Report> {
  const bundle = await openBundle(canaryBundle().toZip());
  try {
    const report = await analyze(bundle, { rules: [CANARY_RULE], includePass: true });
    delete report.run;
    return report;
  } finally {
    await bundle.close();
  }
}
