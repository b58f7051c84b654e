import { BundleLimitError } from '../errors.js';
import type { BundleLimits } from '../limits.js';

/**
 * Running totals of what a bundle costs, checked against `BundleLimits` while entries are listed.
 * One budget spans the bundle and every nested archive, so the limits apply cumulatively.
 * Sizes are the declared ones; readers enforce them when inflating, which keeps the totals honest.
 */
export class LimitBudget {
  readonly limits: BundleLimits;
  /** What the messages name: the bundle's location. */
  readonly label: string;
  #entries = 0;
  #totalBytes = 0;

  constructor(limits: BundleLimits, label: string) {
    this.limits = limits;
    this.label = label;
  }

  /** Refuses early when an archive declares more entries than could ever fit. */
  expectEntries(declared: number, where: string): void {
    const max = this.limits.maxEntries;
    if (this.#entries + declared > max) {
      throw limitExceeded(this.label, 'maxEntries', max, `${where} declares ${declared} entries`, where);
    }
  }

  countEntry(path: string): void {
    const max = this.limits.maxEntries;
    if (++this.#entries > max) {
      throw limitExceeded(this.label, 'maxEntries', max, `more than ${max} entries (at "${path}")`, path);
    }
  }

  /** Checks one entry's size alone, before anything of it is read (tar headers). */
  checkEntrySize(path: string, size: number): void {
    const max = this.limits.maxEntryBytes;
    if (size > max) {
      throw limitExceeded(this.label, 'maxEntryBytes', max, `entry "${path}" is ${size} bytes`, path);
    }
  }

  /** Adds a file's declared size; `compressedSize` (archives that have one) enables the ratio check. */
  countBytes(path: string, size: number, compressedSize?: number): void {
    this.checkEntrySize(path, size);
    this.#totalBytes += size;
    const maxTotal = this.limits.maxTotalBytes;
    if (this.#totalBytes > maxTotal) {
      throw limitExceeded(
        this.label,
        'maxTotalBytes',
        maxTotal,
        `entries add up to more than ${maxTotal} bytes uncompressed (at "${path}")`,
        path,
      );
    }
    if (compressedSize !== undefined && size > this.limits.compressionRatioMinBytes) {
      const ratio = size / Math.max(compressedSize, 1);
      const maxRatio = this.limits.maxCompressionRatio;
      if (ratio > maxRatio) {
        throw limitExceeded(
          this.label,
          'maxCompressionRatio',
          maxRatio,
          `entry "${path}" inflates ${Math.round(ratio)}x (${size} bytes from ${compressedSize}; zip bomb?)`,
          path,
        );
      }
    }
  }
}

/** One-line limit error: the file, what happened, the limit with its value, and how to raise it. */
export function limitExceeded(
  label: string,
  limit: keyof BundleLimits,
  value: number,
  what: string,
  path?: string,
  advice = `raise limits.${limit} to open it`,
): BundleLimitError {
  return new BundleLimitError(limit, value, `${label}: ${what}, over limits.${limit} = ${value}; ${advice}`, {
    path: path ?? label,
  });
}
