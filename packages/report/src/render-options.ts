/** The renderings of one report. */
export type ReportFormat = 'text' | 'markdown' | 'html' | 'json' | 'sarif' | 'junit';

export interface RenderOptions {
  /** Mask secrets in excerpts, messages, diffs and commands (default true). */
  redact?: boolean;
  /** ANSI colours (text only; default false). The caller decides: TTY, NO_COLOR. */
  color?: boolean;
  /** Columns to wrap prose at (text only; default 100). */
  width?: number;
  /** Show `pass` findings in the finding lists (they are always counted). */
  includePass?: boolean;
  /**
   * Text: list skipped rules, rule errors and diagnostics instead of counting them. The readiness
   * view (every format): list the checks for other Harvester versions instead of counting them.
   */
  verbose?: boolean;
  /**
   * Secrets masked before this rendering: a report redacted when it was stored has nothing left
   * to mask, so the count kept from that redaction is added to what every format reports.
   */
  maskedBefore?: number;
}

/** How a rendering was redacted; every format says so when something was masked. */
export interface RedactionInfo {
  applied: boolean;
  masked: number;
}

export const DEFAULT_WIDTH = 100;

/** The options with their defaults applied, plus what redaction did: what every renderer gets. */
export interface RenderContext {
  redaction: RedactionInfo;
  color: boolean;
  width: number;
  includePass: boolean;
  verbose: boolean;
}
