import { openBundle } from '@bundle-triage/core';
import { describe, expect, it } from 'vitest';
import { parseRule } from '../rule/load-rules.js';
import { defineCodeRule, type CodeRule, type Rule } from '../rule/rule.js';
import { analyze } from './analyze.js';
import { BundleBuilder, runRule } from '../testing/index.js';

/** A small bundle in the real layout: settings with server-version, one node, a ManagedChart. */
function cluster(version = 'v1.4.1', kubernetesVersion = 'v1.30.7+rke2r1'): BundleBuilder {
  const bundle = new BundleBuilder({ createdAt: '2025-03-06T22:45:28Z', kubernetesVersion });
  bundle.collectNamespace('fleet-local', 'harvester-system', 'longhorn-system');
  bundle.addObject({ apiVersion: 'harvesterhci.io/v1beta1', kind: 'Setting', metadata: { name: 'server-version' }, value: version, default: '' });
  bundle.addObject({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'node1' }, status: { conditions: [{ type: 'Ready', status: 'True' }] } });
  bundle.addObject({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'fleet-local' } });
  bundle.addObject({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'harvester-public' } });
  bundle.addObject({
    apiVersion: 'management.cattle.io/v3',
    kind: 'ManagedChart',
    metadata: { name: 'harvester', namespace: 'fleet-local' },
    spec: { chart: 'harvester', version: '1.4.1', diff: { comparePatches: [] } },
    status: { conditions: [{ type: 'Ready', status: 'False', message: 'Modified(1) [Cluster fleet-local/local]' }] },
  });
  return bundle;
}

const NOT_READY_RULE = `
id: chart-not-ready
title: A ManagedChart is not ready
severity: high
component: fleet
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
            - field: { path: condition/status, equals: 'False' }
    status: fail
    message: managed chart {{ chart/metadata/name }} is not ready ({{ condition | map:message | join }})
  - when: { field: { path: chart/metadata/name, equals: harvester } }
    status: warn
    message: never reached when the first outcome holds
`;

/** A code rule that looks pods up by name, declaring the list unless told not to. */
function podLookupRule(id: string, evaluate: CodeRule['evaluate'], options: { declared?: boolean } = {}): Rule {
  return defineCodeRule({
    id,
    title: id,
    severity: 'low',
    component: 'test',
    whyCode: 'test',
    ...(options.declared === false ? {} : { lookups: { pods: { group: '', resource: 'pods' } } }),
    evaluate,
  });
}

