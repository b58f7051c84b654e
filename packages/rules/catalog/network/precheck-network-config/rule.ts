
import { CORE_SCHEMA, load as loadYaml } from 'js-yaml';
import type { Evidence } from '@bundle-triage/report';
import type { CodeFinding, NodeFile, RuleContext } from '../../../src/rule/rule.js';
import { defineCodeRule } from '../../../src/rule/rule.js';
import { PRECHECK_SCRIPT } from '../../../src/catalog/support/readiness-references.js';
import { fieldOf, isRecord, type Fields } from '../../../src/rule/object-fields.js';

const OEM = 'configs/oem/';
const NO_NODES = 'no nodes/ folder: node logs and configs were not collected in this bundle';

interface NodeVerdict {
  problems: string[];
  evidence: Evidence[];
}

/** Pre-check step 21 (v1.6.x): the upgrade needs each node's network config in the current layout. */
export default defineCodeRule({
  id: 'precheck-network-config',
  title: 'Pre-check Network-Config (v1.6.x): /oem/90_custom.yaml and a current harvester.config on every node',
  description:
    'Check 21 of the upgrade-helpers pre-check script, run on v1.6.x only (by a validator DaemonSet on every node): /oem/90_custom.yaml must exist (a node that still has only /oem/99_custom.yaml must rename it), /oem/harvester.config must exist, must not use the v1.0 schema (install.networks), and must have install.managementinterface or install.management_interface. Read from configs/oem/ of each node bundle; a node without a node bundle cannot be checked and is named in an info finding.',
  severity: 'high',
  component: 'network',
  tags: ['precheck', 'upgrade', 'network'],
  // The check exists only in the v1.6.x pre-check: on a development build it would judge files another release never reads.
  appliesTo: { harvester: '>=1.6.0 <1.7.0', unknownVersion: 'skip' },
  detectability: 'partial',
  detectabilityNote: 'only nodes whose node bundle was collected can be checked',
  references: [
    PRECHECK_SCRIPT,
    { title: 'Harvester docs v1.6: Harvester configuration (install.management_interface)', url: 'https://docs.harvesterhci.io/v1.6/install/harvester-configuration' },
    { title: 'Harvester docs v1.0: Harvester configuration (the old install.networks schema)', url: 'https://docs.harvesterhci.io/v1.0/install/harvester-configuration' },
  ],
  whyCode: {
    needs: ['node-file-parsing'],
    because: 'the check reads files of each node bundle and parses harvester.config as YAML; declarative inputs see node files only as log lines',
  },
  inputs: { nodes: { resource: { group: '', resource: 'nodes', namespace: null }, required: false } },
  reads: ['node-files'],
  evaluate: async (context) => {
    const withBundle = context.nodesWithBundle();
    if (withBundle.length === 0) return context.skip('missing-input', NO_NODES);
    const nodeObjects = context.inputs.nodes;
    const notChecked = context.facts.nodesWithoutBundle.map((node) => `${node} (no node bundle)`);
    const findings: CodeFinding[] = [];
    let checked = 0;
    for (const node of withBundle) {
      const oemFiles = context.nodeFiles(node, OEM);
      if (oemFiles.length === 0) {
        notChecked.push(`${node} (its node bundle has no configs/oem files)`);
        continue;
      }
      checked += 1;
      const verdict = await checkNode(context, oemFiles);
      if (verdict.problems.length === 0) continue;
      const subject = nodeObjects.find((object) => object.metadata.name === node);
      findings.push({
        status: 'fail',
        message: `Network-Config Test: Failed — node ${node}: ${verdict.problems.join('; ')}`,
        evidence: verdict.evidence,
        ...(subject ? { subject } : {}),
        remediation: remediationFor(node, verdict.problems),
      });
    }
    if (checked === 0) return context.skip('missing-input', `no node bundle has configs/oem files to check: ${notChecked.join(', ')}`);
    if (notChecked.length > 0) {
      findings.push({
        status: 'info',
        message: `Network-Config Test: not checked on ${notChecked.join(', ')}; check /oem/90_custom.yaml and /oem/harvester.config on those nodes by hand`,
        evidence: [],
      });
    }
    return findings;
  },
});

