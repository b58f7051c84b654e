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
  | 'ANALYSIS_THREAD';

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
