// The public API of @bundle-triage/rules. Everything not exported here is internal.
export { loadCatalog, catalogDirectory } from './catalog/load-catalog.js';
export { analyze, type AnalyzeOptions, type AnalyzeProgress } from './engine/analyze.js';
export { fingerprint } from './engine/fingerprint.js';
export { UnknownRuleSelectorError, selectRules } from './engine/select-rules.js';
export { renderTemplate } from './match/render-template.js';
export { applyJsonPatch, JsonPatchError } from './remediation/apply-json-patch.js';
export { kubectlPatchCommand, renderPatch, type RenderedPatch } from './remediation/render-patch.js';
export type {
  BundleInfo,
  Evidence,
  Finding,
  FindingLink,
  Remediation,
  RemediationPatch,
  Report,
  ReportSummary,
  RuleError,
  SkippedRule,
} from '@bundle-triage/report';
export { loadRuleDirectory, parseRule, type RuleDirectoryOptions, type RuleLoadResult } from './rule/load-rules.js';
export { fieldOf, isRecord, parseJsonRecord, recordOf, recordsOf, textOf, type Fields } from './rule/object-fields.js';
export { defineCodeRule, RuleSkip, type CodeFinding, type InputValue, type NodeFile, type Skip, type CodeRule, type LoadedDeclarativeRule, type Rule, type RuleContext } from './rule/rule.js';
export type * from './rule/rule-types.js';
export { ENGINE_FEATURES, ENGINE_GAPS, type EngineFeature, type EngineGap, type WhyCode } from './rule/engine-features.js';
export { SafePattern, UnsafePatternError } from './rule/safe-pattern.js';
export { validateRule, type RuleProblem } from './rule/validate-rule.js';
export { TOOL_VERSION } from './version.js';