describe('analyze: outcomes', () => {
  it('takes the first outcome whose when holds, and fills the message from the match', async () => {
    const run = await runRule(NOT_READY_RULE, cluster());
    expect(run.outcome).toBe('fail');
    expect(run.finding?.message).toBe('managed chart harvester is not ready (Modified(1) [Cluster fleet-local/local])');
  });

  it('passes, with no evidence needed, when no outcome holds', async () => {
    const bundle = cluster();
    bundle.updateObject('management.cattle.io/v3', 'ManagedChart', 'fleet-local', 'harvester', (chart) => {
      (chart.status as { conditions: { status: string }[] }).conditions[0]!.status = 'True';
      chart.metadata.name = 'harvester';
    });
    const run = await runRule(NOT_READY_RULE.replace(/  - when: \{ field.*\n.*\n.*\n$/m, ''), bundle);
    expect(run.outcome).toBe('pass');
  });

  it('cites the proving field with its path and the 1-based line that holds it', async () => {
    const run = await runRule(NOT_READY_RULE, cluster());
    const evidence = run.finding!.evidence[0]!;
    expect(evidence.path).toBe('yamls/namespaced/fleet-local/management.cattle.io/v3/managedcharts.yaml');
    expect(evidence.pointer).toBe('/status/conditions/0/status');
    expect(evidence.excerpt).toBe('status: "False"');
    expect(evidence.object).toEqual({ apiVersion: 'management.cattle.io/v3', kind: 'ManagedChart', namespace: 'fleet-local', name: 'harvester' });
    const file = new TextDecoder().decode(cluster().toFiles().get(evidence.path)!);
    expect(file.split('\n')[evidence.line - 1]!.trim()).toBe('status: "False"');
  });
});

describe('analyze: skipped, never pass, when input is missing', () => {
  it('skips with the namespace named when the namespace was not collected', async () => {
    const rule = NOT_READY_RULE.replace('namespace: fleet-local', 'namespace: cattle-logging-system');
    const run = await runRule(rule, cluster());
    expect(run.outcome).toBe('skipped');
    expect(run.skipReason).toBe('namespace cattle-logging-system was not collected in this bundle');
    expect(run.skipKind).toBe('missing-input');
  });

  it('skips when a named object the rule needs is not in the bundle', async () => {
    const rule = `
id: needs-bundle
title: t
severity: low
component: fleet
inputs:
  bundle: { resource: { group: fleet.cattle.io, resource: bundles, namespace: fleet-local, name: mcc-harvester } }
outcomes:
  - { status: fail, message: x }
`;
    const run = await runRule(rule, cluster());
    expect(run.outcome).toBe('skipped');
    expect(run.skipReason).toBe('bundles fleet-local/mcc-harvester is not in this bundle');
    expect(run.skipKind).toBe('missing-input');
  });

  it('skips node-log rules with "no nodes/ folder" when no node bundle was collected', async () => {
    const rule = `
id: kernel-errors
title: t
severity: low
component: node
inputs:
  kernel: { logs: { nodeFile: logs/kernel.log } }
outcomes:
  - when: { log: { input: kernel, pattern: 'I/O error' } }
    status: fail
    message: x
`;
    const run = await runRule(rule, cluster());
    expect(run.skipReason).toBe('no nodes/ folder: node logs and configs were not collected in this bundle');
    expect(run.skipKind).toBe('missing-input');
  });
});

describe('analyze: version gating', () => {
  const gated = (unknown: 'evaluate' | 'skip') => NOT_READY_RULE.replace('component: fleet', `component: fleet\nappliesTo: { harvester: '>=1.4.0 <1.4.2', unknownVersion: ${unknown} }`);

  it('skips a rule outside its version range, naming both versions', async () => {
    const run = await runRule(gated('evaluate'), cluster('v1.5.0'));
    expect(run.skipReason).toBe('applies to Harvester >=1.4.0 <1.4.2; this bundle is v1.5.0');
    expect(run.skipKind).toBe('version');
  });

  it('evaluates a rule inside its range', async () => {
    expect((await runRule(gated('evaluate'), cluster('v1.4.1'))).outcome).toBe('fail');
  });

  it('treats a development build as unknown and does what the rule says', async () => {
    expect((await runRule(gated('evaluate'), cluster('1a861fc-dirty'))).outcome).toBe('fail');
    const skipped = await runRule(gated('skip'), cluster('1a861fc-dirty'));
    expect(skipped.skipReason).toBe('applies to Harvester >=1.4.0 <1.4.2; this bundle is a development build (1a861fc-dirty), so the version cannot be compared');
    // The version is there but cannot be compared: a missing input, not another version.
    expect(skipped.skipKind).toBe('missing-input');
  });

  it('skips a development build as another version when the Kubernetes it runs is of an era outside the range', async () => {
    // Harvester v1.0.0–v1.0.2 shipped Kubernetes 1.21: a build on it has none of v1.4's code.
    const run = await runRule(gated('evaluate'), cluster('1a861fc-dirty', 'v1.21.7+rke2r1'));
    expect([run.outcome, run.skipKind, run.skipReason]).toEqual([
      'skipped',
      'version',
      'applies to Harvester >=1.4.0 <1.4.2; this bundle is a development build (1a861fc-dirty) on Kubernetes v1.21.7+rke2r1 (the Kubernetes of Harvester v1.0.0–v1.0.2), so it is not of that range',
    ]);
    // Even a rule that would skip an unknown version as a missing input: the era settles it.
    expect((await runRule(gated('skip'), cluster('1a861fc-dirty', 'v1.21.7+rke2r1'))).skipKind).toBe('version');
  });

  it('still treats a development build as unknown when its era reaches the range, or its Kubernetes is of no known release', async () => {
    // Kubernetes 1.30 is v1.4.1's: inside >=1.4.0 <1.4.2.
    expect((await runRule(gated('evaluate'), cluster('1a861fc-dirty', 'v1.30.7+rke2r1'))).outcome).toBe('fail');
    expect((await runRule(gated('skip'), cluster('1a861fc-dirty', 'v1.30.7+rke2r1'))).skipKind).toBe('missing-input');
    // No release shipped Kubernetes 1.23: nothing to go by.
    expect((await runRule(gated('evaluate'), cluster('1a861fc-dirty', 'v1.23.4+rke2r1'))).outcome).toBe('fail');
  });

  it('gives a finding its outcome\'s own tags, in place of the rule\'s, where the outcome names them', async () => {
    const tagged = NOT_READY_RULE.replace('component: fleet', 'component: fleet\ntags: [upgrade, upgrade-gate, fleet]').replace(
      "    status: fail\n",
      "    status: fail\n    tags: [upgrade, fleet]\n",
    );
    const withOwn = await runRule(tagged, cluster());
    expect([withOwn.outcome, withOwn.finding?.tags]).toEqual(['fail', ['upgrade', 'fleet']]);
    const withRules = await runRule(NOT_READY_RULE.replace('component: fleet', 'component: fleet\ntags: [upgrade, upgrade-gate, fleet]'), cluster());
    expect(withRules.finding?.tags).toEqual(['upgrade', 'upgrade-gate', 'fleet']);
    // One finding for all objects keeps the tags of the outcome it reports.
    const grouped = await runRule(tagged.replace('match: { forEach: charts, as: chart }', 'match: { forEach: charts, as: chart, group: true }'), cluster());
    expect([grouped.outcome, grouped.finding?.tags]).toEqual(['fail', ['upgrade', 'fleet']]);
  });

  it('does not second-guess a release version by its Kubernetes', async () => {
    expect((await runRule(gated('evaluate'), cluster('v1.4.1', 'v1.21.7+rke2r1'))).outcome).toBe('fail');
  });
});

describe('analyze: errors and budgets', () => {
  it('turns a rule that throws into an error entry, and the others still run', async () => {
    const throwing = defineCodeRule({
      id: 'throws',
      title: 'throws',
      severity: 'low',
      component: 'test',
      whyCode: 'test',
      evaluate: async () => {
        throw new Error('boom');
      },
    });
    const run = await runRule(throwing, cluster());
    expect(run.outcome).toBe('error');
    expect(run.error).toBe('boom');
  });

  it('stops a rule that never ends at its time budget and reports it as an error', async () => {
    const endless = defineCodeRule({
      id: 'endless',
      title: 'endless',
      severity: 'low',
      component: 'test',
      whyCode: 'test',
      evaluate: () => new Promise(() => undefined),
    });
    const started = Date.now();
    const run = await runRule(endless, cluster(), { ruleTimeoutMs: 200 });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(run.outcome).toBe('error');
    expect(run.error).toMatch(/time budget of 0.2 s/);
  });

  it('lets code rules skip with their own reason', async () => {
    const skipping = defineCodeRule({
      id: 'skips',
      title: 'skips',
      severity: 'low',
      component: 'test',
      whyCode: 'test',
      evaluate: async (context) => context.skip('not-recorded', 'free disk space is not recorded in a support bundle'),
    });
    const run = await runRule(skipping, cluster());
    expect(run.skipReason).toBe('free disk space is not recorded in a support bundle');
    expect(run.skipKind).toBe('not-recorded');
  });

  it('lets code rules look an object up by name in a declared list, decoding only the items that name it', async () => {
    const bundle = cluster();
    for (const name of ['web-1', 'web-2', 'web-3']) bundle.addObject({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'harvester-system' }, status: { phase: 'Running' } });
    const looking = podLookupRule('looks-up', async (context) => {
      const found = await context.lookup('pods', { namespace: 'harvester-system', name: 'web-2' });
      const missing = await context.lookup('pods', { namespace: 'harvester-system', name: 'web-9' });
      return [{ status: 'warn', message: `found ${found?.metadata.name}, missing ${String(missing)}`, evidence: [await context.evidence(found!, '/metadata/name')] }];
    });
    const opened = await openBundle(bundle.toZip());
    const decoded: string[] = [];
    opened.onResourcesDecoded((path) => decoded.push(path));
    try {
      const run = await runRule(looking, opened);
      expect(run.finding!.message).toBe('found web-2, missing undefined');
      expect(run.finding!.evidence[0]!.path).toBe('yamls/namespaced/harvester-system/v1/pods.yaml');
      // The pod list was never decoded whole.
      expect(decoded).not.toContain('yamls/namespaced/harvester-system/v1/pods.yaml');
    } finally {
      await opened.close();
    }
  });

  it('skips as unreadable when the object looked up is not found and an item that names it does not decode', async () => {
    const bundle = cluster();
    bundle.addFile('yamls/namespaced/harvester-system/v1/pods.yaml', 'apiVersion: v1\nitems:\n- apiVersion: v1\n  kind: Pod\n  metadata: {name: web-2, namespace: [unclosed\nkind: List\n');
    const looking = podLookupRule('looks-up-broken', async (context) => {
      await context.lookup('pods', { namespace: 'harvester-system', name: 'web-2' });
      return [];
    });
    const run = await runRule(looking, bundle);
    expect(run.skipKind).toBe('unreadable');
    expect(run.skipReason).toMatch(/^yamls\/namespaced\/harvester-system\/v1\/pods.yaml could not be fully read/);
  });

  it('refuses a lookup in a list the rule did not declare, naming the fix', async () => {
    const undeclared = podLookupRule(
      'looks-up-undeclared',
      async (context) => {
        await context.lookup('pods', { name: 'web-2' });
        return [];
      },
      { declared: false },
    );
    const run = await runRule(undeclared, cluster());
    expect(run.error).toMatch(/looks up pods without declaring it: add lookups/);
  });
});

