export type { BundleFormat, BundleSource, SourceEntry, SourceEntryKind } from './bundle-source.js';
export { openSource, type OpenSourceOptions } from './open-source.js';
