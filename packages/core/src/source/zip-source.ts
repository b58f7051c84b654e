import type { ByteStore } from './byte-store.js';
import { addEntriesBelowRoot, detectBundleRoot, type ListedEntry } from './bundle-root.js';
import { refusedEntryMessage } from './entry-name.js';
import type { OpenContext } from './open-context.js';
import { ZipArchive } from './zip-archive.js';

/**
 * Lists a zipped bundle into the context's table, from the central directory alone; the archive
 * stays open for reads until the source is closed. Returns the bundle root.
 */
export async function listZipBundle(store: ByteStore, context: OpenContext): Promise<string> {
  const archive = await ZipArchive.open(store, context.location);
  context.resources.defer(() => archive.close());
  context.budget.expectEntries(archive.declaredEntryCount, 'the zip');
  const refuse = (name: string, reason: string): void =>
    context.diagnostics.add({ path: '', level: 'error', message: refusedEntryMessage(name, reason) });
  const members = await archive.listMembers(refuse, context.signal);
  const listed = members.map(
    (member): ListedEntry => ({
      path: member.path,
      isDirectory: member.isDirectory,
      size: member.size,
      compressedSize: member.compressedSize,
      content: member.isDirectory ? { type: 'directory' } : { type: 'zip-member', archive, member },
    }),
  );
  const root = detectBundleRoot(listed, context.location, 'archive');
  addEntriesBelowRoot(listed, root, context.table, (diagnostic) => context.diagnostics.add(diagnostic));
  return root;
}
