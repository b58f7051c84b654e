import { join } from 'node:path';
import Database from 'better-sqlite3';
import { DataFolderInUseError } from '../errors.js';

/**
 * Holds the data folder for this process: an exclusive SQLite lock on `serve.lock`, which the
 * operating system releases when the process ends, however it ends. A second embedded service
 * on the same folder is refused (it would run the same queued jobs), and a service restarted
 * after a crash knows that whatever was running is orphaned.
 */
export function lockDataFolder(folder: string): () => void {
  const lock = new Database(join(folder, 'serve.lock'));
  try {
    lock.pragma('busy_timeout = 0');
    lock.pragma('locking_mode = EXCLUSIVE');
    lock.exec('BEGIN EXCLUSIVE');
  } catch (error) {
    lock.close();
    if ((error as { code?: string }).code === 'SQLITE_BUSY') throw new DataFolderInUseError(folder);
    throw error;
  }
  let released = false;
  return () => {
    if (released) return;
    released = true;
    lock.exec('COMMIT');
    lock.close();
  };
}
