// Writes packages/rules/CATALOG.md from the rule files (`pnpm catalog:table`).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderCatalogTable } from '../src/catalog/catalog-table.js';
import { catalogDirectory, loadCatalog } from '../src/catalog/load-catalog.js';
import { loadNotDetectable } from '../src/catalog/not-detectable.js';

const table = renderCatalogTable(await loadCatalog(), await loadNotDetectable());
const target = join(catalogDirectory(), '..', 'CATALOG.md');
writeFileSync(target, table);
process.stdout.write(`wrote ${target}\n`);
