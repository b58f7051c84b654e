/**
 * The grouping accuracy of a log parser (He et al., "Tools and Benchmarks for Automated Log
 * Parsing", ICSE-SEIP 2019, the loghub metric): a line counts as correctly grouped when the
 * group the parser put it in holds exactly the lines of its true template, no more and no fewer.
 * Accuracy is the share of lines correctly grouped.
 */
export interface GroupingScore {
  accuracy: number;
  lines: number;
  correct: number;
  /** True templates whose lines were not grouped exactly, with the groups they went to. */
  misgrouped: { template: string; lines: number; groups: string[] }[];
}

/** `truth[i]` and `predicted[i]` label line i; `undefined` in predicted means "not grouped". */
export function groupingAccuracy(truth: readonly string[], predicted: readonly (string | undefined)[]): GroupingScore {
  if (truth.length !== predicted.length) throw new Error(`truth has ${truth.length} labels, predicted ${predicted.length}`);
  const predictedGroups = new Map<string, number[]>();
  const truthGroups = new Map<string, number[]>();
  truth.forEach((label, index) => {
    truthGroups.set(label, [...(truthGroups.get(label) ?? []), index]);
    const group = predicted[index];
    // An ungrouped line is a group of its own that matches nothing (unless its template has one line).
    const key = group === undefined ? `\u0000ungrouped:${index}` : group;
    predictedGroups.set(key, [...(predictedGroups.get(key) ?? []), index]);
  });
  let correct = 0;
  const misgrouped: GroupingScore['misgrouped'] = [];
  for (const [template, lines] of truthGroups) {
    const groups = new Set(lines.map((index) => predicted[index] ?? '(not grouped)'));
    const [only] = groups;
    const exact = groups.size === 1 && only !== '(not grouped)' && predictedGroups.get(only!)!.length === lines.length;
    if (exact) correct += lines.length;
    else misgrouped.push({ template, lines: lines.length, groups: [...groups] });
  }
  return { accuracy: truth.length === 0 ? 1 : correct / truth.length, lines: truth.length, correct, misgrouped };
}