describe('analyze: log patterns', () => {
  const rule = `
id: webhook-x509
title: t
severity: high
component: webhook
inputs:
  webhook: { logs: { namespace: harvester-system, podPrefix: harvester-webhook } }
outcomes:
  - when:
      log: { input: webhook, pattern: 'x509: certificate has expired.*current time (?P<now>\\S+)', prefilter: x509, minCount: 2, within: 24h }
    status: fail
    message: '{{ webhookCount }} x509 errors, last at {{ webhook | last | map:now | first }}'
`;

  it('counts regex matches within the window and cites the matching lines', async () => {
    const bundle = cluster();
    bundle.addPodLog('harvester-system', 'harvester-webhook-abc', 'harvester-webhook', [
      { time: '2025-03-01T10:00:00.000000001Z', text: 'x509: certificate has expired or is not yet valid: current time 2025-03-01T10:00:00Z' },
      { time: '2025-03-06T10:00:00.000000001Z', text: 'ok' },
      { time: '2025-03-06T11:00:00.000000001Z', text: 'x509: certificate has expired or is not yet valid: current time 2025-03-06T11:00:00Z' },
      { time: '2025-03-06T12:00:00.000000001Z', text: 'x509: certificate has expired or is not yet valid: current time 2025-03-06T12:00:00Z' },
    ]);
    const run = await runRule(rule, bundle);
    expect(run.outcome).toBe('fail');
    expect(run.finding?.message).toBe('2 x509 errors, last at 2025-03-06T12:00:00Z');
    expect(run.finding?.evidence.map((item) => [item.path, item.line])).toEqual([
      ['logs/harvester-system/harvester-webhook-abc/harvester-webhook.log', 3],
      ['logs/harvester-system/harvester-webhook-abc/harvester-webhook.log', 4],
    ]);
  });

  it('refuses a catastrophic pattern at load, so it can never hang a run', async () => {
    await expect(runRule(rule.replace("'x509: certificate has expired.*current time (?P<now>\\S+)'", () => "'(a+)+$(?=x)'"), cluster())).rejects.toThrow(/refused/);
  });

  it('runs a nested-quantifier pattern in linear time over a long line', async () => {
    const bundle = cluster();
    bundle.addPodLog('harvester-system', 'harvester-webhook-abc', 'harvester-webhook', [{ time: '2025-03-06T11:00:00.000000001Z', text: `${'a'.repeat(50_000)}!` }]);
    const started = Date.now();
    const run = await runRule(rule.replace("'x509: certificate has expired.*current time (?P<now>\\S+)', prefilter: x509, minCount: 2, within: 24h", () => "'(a+)+$'"), bundle);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(run.outcome).toBe('pass');
  });
});

