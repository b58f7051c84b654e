import type { ErrorObject } from 'ajv';
import semver from 'semver';
import { elementName, matchesName, podLogName, visitCondition } from './condition-visitor.js';
import { templateNames, validateTemplate } from './template-syntax.js';
import type { Condition, DeclarativeRule, RemediationSpec } from './rule-types.js';
import { validate as validateRuleSchema } from './rule-schema-validator.generated.js';
import { SafePattern, UnsafePatternError } from './safe-pattern.js';

/** One problem with a rule file: where (JSON pointer) and what, in plain words. */
export interface RuleProblem {
  file: string;
  pointer: string;
  message: string;
}

/** Ajv's validator of schema/rule.schema.json, compiled when the package is built (scripts/generate-validators.mjs). */
const schemaValidator = validateRuleSchema as { (data: unknown): boolean; errors?: ErrorObject[] | null };

/**
 * Validates a parsed rule: the JSON Schema first, then what a schema cannot say (patterns are
 * linear-time safe, semver ranges parse, names used in conditions and templates are inputs or
 * bound names, filters exist). Returns every problem found, not just the first.
 */
export function validateRule(rule: unknown, file: string): RuleProblem[] {
  if (!schemaValidator(rule)) return simplifyErrors(schemaValidator.errors ?? [], file);
  const problems: RuleProblem[] = [];
  const spec = rule as DeclarativeRule;
  const report = (pointer: string, message: string) => problems.push({ file, pointer, message });

  if (spec.appliesTo?.harvester && !semver.validRange(spec.appliesTo.harvester)) {
    report('/appliesTo/harvester', `"${spec.appliesTo.harvester}" is not a semver range (e.g. ">=1.4.0 <1.4.2")`);
  }
  const inputNames = new Set(Object.keys(spec.inputs));
  const baseNames = new Set([...inputNames, 'facts']);
  if (spec.match?.forEach !== undefined) {
    if (!inputNames.has(spec.match.forEach)) report('/match/forEach', `"${spec.match.forEach}" is not an input of this rule`);
    baseNames.add(spec.match.as ?? 'object');
  }
  if (spec.match?.where) checkCondition(spec.match.where, '/match/where', new Set(baseNames), report);
  // What each outcome's `when` binds is visible in its message and its own remediation; the rule's
  // remediation may use what any outcome binds (it is rendered for whichever matched).
  const boundByOutcomes = new Set(baseNames);
  spec.outcomes.forEach((outcome, index) => {
    const names = new Set(baseNames);
    if (outcome.when) for (const name of checkCondition(outcome.when, `/outcomes/${index}/when`, names, report)) names.add(name);
    checkTemplate(outcome.message, `/outcomes/${index}/message`, names, report);
    if (!outcome.when && index !== spec.outcomes.length - 1) {
      report(`/outcomes/${index}`, 'an outcome without "when" always matches, so the outcomes after it can never be reached; put it last');
    }
    if (outcome.skipKind !== undefined && outcome.status !== 'skip') report(`/outcomes/${index}/skipKind`, 'skipKind is for outcomes with status: skip');
    if (outcome.remediation) checkRemediation(outcome.remediation, `/outcomes/${index}/remediation`, names, spec, report);
    for (const name of names) boundByOutcomes.add(name);
  });
  if (spec.remediation) checkRemediation(spec.remediation, '/remediation', boundByOutcomes, spec, report);
  return problems;
}

function checkRemediation(
  remediation: RemediationSpec,
  pointer: string,
  names: Set<string>,
  spec: DeclarativeRule,
  report: (pointer: string, message: string) => void,
): void {
  checkTemplate(remediation.summary, `${pointer}/summary`, names, report);
  remediation.steps?.forEach((step, index) => checkTemplate(step, `${pointer}/steps/${index}`, names, report));
  remediation.commands?.forEach((command, index) => checkTemplate(command, `${pointer}/commands/${index}`, names, report));
  if (remediation.patch) {
    const target = remediation.patch.target;
    const input = spec.inputs[target];
    const isForEachObject = spec.match?.forEach !== undefined && target === (spec.match.as ?? 'object');
    const isBound = names.has(target) && !(target in spec.inputs);
    if (!isForEachObject && !isBound && !(input && 'resource' in input && input.resource.name)) {
      report(`${pointer}/patch/target`, `"${target}" must name one object: an input with resource.name, the forEach object, or a name a condition binds (its first object)`);
    }
  }
}

/**
 * Checks a condition (paths name inputs or bound names, patterns are safe, semver ranges parse) in
 * one walk, and returns the names it binds for what comes after it: siblings after it, the
 * message, the remediation. Names bound inside `not` or `none` are visible only inside them.
 */
