import { describe } from 'vitest';
import { openSqliteStore } from '../src/index.js';
import { metadataStoreContract } from './metadata-store.contract.js';

describe('the SQLite metadata store (embedded mode)', () => {
  metadataStoreContract({ open: () => openSqliteStore(':memory:') });
});
