import type { Progress } from '../progress.js';
import type { AnalysisRequest } from './analyse-bundle.js';

/** Wires the open and rule progress of one bundle to the status line. */
export function progressCallbacks(progress: Progress, bundleName: string): Pick<AnalysisRequest, 'onOpenProgress' | 'onRuleProgress'> {
  let entries = 0;
  return {
    onOpenProgress: (event) => {
      if (event.phase === 'indexed') entries = event.entries;
      progress.update(`${bundleName}: ${entries} entries indexed${event.phase === 'read' ? `, ${event.filesRead} files read` : ''}`);
    },
    onRuleProgress: (event) => progress.update(`${bundleName}: rules ${event.rulesDone}/${event.rulesTotal} (${event.ruleId}), ${event.filesRead} files read`),
  };
}
