/**
 * Typed failures of opening or reading a bundle. Every message is one line that names the
 * file and the cause, so a CLI can print it as is and a bot can match on `code`.
 */
export type BundleErrorCode =
  | 'BUNDLE_NOT_FOUND'
  | 'BUNDLE_FORMAT'
  | 'BUNDLE_LIMIT'
  | 'BUNDLE_UNSAFE_PATH'
  | 'BUNDLE_ENTRY_NOT_FOUND'
  | 'BUNDLE_CLOSED'
  | 'BUNDLE_IO';

export class BundleError extends Error {
  readonly code: BundleErrorCode;
  /** The bundle (or bundle entry) the error is about. */
  readonly path: string | undefined;

  constructor(code: BundleErrorCode, message: string, options: { path?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.path = options.path;
  }
}

/** The input does not exist or cannot be opened at all. */
export class BundleNotFoundError extends BundleError {
  constructor(message: string, options: { path?: string; cause?: unknown } = {}) {
    super('BUNDLE_NOT_FOUND', message, options);
  }
}

/** The input is not a readable support bundle: wrong magic, truncated archive, no bundle root. */
export class BundleFormatError extends BundleError {
  constructor(message: string, options: { path?: string; cause?: unknown } = {}) {
    super('BUNDLE_FORMAT', message, options);
  }
}

/** A configured limit (entries, sizes, compression ratio, nesting) was exceeded. */
export class BundleLimitError extends BundleError {
  /** Which limit, as named in `BundleLimits`. */
  readonly limit: string;
  readonly value: number;

  constructor(limit: string, value: number, message: string, options: { path?: string; cause?: unknown } = {}) {
    super('BUNDLE_LIMIT', message, options);
    this.limit = limit;
    this.value = value;
  }
}

/** An entry name or link would reach outside the bundle (`../`, absolute path, escaping link). */
export class BundleUnsafePathError extends BundleError {
  constructor(message: string, options: { path?: string; cause?: unknown } = {}) {
    super('BUNDLE_UNSAFE_PATH', message, options);
  }
}

/** A path asked of the bundle is not in it. */
export class BundleEntryNotFoundError extends BundleError {
  constructor(message: string, options: { path?: string; cause?: unknown } = {}) {
    super('BUNDLE_ENTRY_NOT_FOUND', message, options);
  }
}

export function isBundleError(error: unknown): error is BundleError {
  return error instanceof BundleError;
}

/** The bundle (or source) was closed before a read. */
export class BundleClosedError extends BundleError {
  constructor(location: string) {
    super('BUNDLE_CLOSED', `${location}: the bundle was closed; open it again to read it`, { path: location });
  }
}

/** The analyzer could not use its own working space (the private temp folder): not the bundle's fault. */
export class BundleIoError extends BundleError {
  constructor(message: string, options: { path?: string; cause?: unknown } = {}) {
    super('BUNDLE_IO', message, options);
  }
}

/**
 * A caller asked for node files (or supportconfig files) of a bundle opened with
 * `nestedArchives: 'when-needed'` before `await bundle.openNestedArchives()`: the answer would be
 * missing them, so it is an error of the caller's, never a silent empty answer.
 */
export class NestedArchivesNotOpenedError extends Error {
  constructor(what: 'node bundles' | 'supportconfig archives') {
    super(`the ${what} of this bundle are not opened yet (it was opened with nestedArchives: 'when-needed'): await bundle.openNestedArchives() before reading them`);
    this.name = 'NestedArchivesNotOpenedError';
  }
}
