import type { SupportconfigSection } from './sections.js';

export interface DfRow {
  filesystem: string;
  /** With `-T` only. */
  type?: string;
  /** As printed (`183G`), and in bytes: `df -h` rounds up to 2–3 digits, so bytes are approximate. */
  size: string;
  used: string;
  available: string;
  sizeBytes: number | undefined;
  usedBytes: number | undefined;
  availableBytes: number | undefined;
  /** `Use%` without the sign; undefined for `-`. */
  usePercent: number | undefined;
  mount: string;
  /** 1-based line of the row (of its first line, when df wrapped a long device name). */
  line: number;
}

/**
 * Rows of a `df -h`, `df -hT` or `df -Th` section. Old df wraps a long device name onto its own
 * line and continues the row below (SCA's bhc-diskused handles the same); that row is joined.
 */
export function parseDf(section: SupportconfigSection): DfRow[] {
  const withType = /(^|\s)-\w*T/.test(section.header);
  const columns = withType ? 7 : 6;
  const rows: DfRow[] = [];
  let pending: { line: number; fields: string[] } | undefined;
  for (const { line, text } of section.body) {
    if (/^Filesystem\s/.test(text) || text.trim() === '') continue;
    const fields = text.trim().split(/\s+/);
    const joined = pending ? { line: pending.line, fields: [...pending.fields, ...fields] } : { line, fields };
    if (joined.fields.length < columns) {
      pending = joined;
      continue;
    }
    pending = undefined;
    const [filesystem, ...rest] = joined.fields;
    const type = withType ? rest.shift() : undefined;
    const [size, used, available, percent, ...mountParts] = rest as [string, string, string, string, ...string[]];
    rows.push({
      filesystem: filesystem!,
      ...(type === undefined ? {} : { type }),
      size,
      used,
      available,
      sizeBytes: humanBytes(size),
      usedBytes: humanBytes(used),
      availableBytes: humanBytes(available),
      usePercent: /^\d+%$/.test(percent) ? Number(percent.slice(0, -1)) : undefined,
      mount: mountParts.join(' '),
      line: joined.line,
    });
  }
  return rows;
}

const UNITS: Record<string, number> = { '': 1, B: 1, K: 1024, M: 1024 ** 2, G: 1024 ** 3, T: 1024 ** 4, P: 1024 ** 5, E: 1024 ** 6 };

/** `183G` → bytes (1024-based, as df -h prints); `0` → 0; undefined when not a size. */
export function humanBytes(text: string): number | undefined {
  const match = /^(\d+(?:[.,]\d+)?)([BKMGTPE]?)$/.exec(text);
  if (!match) return undefined;
  return Math.round(Number(match[1]!.replace(',', '.')) * UNITS[match[2]!]!);
}
