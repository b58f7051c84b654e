import type { RenderOptions } from '@bundle-triage/report';
import type { CliIo } from '../io.js';
import type { ReportDestination } from './report-destination.js';

/** Colour only for a terminal that asked for none of NO_COLOR; files never get escape codes. */
export function renderOptions(io: CliIo, destination: ReportDestination, options: { redact: boolean; includePass?: boolean; verbose?: boolean }): RenderOptions {
  const toTerminal = destination.kind === 'stdout' && io.isTTY.stdout;
  return {
    redact: options.redact,
    color: toTerminal && !io.env.NO_COLOR,
    ...(toTerminal && io.columns ? { width: io.columns } : {}),
    ...(options.includePass ? { includePass: true } : {}),
    ...(options.verbose ? { verbose: true } : {}),
  };
}
