/**
 * Entry names come from archives made by customers or attackers. A name that could point outside
 * the bundle, or that another tool would read differently, is refused rather than "fixed":
 * `a\..\b` is `a/../b` to Windows tools, so turning `\` into `/` would hide an escape.
 */
export type CheckedEntryName =
  | { ok: true; /** `/`-separated, no leading or trailing `/`, no `.` segments; `''` for the archive root itself. */ path: string; isDirectory: boolean }
  | { ok: false; reason: string };

export function checkEntryName(name: string): CheckedEntryName {
  if (name === '') return { ok: false, reason: 'empty name' };
  if (name.includes('\u0000')) return { ok: false, reason: 'name contains a NUL byte' };
  if (name.includes('\\')) return { ok: false, reason: 'name contains a backslash (a Windows path?)' };
  if (/^[A-Za-z]:/.test(name)) return { ok: false, reason: 'name starts with a drive letter (absolute Windows path)' };
  if (name.startsWith('/')) return { ok: false, reason: 'absolute path' };
  const segments = name.split('/');
  if (segments.includes('..')) return { ok: false, reason: 'path escapes the bundle' };
  // `!/` separates a nested archive from its members in bundle paths; a raw name holding it could
  // impersonate a member of nodes/<node>.zip.
  if (segments.some((segment) => segment.endsWith('!'))) {
    return { ok: false, reason: 'a path segment ends with "!", which marks nested archive members' };
  }
  return {
    ok: true,
    path: segments.filter((segment) => segment !== '' && segment !== '.').join('/'),
    isDirectory: name.endsWith('/'),
  };
}

export function refusedEntryMessage(name: string, reason: string): string {
  return `refused entry ${JSON.stringify(name)}: ${reason}`;
}
