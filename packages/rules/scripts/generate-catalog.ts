// Compiles catalog/<component>/<rule-id>/ into src/catalog/built-in-rules.generated.ts (run by
// `pnpm build`, `pnpm typecheck` and the test setup; the file is not committed, so it cannot go stale).
import { writeGeneratedCatalog } from './write-generated-catalog.js';

const { file, count } = await writeGeneratedCatalog();
process.stdout.write(`compiled ${count} rules into ${file}\n`);
