/**
 * Bounds on what a bundle may cost to open and read. Support bundles come from customers and
 * sometimes from attackers; every default here is far above a real bundle (the largest reported
 * are a few GB uncompressed) and far below what would exhaust the machine.
 */
export interface BundleLimits {
  /** Entries (files and folders) across the bundle and its nested archives. */
  maxEntries: number;
  /** Sum of uncompressed sizes of every entry, nested archives included. */
  maxTotalBytes: number;
  /** Uncompressed size of one entry. */
  maxEntryBytes: number;
  /** Uncompressed / compressed size of one entry, checked for entries over `compressionRatioMinBytes`. */
  maxCompressionRatio: number;
  /** Entries smaller than this are exempt from the ratio check (tiny files compress absurdly well). */
  compressionRatioMinBytes: number;
  /**
   * Archives inside archives, each only at its known place: 1 opens `nodes/<node>.zip`, 2 also the
   * node's supportconfig `.txz` inside it (a zip inside a node zip is never opened); 0 opens none.
   */
  maxNestingDepth: number;
  /** Largest entry `readFile` returns as one Buffer; larger content must be streamed. */
  maxReadBytes: number;
}

export const DEFAULT_LIMITS: Readonly<BundleLimits> = Object.freeze({
  // 250,000 keeps a bundle of that many tiny entries under 512 MB of memory; real bundles hold
  // hundreds to tens of thousands.
  maxEntries: 250_000,
  maxTotalBytes: 32 * 1024 ** 3,
  maxEntryBytes: 8 * 1024 ** 3,
  maxCompressionRatio: 1_000,
  compressionRatioMinBytes: 1024 * 1024,
  maxNestingDepth: 2,
  maxReadBytes: 512 * 1024 ** 2,
});

export function resolveLimits(overrides: Partial<BundleLimits> = {}): BundleLimits {
  const limits = { ...DEFAULT_LIMITS };
  for (const [key, value] of Object.entries(overrides) as [keyof BundleLimits, number | undefined][]) {
    if (value === undefined) continue;
    if (typeof value !== 'number' || !(value >= 0)) {
      throw new TypeError(`limit ${key} must be a non-negative number, got ${String(value)}`);
    }
    limits[key] = value;
  }
  return limits;
}
