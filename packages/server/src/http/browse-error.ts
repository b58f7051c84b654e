import { isKubectlError } from '@bundle-triage/core';
import { BadParameterError, BundleRemovedError, BundleUnreadableError, NotReadyError } from '../errors.js';

/** An error of the object browser as the API answers it (the pages show the same message). */
export interface BrowseErrorAnswer {
  status: number;
  code: string;
  message: string;
}

/**
 * The status of an object-browser error: a parameter refused (400), a type, object or log the
 * bundle does not hold (404, kubectl's wording with the bundle's reason), an analysis not done
 * (409), a bundle file removed by retention (410), an unreadable bundle (422). Undefined for
 * anything else (the caller's own handling).
 */
export function browseErrorAnswer(error: unknown): BrowseErrorAnswer | undefined {
  if (error instanceof BadParameterError || error instanceof NotReadyError || error instanceof BundleRemovedError || error instanceof BundleUnreadableError) {
    return { status: error.status, code: error.code, message: error.message };
  }
  if (isKubectlError(error)) {
    const status = error.code === 'UNKNOWN_RESOURCE_TYPE' || error.code === 'NOT_FOUND' ? 404 : 400;
    return { status, code: error.code, message: error.message };
  }
  return undefined;
}