async function checkNode(context: RuleContext, oemFiles: NodeFile[]): Promise<NodeVerdict> {
  const file = (name: string) => oemFiles.find((entry) => entry.file === `${OEM}${name}`);
  const problems: string[] = [];
  const evidence: Evidence[] = [];
  const cite = async (entry: NodeFile, line = 1) => {
    evidence.push(context.logEvidence(entry, line, (await entry.lineText(line)) ?? ''));
  };

  const custom90 = file('90_custom.yaml');
  const custom99 = file('99_custom.yaml');
  if (!custom90) {
    if (custom99) {
      problems.push('/oem/99_custom.yaml must be renamed to /oem/90_custom.yaml');
      await cite(custom99);
    } else {
      problems.push('/oem/90_custom.yaml does not exist');
    }
  }

  const config = file('harvester.config');
  if (!config) {
    problems.push('/oem/harvester.config does not exist');
  } else {
    const text = await config.text();
    let parsed: unknown;
    try {
      parsed = loadYaml(text, { schema: CORE_SCHEMA });
    } catch (error) {
      problems.push(`/oem/harvester.config is not valid YAML (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`);
      await cite(config);
      return { problems, evidence };
    }
    const install = objectAt(parsed, 'install');
    if (install && 'networks' in install) {
      problems.push('/oem/harvester.config uses the v1.0 schema (install.networks)');
      await cite(config, keyLine(text, ['install', 'networks']) ?? 1);
    } else if (!install || !('managementinterface' in install || 'management_interface' in install)) {
      problems.push('/oem/harvester.config has neither install.managementinterface nor install.management_interface');
      await cite(config, keyLine(text, ['install']) ?? 1);
    }
  }
  // A missing file is shown by what the oem folder does hold.
  if (evidence.length === 0) await cite(config ?? custom99 ?? oemFiles[0]!);
  return { problems, evidence };
}

function remediationFor(node: string, problems: string[]): NonNullable<CodeFinding['remediation']> {
  const steps: string[] = [];
  const commands: string[] = [];
  if (problems.some((problem) => problem.startsWith('/oem/99_custom.yaml'))) {
    steps.push(`On ${node}, rename /oem/99_custom.yaml to /oem/90_custom.yaml.`);
    commands.push('mv /oem/99_custom.yaml /oem/90_custom.yaml');
  }
  if (problems.some((problem) => problem.startsWith('/oem/90_custom.yaml'))) {
    steps.push(`On ${node}, restore /oem/90_custom.yaml (the OS configuration the installer wrote) from a backup or from a node installed with the same release; compare with another node's file.`);
  }
  if (problems.some((problem) => problem.startsWith('/oem/harvester.config'))) {
    steps.push(
      `On ${node}, make /oem/harvester.config describe the management network in the current schema: install.management_interface with interfaces, method (and bond options / vlan as configured), not the v1.0 install.networks.harvester-mgmt block; keep the rest of the file.`,
    );
    commands.push("yq '.install | keys' /oem/harvester.config");
  }
  steps.push('Run the pre-check again.');
  return {
    summary: `Fix the network configuration files of node ${node} under /oem before upgrading from v1.6: the upgrade reads the management network from them.`,
    steps,
    commands,
  };
}

function objectAt(value: unknown, key: string): Fields | undefined {
  const child = fieldOf(value, key);
  return isRecord(child) ? child : undefined;
}

/** 1-based line of a nested block-mapping key (`install` → `networks`), by indentation. */
function keyLine(text: string, path: readonly string[]): number | undefined {
  const lines = text.split('\n');
  let depth = 0;
  let parentIndent = -1;
  let childIndent: number | undefined;
  for (let index = 0; index < lines.length; index += 1) {
    const match = /^( *)([^\s#'"-][^:]*):(?:\s|$)/.exec(lines[index]!);
    if (!match) continue;
    const indent = match[1]!.length;
    if (indent <= parentIndent) return undefined;
    childIndent ??= indent;
    if (indent !== childIndent || match[2] !== path[depth]) continue;
    if (depth === path.length - 1) return index + 1;
    depth += 1;
    parentIndent = indent;
    childIndent = undefined;
  }
  return undefined;
}
