import { openBundle } from '@bundle-triage/core';
import { describe, expect, it } from 'vitest';
import { healthyCluster } from '../../../../testdata/generator/healthy-cluster.js';
import { parseRule } from '../rule/load-rules.js';
import type { Rule } from '../rule/rule.js';
import { ReleasePlan } from './release-plan.js';
import { plannedLogSearches, rulesSearchingLogs } from './plan-log-scans.js';

function rule(id: string, inputs: string, when: string, appliesTo?: string): Rule {
  const text = `id: ${id}\ntitle: t\nseverity: low\ncomponent: node\n${appliesTo ? `appliesTo: { harvester: '${appliesTo}' }\n` : ''}inputs:\n${inputs}\noutcomes:\n  - when: ${when}\n    status: info\n    message: m\n`;
  const { rule: parsed, problems } = parseRule(text, `${id}.yaml`);
  if (!parsed) throw new Error(problems.map((problem) => problem.message).join('; '));
  return parsed;
}

const nodesRule = rule('reads-nodes', '  nodes: { resource: { group: "", resource: nodes, namespace: null } }', '{ count: { path: nodes, min: 1 } }');
const podsRule = rule('reads-pods', '  pods: { resource: { group: "", resource: pods } }', '{ count: { path: pods, min: 1 } }');
const kernelRule = rule('searches-kernel-log', '  kernel: { logs: { nodeFile: logs/kernel.log } }', "{ log: { input: kernel, pattern: 'I/O error', prefilter: 'I/O error' } }");

describe('the order rules run in', () => {
  it('finds the rules that search logs or node files', () => {
    expect([...rulesSearchingLogs([nodesRule, kernelRule, podsRule])]).toEqual(['searches-kernel-log']);
  });

  it('runs the rules waiting on logs another thread reads after the others, and otherwise by what they share', async () => {
    const bundle = await openBundle(healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 1, seed: 7 }).toZip());
    try {
      const plan = new ReleasePlan(bundle, [kernelRule, nodesRule, podsRule]);
      // Reading nothing, the log rule would come first: nothing to decode.
      expect(plan.order([kernelRule, nodesRule, podsRule]).map((each) => each.id)[0]).toBe('searches-kernel-log');
      const ordered = plan.order([kernelRule, nodesRule, podsRule], { after: rulesSearchingLogs([kernelRule, nodesRule, podsRule]) });
      expect(ordered.map((each) => each.id)).toEqual(['reads-nodes', 'reads-pods', 'searches-kernel-log']);
    } finally {
      await bundle.close();
    }
  });

  it('plans no log reads for a rule the bundle\'s version skips', async () => {
    const bundle = await openBundle(healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 2, seed: 7 }).toZip());
    try {
      const facts = await bundle.facts();
      const older = rule('searches-kernel-log-before-1-3', '  kernel: { logs: { nodeFile: logs/kernel.log } }', "{ log: { input: kernel, pattern: 'I/O error', prefilter: 'I/O error' } }", '<1.3.0');
      expect(plannedLogSearches([kernelRule], bundle, facts).length).toBeGreaterThan(0);
      expect(plannedLogSearches([older], bundle, facts)).toEqual([]);
    } finally {
      await bundle.close();
    }
  });
});
