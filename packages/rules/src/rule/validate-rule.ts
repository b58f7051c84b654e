import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import semver from 'semver';
import ruleSchema from '../../schema/rule.schema.json' with { type: 'json' };
import { templateNames, validateTemplate } from '../match/render-template.js';
import type { Condition, DeclarativeRule, RemediationSpec } from './rule-types.js';
import { SafePattern, UnsafePatternError } from './safe-pattern.js';

/** One problem with a rule file: where (JSON pointer) and what, in plain words. */
export interface RuleProblem {
  file: string;
  pointer: string;
  message: string;
}

let compiled: ValidateFunction | undefined;

function schemaValidator(): ValidateFunction {
  // Compiled once per process on first use; the schema never changes at run time.
  compiled ??= new Ajv2020({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true }).compile(ruleSchema);
  return compiled;
}

/**
 * Validates a parsed rule: the JSON Schema first, then what a schema cannot say (patterns are
 * linear-time safe, semver ranges parse, names used in conditions and templates are inputs or
 * bound names, filters exist). Returns every problem found, not just the first.
 */
export function validateRule(rule: unknown, file: string): RuleProblem[] {
  const validate = schemaValidator();
  if (!validate(rule)) return simplifyErrors(validate.errors ?? [], file);
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
  if (spec.match?.where) checkCondition(spec.match.where, '/match/where', baseNames, report);
  spec.outcomes.forEach((outcome, index) => {
    const names = new Set(baseNames);
    if (outcome.when) checkCondition(outcome.when, `/outcomes/${index}/when`, names, report);
    checkTemplate(outcome.message, `/outcomes/${index}/message`, names, report);
    if (!outcome.when && index !== spec.outcomes.length - 1) {
      report(`/outcomes/${index}`, 'an outcome without "when" always matches, so the outcomes after it can never be reached; put it last');
    }
  });
  if (spec.remediation) {
    const names = new Set(baseNames);
    for (const outcome of spec.outcomes) if (outcome.when) collectBoundNames(outcome.when, names);
    checkRemediation(spec.remediation, '/remediation', names, spec, report);
  }
  spec.outcomes.forEach((outcome, index) => {
    if (!outcome.remediation) return;
    const names = new Set(baseNames);
    if (outcome.when) collectBoundNames(outcome.when, names);
    checkRemediation(outcome.remediation, `/outcomes/${index}/remediation`, names, spec, report);
  });
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
    if (!isForEachObject && !(input && 'resource' in input && input.resource.name)) {
      report(`${pointer}/patch/target`, `"${target}" must name one object: an input with resource.name, or the forEach object`);
    }
  }
}

function checkCondition(condition: Condition, pointer: string, names: Set<string>, report: (pointer: string, message: string) => void): void {
  const checkPath = (path: string, at: string) => {
    const name = path.split('/')[0] ?? '';
    if (!names.has(name)) report(at, `"${name}" is not an input or a bound name here (known: ${[...names].sort().join(', ')})`);
  };
  if ('all' in condition) condition.all.forEach((child, index) => checkCondition(child, `${pointer}/all/${index}`, names, report));
  else if ('any' in condition) condition.any.forEach((child, index) => checkCondition(child, `${pointer}/any/${index}`, names, report));
  else if ('not' in condition) checkCondition(condition.not, `${pointer}/not`, names, report);
  else if ('field' in condition) {
    checkPath(condition.field.path, `${pointer}/field/path`);
    if (condition.field.equalsPath) checkPath(condition.field.equalsPath, `${pointer}/field/equalsPath`);
    if (condition.field.matches !== undefined) checkPattern(condition.field.matches, `${pointer}/field/matches`, report);
    if (condition.field.semver !== undefined && !semver.validRange(condition.field.semver)) {
      report(`${pointer}/field/semver`, `"${condition.field.semver}" is not a semver range`);
    }
  } else if ('some' in condition || 'every' in condition || 'none' in condition || 'count' in condition) {
    const key = Object.keys(condition)[0] as 'some' | 'every' | 'none' | 'count';
    const spec = (condition as Record<string, { path: string; as?: string; where?: Condition }>)[key]!;
    checkPath(spec.path, `${pointer}/${key}/path`);
    const bound = spec.as ?? 'item';
    names.add(bound);
    names.add(`${bound}Key`);
    if (spec.where) checkCondition(spec.where, `${pointer}/${key}/where`, names, report);
  } else if ('log' in condition) {
    checkPath(condition.log.input, `${pointer}/log/input`);
    checkPattern(condition.log.pattern, `${pointer}/log/pattern`, report);
    names.add(condition.log.as ?? condition.log.input);
    names.add(`${condition.log.as ?? condition.log.input}Count`);
  } else if ('version' in condition) {
    if (!semver.validRange(condition.version.harvester)) report(`${pointer}/version/harvester`, `"${condition.version.harvester}" is not a semver range`);
  }
}

function collectBoundNames(condition: Condition, names: Set<string>): void {
  if ('all' in condition) condition.all.forEach((child) => collectBoundNames(child, names));
  else if ('any' in condition) condition.any.forEach((child) => collectBoundNames(child, names));
  else if ('some' in condition || 'count' in condition || 'every' in condition) {
    const spec = (condition as Record<string, { as?: string; where?: Condition }>)[Object.keys(condition)[0]!]!;
    names.add(spec.as ?? 'item');
    names.add(`${spec.as ?? 'item'}Key`);
    if (spec.where) collectBoundNames(spec.where, names);
  } else if ('log' in condition) {
    names.add(condition.log.as ?? condition.log.input);
    names.add(`${condition.log.as ?? condition.log.input}Count`);
  }
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
      return error.schemaPath.includes('condition') ? 'a condition has exactly one kind (all, any, not, field, some, every, none, count, log, version)' : (error.message ?? 'invalid');
    default:
      return error.message ?? 'invalid';
  }
}