describe('analyze: outcome extras', () => {
  it('ends a rule as skipped, with the message as the reason, when a skip outcome matches', async () => {
    const rule = `
id: disk-space
title: t
severity: low
component: node
inputs:
  nodes: { resource: { group: '', resource: nodes } }
outcomes:
  - status: skip
    skipKind: not-recorded
    message: free disk space of {{ nodes | count }} node(s) is not recorded in a support bundle
`;
    const run = await runRule(rule, cluster());
    expect(run.outcome).toBe('skipped');
    expect(run.skipReason).toBe('free disk space of 1 node(s) is not recorded in a support bundle');
    expect(run.skipKind).toBe('not-recorded');
  });

  it('uses the matched outcome\'s own remediation instead of the rule\'s', async () => {
    const rule = `${NOT_READY_RULE.replace(/  - when: \{ field.*\n.*\n.*\n$/m, '')}    remediation:
      summary: outcome fix for {{ chart/metadata/name }}
remediation:
  summary: rule fix
`;
    const run = await runRule(rule, cluster());
    expect(run.finding?.remediation?.summary).toBe('outcome fix for harvester');
  });

  it('iterates a map\'s values with some/every and binds each key (Longhorn disks by id)', async () => {
    const bundle = cluster();
    bundle.addObject({
      apiVersion: 'longhorn.io/v1beta2',
      kind: 'Node',
      metadata: { name: 'node1', namespace: 'longhorn-system' },
      spec: { disks: { 'default-disk-1a2b': { path: '/var/lib/harvester/defaultdisk', evictionRequested: true }, 'extra-disk': { evictionRequested: false } } },
    });
    const rule = `
id: disk-eviction
title: t
severity: low
component: longhorn
inputs:
  lhNodes: { resource: { group: longhorn.io, resource: nodes, namespace: longhorn-system } }
match: { forEach: lhNodes, as: lhNode }
outcomes:
  - when: { some: { path: lhNode/spec/disks, as: disk, where: { field: { path: disk/evictionRequested, equals: true } } } }
    status: warn
    message: 'disk {{ diskKey | join }} of {{ lhNode/metadata/name }} ({{ disk | format:"{path}" | join }}) requests eviction'
remediation:
  summary: fix
`;
    const run = await runRule(rule, bundle);
    expect(run.finding?.message).toBe('disk default-disk-1a2b of node1 (/var/lib/harvester/defaultdisk) requests eviction');
    expect(run.finding?.evidence[0]?.pointer).toBe('/spec/disks/default-disk-1a2b/evictionRequested');
  });

  it('reads a label key with dots and slashes with a quoted map field', async () => {
    const bundle = cluster();
    bundle.updateObject('v1', 'Node', undefined, 'node1', (node) => {
      node.metadata.labels = { 'upgrade.cattle.io/node': 'node1-plan' };
    });
    const rule = `
id: labels
title: t
severity: low
component: node
inputs:
  nodes: { resource: { group: '', resource: nodes } }
outcomes:
  - when: { field: { path: nodes/*/metadata/labels, exists: true } }
    status: info
    message: 'plan {{ nodes | map:metadata | map:labels | map:"upgrade.cattle.io/node" | join }}'
`;
    expect((await runRule(rule, bundle)).finding?.message).toBe('plan node1-plan');
  });
});

