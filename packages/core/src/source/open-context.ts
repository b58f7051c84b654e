import type { DiagnosticLog } from '../diagnostics.js';
import type { BundleLimits } from '../limits.js';
import type { EntryTable } from './entry-table.js';
import type { LimitBudget } from './limit-budget.js';
import type { ResourceStack } from './resource-stack.js';
import type { TempSpace } from './temp-space.js';

/** What every step of opening a bundle shares: where it is, what it may cost, what it holds. */
export interface OpenContext {
  /** The absolute path opened, or `<buffer>`; messages start with it. */
  readonly location: string;
  readonly limits: BundleLimits;
  readonly budget: LimitBudget;
  readonly table: EntryTable;
  readonly diagnostics: DiagnosticLog;
  readonly resources: ResourceStack;
  readonly temp: TempSpace;
  readonly signal: AbortSignal | undefined;
}
