/**
 * Typed failures of the kubectl-style reads. Each message is one line a CLI can print after
 * kubectl's own wording (`pods "x" not found`); a bot matches on `code` and the fields.
 */
export type KubectlErrorCode = 'UNKNOWN_RESOURCE_TYPE' | 'NOT_FOUND' | 'INVALID_SELECTOR' | 'BAD_REQUEST';

export class KubectlError extends Error {
  readonly code: KubectlErrorCode;

  constructor(code: KubectlErrorCode, message: string) {
    super(message);
    this.name = new.target.name;
    this.code = code;
  }
}

/** What the user typed names no resource type, built in or in the bundle. */
export class UnknownResourceTypeError extends KubectlError {
  readonly typed: string;
  /** Close names, best first (short names, plurals, singulars, kinds). */
  readonly suggestions: readonly string[];

  constructor(typed: string, suggestions: readonly string[]) {
    const hint = suggestions.length > 0 ? ` (did you mean ${suggestions.join(', ')}?)` : '';
    super('UNKNOWN_RESOURCE_TYPE', `the bundle has no resource type "${typed}"${hint}`);
    this.typed = typed;
    this.suggestions = suggestions;
  }
}

/** An object, a container log or a node file that the bundle does not hold. */
export class NotInBundleError extends KubectlError {
  /** What was looked for, as kubectl names it: `pods "x"`, `virtualmachines.kubevirt.io "vm1"`. */
  readonly what: string;
  /** Why it may be absent when the bundle can tell (not collected, old kit, no restarts). */
  readonly reason: string | undefined;

  constructor(what: string, message: string, reason?: string) {
    super('NOT_FOUND', reason ? `${message}: ${reason}` : message);
    this.what = what;
    this.reason = reason;
  }
}

/** A label or field selector that does not parse. */
export class InvalidSelectorError extends KubectlError {
  readonly selector: string;

  constructor(selector: string, reason: string) {
    super('INVALID_SELECTOR', `unable to parse selector "${selector}": ${reason}`);
    this.selector = selector;
  }
}

/** A request that cannot be answered as asked (which container?, a time that is not one). */
export class BadRequestError extends KubectlError {
  constructor(message: string) {
    super('BAD_REQUEST', message);
  }
}

export function isKubectlError(error: unknown): error is KubectlError {
  return error instanceof KubectlError;
}