describe('analyze: decoded files are let go after the last rule that declared them', () => {
  // What the rule engine reads; the overview, patterns and timeline are tested on their own below.
  const RULES_ONLY = { overview: false, patterns: false, timeline: false } as const;
  const nodeRule = (id: string): Rule => {
    const { rule } = parseRule(
      `id: ${id}\ntitle: t\nseverity: low\ncomponent: node\ninputs:\n  nodes: { resource: { group: '', resource: nodes, namespace: null } }\nmatch: { forEach: nodes, as: node }\noutcomes:\n  - when: { field: { path: node/metadata/name, equals: no-such-node } }\n    status: fail\n    message: m\n`,
      `${id}.yaml`,
    );
    return rule!;
  };
  const NODES = 'yamls/cluster/v1/nodes.yaml';

  it('parses a file once for all the rules that declared it, and holds it no longer after them', async () => {
    const reads: string[] = [];
    const bundle = await openBundle(cluster().toZip(), { onProgress: (event) => void (event.phase === 'read' && reads.push(event.path)) });
    try {
      const report = await analyze(bundle, { rules: [nodeRule('nodes-a'), nodeRule('nodes-b'), nodeRule('nodes-c')], concurrency: 2, ...RULES_ONLY });
      expect(report.summary.pass).toBe(3);
      expect(reads.filter((path) => path === NODES)).toHaveLength(1);
      expect(bundle.heldResourceFiles()).not.toContain(NODES);
    } finally {
      await bundle.close();
    }
  });

  it('parses a released file again only when a later reader asks for it', async () => {
    const reads: string[] = [];
    const bundle = await openBundle(cluster().toZip(), { onProgress: (event) => void (event.phase === 'read' && reads.push(event.path)) });
    try {
      await analyze(bundle, { rules: [nodeRule('nodes-a')], ...RULES_ONLY });
      expect(reads.filter((path) => path === NODES)).toHaveLength(1);
      // A later analysis whose rule reads nodes finds the file released: one more parse.
      const undeclared = defineCodeRule({
        id: 'reads-nodes-later',
        title: 't',
        severity: 'low',
        component: 'node',
        whyCode: 'test',
        inputs: { nodes: { resource: { group: '', resource: 'nodes', namespace: null } } },
        evaluate: async ({ inputs }) => {
          expect(inputs.nodes.length).toBe(1);
          return [];
        },
      });
      await analyze(bundle, { rules: [undeclared], ...RULES_ONLY });
      expect(reads.filter((path) => path === NODES)).toHaveLength(2);
    } finally {
      await bundle.close();
    }
  });
});

