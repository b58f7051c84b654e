// The public API of @bundle-triage/cli: the command as a function, for wrappers and tests.
// The libraries themselves are @bundle-triage/core, @bundle-triage/rules and @bundle-triage/report.
export { main } from './main.js';
export { ExitCode } from './exit-codes.js';
export { processIo, type CliIo, type TextSink } from './io.js';
export type { BatchLine } from './batch/batch-line.js';
// The diff of two reports lives in @bundle-triage/report (the service shows it too); kept here for existing callers.
export type { ReportDiff, DiffEntry, StayedEntry, BundleSide } from '@bundle-triage/report';
