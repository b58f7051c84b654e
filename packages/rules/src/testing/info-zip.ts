/**
 * Zip archives laid out the way Info-ZIP's `zip -r <name>.zip <name>` lays them out, which is how
 * both the bundle (`supportbundle_<id>_<ts>.zip`) and each node bundle (`nodes/<node>.zip`) are
 * made (bundle-format.md §1.1, §1.7): every entry under one top folder, a directory entry before
 * the directory's contents, Unix attributes, an extended-timestamp extra field, members that are
 * already zips stored rather than deflated (Info-ZIP's default `-n .Z:.zip:…` suffix list), and
 * members that deflating would not shrink (a real `.txz`) stored too, as Info-ZIP falls back to.
 *
 * The timestamp is fixed by the caller, so the same input gives the same bytes.
 */
import { deflateSync, zipSync, type Zippable, type ZipOptions } from 'fflate';

const UNIX = 3;
const DIRECTORY_ATTRS = ((0o040755 << 16) | 0x10) >>> 0; // drwxr-xr-x + MS-DOS directory bit
const FILE_ATTRS = (0o100644 << 16) >>> 0; // -rw-r--r--
const EXTENDED_TIMESTAMP = 0x5455;
const UNIX_OWNER = 0x7875;
/** Suffixes Info-ZIP stores without trying to compress them (its default `-n` list). */
const STORED_SUFFIXES = ['.zip', '.Z', '.zoo', '.arc', '.lzh', '.arj'];
/** Already-compressed files Info-ZIP tries to deflate and then stores, since deflating does not shrink them. */
const COMPRESSED_SUFFIXES = ['.gz', '.tgz', '.txz', '.xz'];

/**
 * Zips `files` (paths relative to `topFolder`'s parent are built as `<topFolder>/<path>`), adding
 * a directory entry for `topFolder/` and every folder on the way to a file.
 */
export function infoZip(topFolder: string, files: ReadonlyMap<string, Uint8Array>, modifiedAt: string): Uint8Array {
  const mtimeSeconds = Math.floor(Date.parse(modifiedAt) / 1000);
  const common: ZipOptions = {
    os: UNIX,
    // fflate writes the DOS date/time in local time; shift so that it shows the UTC wall clock,
    // as the kit's container (TZ=UTC) would, whatever the time zone of the machine running us.
    mtime: utcWallClockAsLocal(mtimeSeconds * 1000),
    extra: { [EXTENDED_TIMESTAMP]: extendedTimestamp(mtimeSeconds), [UNIX_OWNER]: unixOwner() },
  };
  const entries: Zippable = {};
  for (const { path, directory } of infoZipOrder(topFolder, [...files.keys()])) {
    if (directory) {
      entries[path] = [new Uint8Array(0), { ...common, attrs: DIRECTORY_ATTRS, level: 0 }];
    } else {
      const data = files.get(path.slice(topFolder.length + 1))!;
      const stored =
        STORED_SUFFIXES.some((suffix) => path.endsWith(suffix)) ||
        data.length === 0 ||
        (COMPRESSED_SUFFIXES.some((suffix) => path.endsWith(suffix)) && deflateSync(data, { level: 6 }).length >= data.length);
      entries[path] = [data, { ...common, attrs: FILE_ATTRS, level: stored ? 0 : 6 }];
    }
  }
  return zipSync(entries);
}

export interface OrderedEntry {
  path: string;
  directory: boolean;
}

/** Depth-first, each directory before its contents, names in byte order within a directory. */
export function infoZipOrder(topFolder: string, relativePaths: string[]): OrderedEntry[] {
  interface Folder {
    files: Set<string>;
    folders: Map<string, Folder>;
  }
  const root: Folder = { files: new Set(), folders: new Map() };
  for (const relative of relativePaths) {
    const parts = relative.split('/');
    let folder = root;
    for (const part of parts.slice(0, -1)) {
      let child = folder.folders.get(part);
      if (!child) {
        child = { files: new Set(), folders: new Map() };
        folder.folders.set(part, child);
      }
      folder = child;
    }
    folder.files.add(parts[parts.length - 1]!);
  }
  const out: OrderedEntry[] = [];
  const visit = (folder: Folder, prefix: string): void => {
    out.push({ path: `${prefix}/`, directory: true });
    const names = [...new Set([...folder.files, ...folder.folders.keys()])].sort(byteOrder);
    for (const name of names) {
      const child = folder.folders.get(name);
      if (child) visit(child, `${prefix}/${name}`);
      if (folder.files.has(name)) out.push({ path: `${prefix}/${name}`, directory: false });
    }
  };
  visit(root, topFolder);
  return out;
}

function byteOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function utcWallClockAsLocal(epochMs: number): Date {
  const probe = new Date(epochMs);
  const shifted = new Date(epochMs + probe.getTimezoneOffset() * 60_000);
  // Re-measure at the shifted instant in case it crossed a daylight-saving change.
  return new Date(epochMs + shifted.getTimezoneOffset() * 60_000);
}

/** 0x5455 "UT": flags = modification time present, then the Unix mtime. */
function extendedTimestamp(mtimeSeconds: number): Uint8Array {
  const field = new Uint8Array(5);
  const view = new DataView(field.buffer);
  view.setUint8(0, 1);
  view.setUint32(1, mtimeSeconds >>> 0, true);
  return field;
}

/** 0x7875 "ux": version 1, 4-byte uid 0, 4-byte gid 0 (root, as in the kit's container). */
function unixOwner(): Uint8Array {
  return Uint8Array.from([1, 4, 0, 0, 0, 0, 4, 0, 0, 0, 0]);
}