describe('analyze: an input over every resource list (group "*" with containing)', () => {
  const STUCK_RULE = `
id: stuck-deletions
title: t
severity: medium
component: deletion
inputs:
  deleting: { resource: { group: '*', containing: deletionTimestamp } }
match: { forEach: deleting, as: object }
outcomes:
  - when:
      all:
        - field: { path: object/metadata/deletionTimestamp, olderThan: 10m }
        - field: { path: object/metadata/finalizers, empty: false }
    status: warn
    message: '{{ object/kind }} {{ object/metadata/name }} deleted {{ object/metadata/deletionTimestamp | age }} ago, held by {{ object/metadata/finalizers | join:", " }}'
remediation: { summary: s }
`;

  function deleting(): BundleBuilder {
    const bundle = cluster();
    bundle.addObject({
      apiVersion: 'longhorn.io/v1beta2',
      kind: 'Volume',
      metadata: { name: 'pvc-1', namespace: 'longhorn-system', deletionTimestamp: '2025-03-06T20:45:28Z', finalizers: ['longhorn.io'] },
      spec: { size: '10737418240' },
    });
    bundle.addObject({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'old-project', deletionTimestamp: '2025-03-06T22:45:20Z', finalizers: ['controller.cattle.io/namespace-auth'] },
    });
    return bundle;
  }

  it('evaluates the objects of every kind that hold the literal, and decodes no list without it', async () => {
    const reads: string[] = [];
    const bundle = await openBundle(deleting().toZip(), { onProgress: (event) => void (event.phase === 'read' && reads.push(event.path)) });
    try {
      const { rule } = parseRule(STUCK_RULE, 'stuck.yaml');
      const report = await analyze(bundle, { rules: [rule!], includePass: true });
      expect(report.findings.map((finding) => finding.message)).toEqual(['Volume pvc-1 deleted 2h ago, held by longhorn.io']);
      expect(report.findings[0]!.evidence[0]).toMatchObject({ path: 'yamls/namespaced/longhorn-system/longhorn.io/v1beta2/volumes.yaml' });
      // Every list is searched, but only those holding the literal are decoded, and none is held after the rule.
      expect(reads).toContain('yamls/namespaced/fleet-local/management.cattle.io/v3/managedcharts.yaml');
      expect(bundle.heldResourceFiles().filter((path) => !path.endsWith('settings.yaml'))).toEqual([]);
    } finally {
      await bundle.close();
    }
  });

  it('refuses a rule that reads every list without saying what it looks for', () => {
    const { rule, problems } = parseRule(STUCK_RULE.replace(', containing: deletionTimestamp', ''), 'stuck.yaml');
    expect(rule).toBeUndefined();
    expect(problems.map((problem) => problem.message)).toContain('missing required field "containing"');
  });

  it('is skipped, not passed, when a list that holds the literal cannot be decoded', async () => {
    const bundle = deleting();
    bundle.addFile('yamls/namespaced/default/v1/persistentvolumeclaims.yaml', 'apiVersion: v1\nitems:\n- apiVersion: v1\n  kind: PersistentVolumeClaim\n  metadata: {deletionTimestamp: [unclosed\nkind: List\n');
    const run = await runRule(STUCK_RULE, bundle);
    expect(run.outcome).toBe('skipped');
    expect(run.skipKind).toBe('unreadable');
    expect(run.skipReason).toContain('yamls/namespaced/default/v1/persistentvolumeclaims.yaml');
  });
});

describe('analyze: shared log scans', () => {
  it('streams a log once for all the rules that search it, each getting its own matches', async () => {
    const { openBundle } = await import('@bundle-triage/core');
    const { parseRule } = await import('../rule/load-rules.js');
    const { analyze } = await import('./analyze.js');
    const builder = cluster();
    builder.addPodLog('harvester-system', 'harvester-abc', 'apiserver', [
      { time: '2025-03-06T10:00:00.000000001Z', text: 'level=error msg="x509: certificate has expired"' },
      { time: '2025-03-06T10:00:01.000000001Z', text: 'level=info msg="context deadline exceeded"' },
      { time: '2025-03-06T10:00:02.000000001Z', text: 'level=error msg="x509: certificate has expired"' },
    ]);
    const ruleFor = (id: string, pattern: string, prefilter: string) =>
      parseRule(
        `id: ${id}\ntitle: t\nseverity: low\ncomponent: test\ninputs:\n  api: { logs: { namespace: harvester-system, container: apiserver } }\noutcomes:\n  - when: { log: { input: api, pattern: '${pattern}', prefilter: ${prefilter} } }\n    status: info\n    message: '{{ apiCount }} match(es)'\n`,
        `${id}.yaml`,
      ).rule!;
    const opens: string[] = [];
    const bundle = await openBundle(builder.toZip(), { onProgress: (event) => event.phase === 'read' && opens.push(event.path) });
    try {
      const report = await analyze(bundle, { rules: [ruleFor('certs', 'x509', 'x509'), ruleFor('deadline', 'deadline exceeded', 'deadline')] });
      expect(report.findings.map((finding) => [finding.ruleId, finding.message])).toEqual([
        ['certs', '2 match(es)'],
        ['deadline', '1 match(es)'],
      ]);
      expect(opens.filter((path) => path.endsWith('apiserver.log'))).toHaveLength(1);
    } finally {
      await bundle.close();
    }
  });
});

