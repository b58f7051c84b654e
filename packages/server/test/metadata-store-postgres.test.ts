import { describe } from 'vitest';
import { openPostgresStore, type MetadataStore } from '../src/index.js';
import { backingService, freshDatabase } from './helpers/backing-services.js';
import { metadataStoreContract } from './metadata-store.contract.js';

const postgres = backingService('postgres');

describe.skipIf(!postgres)('the PostgreSQL metadata store (distributed mode)', () => {
  metadataStoreContract({
    async open(): Promise<MetadataStore> {
      const database = await freshDatabase(postgres!);
      const store = await openPostgresStore(database.url);
      // The database goes with the store.
      const close = store.close.bind(store);
      return Object.assign(store, { close: async () => (await close(), await database.drop()) });
    },
  });
});
