import { isKubectlError } from '@bundle-triage/core';
import { CliError } from '../errors/cli-error.js';
import { ExitCode } from '../exit-codes.js';

/**
 * A kubectl-style read's failure as the one line kubectl users know, after the tool's prefix:
 * `bundle-triage: Error from bundle (NotFound): pods "x" not found in namespace "default"` (exit
 * 4), `bundle-triage: error: the bundle has no resource type "vmz" (did you mean vm, vms?)`
 * (exit 2). Anything else passes through for the usual handling.
 */
export function kubectlCliError(error: unknown): unknown {
  if (!isKubectlError(error)) return error;
  switch (error.code) {
    case 'NOT_FOUND':
      return new CliError('Error from bundle (NotFound)', undefined, error.message, ExitCode.notFound, { cause: error });
    case 'UNKNOWN_RESOURCE_TYPE':
      return new CliError('error', undefined, error.message, ExitCode.usage, { cause: error });
    case 'INVALID_SELECTOR':
      return new CliError('usage', undefined, error.message, ExitCode.usage, { cause: error });
    case 'BAD_REQUEST':
      return new CliError('error', undefined, error.message, ExitCode.usage, { cause: error });
  }
}