describe('analyze: never a silent pass (review findings)', () => {
  const volumesRule = `
id: faulted-volumes
title: t
severity: high
component: longhorn
inputs:
  volumes: { resource: { group: longhorn.io, resource: volumes, namespace: longhorn-system } }
match: { forEach: volumes, as: volume }
outcomes:
  - when: { field: { path: volume/status/robustness, equals: faulted } }
    status: fail
    message: '{{ volume/metadata/name }} is faulted'
remediation:
  summary: fix
`;
  const withVolume = () => {
    const bundle = cluster();
    bundle.addObject({ apiVersion: 'longhorn.io/v1beta2', kind: 'Volume', metadata: { name: 'pvc-1', namespace: 'longhorn-system' }, status: { robustness: 'faulted' } });
    return bundle;
  };

  it('skips, naming the file, when a list the rule reads could not be read (over a limit)', async () => {
    const { openBundle } = await import('@bundle-triage/core');
    const bundle = await openBundle(withVolume().toZip(), { limits: { maxReadBytes: 100 } });
    try {
      const run = await runRule(volumesRule, bundle);
      expect(run.outcome).toBe('skipped');
      expect(run.skipKind).toBe('unreadable');
      expect(run.skipReason).toMatch(/^yamls\/namespaced\/longhorn-system\/longhorn\.io\/v1beta2\/volumes\.yaml could not be fully read \(cannot read: .*maxReadBytes.*\); see diagnostics$/);
    } finally {
      await bundle.close();
    }
  });

  it('skips when a list the rule reads has an item that does not decode', async () => {
    const path = 'yamls/namespaced/longhorn-system/longhorn.io/v1beta2/volumes.yaml';
    const files = withVolume().toFiles();
    files.set(path, new TextEncoder().encode(new TextDecoder().decode(files.get(path)!).replace('robustness: faulted', 'robustness: [faulted')));
    const { zipSync } = await import('fflate');
    const run = await runRule(volumesRule, zipSync(Object.fromEntries(files)));
    expect(run.outcome).toBe('skipped');
    expect(run.skipReason).toContain(`${path} could not be fully read (invalid YAML`);
  });

  it('reads a node file outside logs/ as a nodeFile input', async () => {
    const bundle = cluster();
    bundle.addNodeFile('node1', 'configs/etc/harvester-release.yaml', 'harvester: v1.4.1\nos: Harvester v1.4.1\n');
    const rule = `
id: release-file
title: t
severity: low
component: node
inputs:
  release: { nodeFile: { path: configs/etc/harvester-release.yaml } }
outcomes:
  - when: { log: { input: release, pattern: '^harvester: (?P<version>\\S+)' } }
    status: info
    message: 'node release {{ release | map:version | join }}'
`;
    const run = await runRule(rule, bundle);
    expect(run.finding?.message).toBe('node release v1.4.1');
    expect(run.finding?.evidence[0]).toMatchObject({ path: 'nodes/node1.zip!/node1/configs/etc/harvester-release.yaml', line: 1 });
  });

  it('cites the searched list when "none" over a list input holds', async () => {
    const rule = `
id: no-witness
title: t
severity: low
component: node
inputs:
  nodes: { resource: { group: '', resource: nodes, namespace: null } }
outcomes:
  - when: { none: { path: nodes, as: node, where: { field: { path: node/metadata/labels/node-role.harvesterhci.io~1witness, equals: 'true' } } } }
    status: warn
    message: no witness node
remediation:
  summary: fix
`;
    const run = await runRule(rule, cluster());
    expect(run.outcome).toBe('warn');
    expect(run.finding?.evidence[0]).toMatchObject({ path: 'yamls/cluster/v1/nodes.yaml', object: { kind: 'Node', name: 'node1' } });
  });

  it('gives two findings of one code rule about the same object different fingerprints when their keys differ', async () => {
    const twoFindings = defineCodeRule({
      id: 'two-findings',
      title: 't',
      severity: 'low',
      component: 'test',
      whyCode: 'test',
      inputs: { chart: { resource: { group: 'management.cattle.io', resource: 'managedcharts', namespace: 'fleet-local', name: 'harvester' } } },
      evaluate: async (context) => {
        const chart = context.inputs.chart as import('@bundle-triage/core').KubeObject;
        const evidence = [await context.evidence(chart)];
        return [
          { status: 'fail', subject: chart, key: 'paused', message: 'paused', evidence },
          { status: 'fail', subject: chart, key: 'not-ready', message: 'not ready', evidence },
        ];
      },
    });
    const run = await runRule(twoFindings, cluster());
    expect(new Set(run.findings.map((finding) => finding.fingerprint)).size).toBe(2);
  });

  it('skips a log window check when the bundle\'s creation time is unknown', async () => {
    const bundle = cluster();
    bundle.addPodLog('harvester-system', 'harvester-webhook-abc', 'harvester-webhook', [{ time: '2025-03-06T11:00:00.000000001Z', text: 'x509: certificate has expired' }]);
    const files = bundle.toFiles();
    files.delete('metadata.yaml');
    const { openBundle } = await import('@bundle-triage/core');
    const { zipSync } = await import('fflate');
    const zip = zipSync(Object.fromEntries([...files].map(([path, content]) => [path, content])));
    const opened = await openBundle(zip);
    try {
      const rule = `
id: recent-x509
title: t
severity: low
component: webhook
inputs:
  webhook: { logs: { namespace: harvester-system, podPrefix: harvester-webhook } }
outcomes:
  - when: { log: { input: webhook, pattern: 'x509', within: 24h } }
    status: fail
    message: x509
remediation:
  summary: fix
`;
      const run = await runRule(rule, opened);
      expect((await opened.facts()).createdAt).toBeUndefined();
      expect(run.skipReason).toBe("the bundle's creation time is unknown, so the 24h window of this check cannot be applied");
    } finally {
      await opened.close();
    }
  });

  it('skips an age check on a timestamp when the bundle\'s creation time is unknown (missing-input), and applies it when known', async () => {
    const rule = `
id: old-deletion
title: t
severity: low
component: test
inputs:
  charts: { resource: { group: management.cattle.io, resource: managedcharts, namespace: fleet-local } }
match: { forEach: charts, as: chart }
outcomes:
  - when: { field: { path: chart/metadata/deletionTimestamp, olderThan: 10m } }
    status: warn
    message: '{{ chart/metadata/name }} deleted {{ chart/metadata/deletionTimestamp | age }} before the bundle'
remediation:
  summary: fix
`;
    const bundle = cluster();
    bundle.addObject({ apiVersion: 'management.cattle.io/v3', kind: 'ManagedChart', metadata: { name: 'stuck', namespace: 'fleet-local', deletionTimestamp: '2025-03-06T20:40:00Z', finalizers: ['wrangler.cattle.io/managed-chart'] } });
    const known = await runRule(rule, bundle);
    expect(known.outcome).toBe('warn');
    expect(known.finding?.message).toBe('stuck deleted 2h5m before the bundle');

    const files = bundle.toFiles();
    files.delete('metadata.yaml');
    const { openBundle } = await import('@bundle-triage/core');
    const { zipSync } = await import('fflate');
    const opened = await openBundle(zipSync(Object.fromEntries([...files].map(([path, content]) => [path, content]))));
    try {
      const run = await runRule(rule, opened);
      expect(run.skipKind).toBe('missing-input');
      expect(run.skipReason).toContain("the bundle's creation time is unknown, so the age check (older than 10m) on chart/metadata/deletionTimestamp cannot be made");
    } finally {
      await opened.close();
    }
  });
});

