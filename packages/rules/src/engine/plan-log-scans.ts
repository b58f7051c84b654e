import type { Bundle, BundleFacts, LogFile } from '@bundle-triage/core';
import { logFilesFor } from '../logs/log-files.js';
import { logSearchFor, type LogSearch } from '../logs/log-search.js';
import { logConditions } from '../rule/condition-visitor.js';
import type { Rule } from '../rule/rule.js';
import { versionSkip } from './version-gate.js';

/**
 * Every log search the declarative rules will make, with the file it reads, known before any rule
 * runs: the shared scans run all the searches of a file in one pass.
 */
export function plannedLogSearches(rules: readonly Rule[], bundle: Bundle, facts: BundleFacts): { file: LogFile; search: LogSearch }[] {
  const planned: { file: LogFile; search: LogSearch }[] = [];
  for (const rule of rules) {
    // A rule the bundle's version skips searches nothing: its logs are not read ahead for it.
    if (rule.kind !== 'declarative' || versionSkip(rule.appliesTo, facts)) continue;
    for (const condition of [rule.match?.where, ...rule.outcomes.map((outcome) => outcome.when)].flatMap(logConditions)) {
      const input = rule.inputs[condition.input];
      if (!input || !('logs' in input || 'nodeFile' in input)) continue;
      const search = logSearchFor(condition, facts);
      for (const file of logFilesFor(input, bundle)) planned.push({ file, search });
    }
  }
  return planned;
}

/**
 * The declarative rules that search logs or node files: when a thread reads those logs ahead,
 * these rules run after the others, so this thread decodes YAML while that one reads the logs
 * instead of waiting on them.
 */
export function rulesSearchingLogs(rules: readonly Rule[]): Set<string> {
  const searching = new Set<string>();
  for (const rule of rules) {
    if (rule.kind !== 'declarative') continue;
    const conditions = [rule.match?.where, ...rule.outcomes.map((outcome) => outcome.when)].flatMap(logConditions);
    if (conditions.some((condition) => { const input = rule.inputs[condition.input]; return input !== undefined && ('logs' in input || 'nodeFile' in input); })) searching.add(rule.id);
  }
  return searching;
}
