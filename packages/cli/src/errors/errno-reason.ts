/** Short human reasons for the file-system errors a user can fix (a typo, a permission). */
const REASONS: Record<string, string> = {
  ENOENT: 'no such file or folder',
  ENOTDIR: 'a part of the path is not a folder',
  EISDIR: 'is a folder, not a file',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EEXIST: 'already exists',
  ENOSPC: 'no space left on the device',
  EROFS: 'read-only file system',
  EMFILE: 'too many open files',
};

export function isErrnoError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string' && /^E[A-Z]+$/.test((error as NodeJS.ErrnoException).code!);
}

export function errnoReason(error: NodeJS.ErrnoException): string {
  return REASONS[error.code ?? ''] ?? error.message.split('\n')[0]!;
}

/**
 * Why a file could not be created: ENOENT there means its folder is missing (`--out` never
 * creates the parents of a file, so a typo in the folder is not silently made into a tree).
 */
export function writeFailureReason(error: unknown): string {
  if (!isErrnoError(error)) return String(error);
  return error.code === 'ENOENT' ? 'no such folder' : errnoReason(error);
}