describe('analyze: any, collect and optional', () => {
  /** Three ManagedCharts, two of them not Ready. */
  const charts = () => {
    const bundle = cluster();
    for (const [name, status] of [['rancher-monitoring', 'False'], ['rancher-logging', 'True']] as const) {
      bundle.addObject({ apiVersion: 'management.cattle.io/v3', kind: 'ManagedChart', metadata: { name, namespace: 'fleet-local' }, status: { conditions: [{ type: 'Ready', status }] } });
    }
    return bundle;
  };
  const rule = (construct: string, alternatives: string) => `
id: charts
title: t
severity: low
component: fleet
inputs:
  charts: { resource: { group: management.cattle.io, resource: managedcharts, namespace: fleet-local } }
outcomes:
  - when:
      ${construct}:
${alternatives}
    status: fail
    message: 'not ready: {{ chart | map:metadata.name | join:", " | default:"none" }}'
`;
  const notReady = (name: string) => `        - some: { path: charts, as: chart, where: { all: [{ field: { path: chart/metadata/name, equals: ${name}, evidence: false } }, { field: { path: chart/status/conditions/0/status, equals: 'False' } }] } }`;

  it('any stops at the first alternative that holds: only its bindings and evidence are kept', async () => {
    const run = await runRule(rule('any', [notReady('harvester'), notReady('rancher-monitoring')].join('\n')), charts());
    expect(run.finding?.message).toBe('not ready: harvester');
    expect(run.finding?.evidence.map((item) => item.object?.name)).toEqual(['harvester']);
  });

  it('collect evaluates every alternative and keeps what each one that holds binds and cites', async () => {
    const run = await runRule(rule('collect', [notReady('harvester'), notReady('rancher-logging'), notReady('rancher-monitoring')].join('\n')), charts());
    expect(run.finding?.message).toBe('not ready: harvester, rancher-monitoring');
    expect(run.finding?.evidence.map((item) => item.object?.name)).toEqual(['harvester', 'rancher-monitoring']);
  });

  it('collect does not hold when no alternative does', async () => {
    expect((await runRule(rule('collect', notReady('rancher-logging')), charts())).outcome).toBe('pass');
  });

  it('optional always holds, and binds what its condition binds when that holds', async () => {
    const optional = (name: string) => rule('all', `        - field: { path: charts/0/metadata/name, exists: true }\n        - optional:\n    ${notReady(name).replace('- some', '  some')}`);
    expect((await runRule(optional('rancher-monitoring'), charts())).finding?.message).toBe('not ready: rancher-monitoring');
    const none = await runRule(optional('rancher-logging'), charts());
    expect(none.outcome).toBe('fail');
    expect(none.finding?.message).toBe('not ready: none');
  });
});