function checkCondition(condition: Condition, pointer: string, visible: Set<string>, report: (pointer: string, message: string) => void): Set<string> {
  const checkPath = (path: string, at: string) => {
    const name = path.split('/')[0] ?? '';
    if (!visible.has(name)) report(at, `"${name}" is not an input or a bound name here (known: ${[...visible].sort().join(', ')})`);
  };
  const sequence = (kind: string, children: Condition[]) => {
    const exported = new Set<string>();
    children.forEach((child, index) => {
      for (const name of checkCondition(child, `${pointer}/${kind}/${index}`, visible, report)) {
        exported.add(name);
        visible.add(name);
      }
    });
    return exported;
  };
  return visitCondition<Set<string>>(condition, {
    all: (children) => sequence('all', children),
    any: (children) => sequence('any', children),
    collect: (children) => sequence('collect', children),
    optional: (child) => checkCondition(child, `${pointer}/optional`, visible, report),
    not: (child) => {
      checkCondition(child, `${pointer}/not`, new Set(visible), report);
      return new Set();
    },
    field: (spec) => {
      checkPath(spec.path, `${pointer}/field/path`);
      if (spec.equalsPath) checkPath(spec.equalsPath, `${pointer}/field/equalsPath`);
      if (spec.matches !== undefined) checkPattern(spec.matches, `${pointer}/field/matches`, report);
      if (spec.semver !== undefined && !semver.validRange(spec.semver)) report(`${pointer}/field/semver`, `"${spec.semver}" is not a semver range`);
      return new Set();
    },
    array: (kind, spec) => {
      checkPath(spec.path, `${pointer}/${kind}/path`);
      const name = elementName(spec);
      const own = [name, `${name}Key`];
      const inner = new Set([...visible, ...own]);
      const bound = spec.where ? checkCondition(spec.where, `${pointer}/${kind}/where`, inner, report) : new Set<string>();
      return kind === 'none' ? new Set() : new Set([...own, ...bound]);
    },
    log: (spec) => {
      checkPath(spec.input, `${pointer}/log/input`);
      checkPattern(spec.pattern, `${pointer}/log/pattern`, report);
      return new Set([matchesName(spec), `${matchesName(spec)}Count`]);
    },
    podLog: (spec) => {
      for (const field of ['namespace', 'pod', 'container'] as const) {
        if (spec[field] !== undefined) checkTemplate(spec[field], `${pointer}/podLog/${field}`, visible, report);
      }
      if (spec.pattern !== undefined) checkPattern(spec.pattern, `${pointer}/podLog/pattern`, report);
      return new Set([podLogName(spec), `${podLogName(spec)}Count`]);
    },
    version: (spec) => {
      if (!semver.validRange(spec.harvester)) report(`${pointer}/version/harvester`, `"${spec.harvester}" is not a semver range`);
      return new Set();
    },
  });
}

function checkPattern(pattern: string, pointer: string, report: (pointer: string, message: string) => void): void {
  try {
    new SafePattern(pattern);
  } catch (error) {
    report(pointer, error instanceof UnsafePatternError ? error.message : String(error));
  }
}

function checkTemplate(template: string, pointer: string, names: Set<string>, report: (pointer: string, message: string) => void): void {
  const problem = validateTemplate(template);
  if (problem) report(pointer, problem);
  for (const name of templateNames(template)) {
    if (name && !name.startsWith('"') && !names.has(name)) report(pointer, `template uses "${name}", which is not an input or a bound name here`);
  }
}

/** ajv reports one error per failed branch of a oneOf; keep the ones that say something. */
function simplifyErrors(errors: ErrorObject[], file: string): RuleProblem[] {
  const useful = errors.filter((error) => error.keyword !== 'oneOf' && error.keyword !== 'anyOf' && error.keyword !== 'if');
  const chosen = useful.length > 0 ? useful : errors;
  const seen = new Set<string>();
  const problems: RuleProblem[] = [];
  for (const error of chosen) {
    const message = describe(error);
    const key = `${error.instancePath}|${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push({ file, pointer: error.instancePath || '/', message });
  }
  return problems;
}

function describe(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties':
      return `unknown field "${String(params.additionalProperty)}"`;
    case 'required':
      return `missing required field "${String(params.missingProperty)}"`;
    case 'enum':
      return `must be one of ${(params.allowedValues as unknown[]).map((value) => JSON.stringify(value)).join(', ')}`;
    case 'pattern':
      return `does not match ${String(params.pattern)}`;
    case 'maxProperties':
    case 'minProperties':
      return error.schemaPath.includes('condition') ? 'a condition has exactly one kind (all, any, collect, optional, not, field, some, every, none, count, log, podLog, version)' : (error.message ?? 'invalid');
    default:
      return error.message ?? 'invalid';
  }
}
