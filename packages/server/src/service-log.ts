/**
 * Where the service says what it does. Library code never writes to the console: the caller
 * (the CLI, a test, an embedding program) passes a function and decides what to print.
 */
export type ServiceLogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface ServiceLogEntry {
  level: ServiceLogLevel;
  /** A stable name to match on: `upload.accepted`, `analysis.done`, `webhook.failed`… */
  event: string;
  /** One line for a person. */
  message: string;
  /** Ids and numbers that go with it (analysisId, attempt, status…). */
  fields?: Record<string, string | number | boolean | null>;
}

export type ServiceLog = (entry: ServiceLogEntry) => void;

/** The default: nothing is said. */
export const silentLog: ServiceLog = () => {};
