/**
 * Typed failures of the service. Each message is one line that a CLI prints as is; `code` is
 * what a caller matches on, and the HTTP layer maps each class to its status.
 */
export type ServerErrorCode =
  | 'SERVICE_CONFIG'
  | 'DATA_FOLDER_IN_USE'
  | 'UPLOAD_REFUSED'
  | 'NOT_FOUND'
  | 'STORE'
  | 'ANALYSIS_THREAD'
  | 'BUNDLE_REMOVED'
  | 'NOT_READY'
  | 'BAD_PARAMETER'
  | 'BUNDLE_UNREADABLE';

export class ServerError extends Error {
  readonly code: ServerErrorCode;

  constructor(code: ServerErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/** Options that cannot work together, or a backend that cannot be reached at start. */
export class ServiceConfigError extends ServerError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('SERVICE_CONFIG', message, options);
  }
}

/** Another embedded service already holds the data folder (two would run each job twice). */
export class DataFolderInUseError extends ServerError {
  readonly folder: string;

  constructor(folder: string) {
    super('DATA_FOLDER_IN_USE', `${folder}: the data folder is in use by another bundle-triage serve`);
    this.folder = folder;
  }
}

/** Why an upload was refused before anything was recorded. */
export type UploadRefusal = 'too-large' | 'empty' | 'not-a-bundle' | 'aborted' | 'no-file';

/** An upload refused early (HTTP 4xx): nothing is recorded and no file is kept. */
export class UploadRefusedError extends ServerError {
  readonly reason: UploadRefusal;
  readonly status: number;

  constructor(reason: UploadRefusal, message: string, options?: { cause?: unknown }) {
    super('UPLOAD_REFUSED', message, options);
    this.reason = reason;
    this.status = reason === 'too-large' ? 413 : reason === 'not-a-bundle' ? 415 : 400;
  }
}

/** An analysis, cluster, token or webhook that does not exist. */
export class NotFoundError extends ServerError {
  constructor(what: string, id: string) {
    super('NOT_FOUND', `${what} ${id} not found`);
  }
}

/** The metadata store failed (a query, a migration, a lost connection). */
export class StoreError extends ServerError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('STORE', message, options);
  }
}

/** An analysis thread stopped without an answer (out of memory, killed, past its time). */
export class AnalysisThreadError extends ServerError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('ANALYSIS_THREAD', message, options);
  }
}

/**
 * The object browser reads the bundle file, and retention removed it: the report, findings and
 * search stay, only the objects and logs are gone (HTTP 410).
 */
export class BundleRemovedError extends ServerError {
  readonly status = 410;

  constructor(analysisId: string, detail = 'its bundle file was removed by retention') {
    super('BUNDLE_REMOVED', `the objects and logs of analysis ${analysisId} cannot be shown: ${detail}; the report is still there (/analyses/${analysisId})`);
  }
}

/** An analysis whose bundle cannot be browsed yet, or at all: queued, running, or not a bundle (HTTP 409). */
export class NotReadyError extends ServerError {
  readonly status = 409;

  constructor(message: string) {
    super('NOT_READY', message);
  }
}

/** A request parameter refused before anything is read: a path trick, a name that is no name (HTTP 400). */
export class BadParameterError extends ServerError {
  readonly status = 400;
  readonly parameter: string;

  constructor(parameter: string, message: string) {
    super('BAD_PARAMETER', `${parameter}: ${message}`);
    this.parameter = parameter;
  }
}

/** The stored bundle, or a file in it, cannot be read for the object browser (HTTP 422). */
export class BundleUnreadableError extends ServerError {
  readonly status = 422;

  constructor(message: string, options?: { cause?: unknown }) {
    super('BUNDLE_UNREADABLE', message, options);
  }
}
