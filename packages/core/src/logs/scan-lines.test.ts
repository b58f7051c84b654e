import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scanLines, type ScannedLine } from './scan-lines.js';

async function* chunked(bytes: Buffer, cuts: number[]): AsyncGenerator<Buffer> {
  let start = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    if (cut <= start || cut >= bytes.length) continue;
    yield bytes.subarray(start, cut);
    start = cut;
  }
  if (start < bytes.length) yield bytes.subarray(start);
}

async function collect(lines: AsyncIterable<ScannedLine>): Promise<ScannedLine[]> {
  const all: ScannedLine[] = [];
  for await (const line of lines) all.push(line);
  return all;
}

/** The reference: split the whole text at once. */
function referenceLines(text: string): ScannedLine[] {
  if (text === '') return [];
  const parts = text.split('\n');
  if (parts[parts.length - 1] === '') parts.pop();
  return parts.map((raw, index) => ({ line: index + 1, raw: raw.endsWith('\r') ? raw.slice(0, -1) : raw }));
}

describe('scanLines', () => {
  it('gives the same lines and line numbers as splitting the whole text, for any chunk boundaries', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(fc.string(), fc.constantFrom('\n', '\r\n', 'é', '日本', '\u0000', 'needle')), { maxLength: 60 }).map((parts) => parts.join('')),
        fc.array(fc.nat(400), { maxLength: 12 }),
        async (text, cuts) => {
          const bytes = Buffer.from(text, 'utf8');
          expect(await collect(scanLines(chunked(bytes, cuts)))).toEqual(referenceLines(text));
        },
      ),
      { seed: 20261126, numRuns: 400 },
    );
  });

  it('with a prefilter, returns exactly the lines holding a literal, with their true numbers', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(fc.string(), fc.constantFrom('\n', 'needle', 'nee', 'dle', 'hay')), { maxLength: 60 }).map((parts) => parts.join('')),
        fc.array(fc.nat(400), { maxLength: 12 }),
        async (text, cuts) => {
          const bytes = Buffer.from(text, 'utf8');
          const expected = referenceLines(text).filter((line) => line.raw.includes('needle') || line.raw.includes('hay'));
          expect(await collect(scanLines(chunked(bytes, cuts), { prefilter: ['needle', 'hay'] }))).toEqual(expected);
        },
      ),
      { seed: 20261126, numRuns: 400 },
    );
  });

  it('with four or more literals (in one alternation, or two with a few short ones apart), returns exactly the lines holding one, non-ASCII and regex characters included', async () => {
    // Most short: one alternation. Two short (a|b, XFS () among eight: a long and a short one.
    const joined = ['needle', 'I/O error', 'XFS (', 'naïve', 'a|b', 'é.*'];
    const split = ['needle in hay', 'I/O error', 'XFS (', 'naïve-ness', 'a|b', 'é.*+?[x]', 'Killed process', 'oom-kill:'];
    const words = [...new Set([...joined, ...split])];
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(fc.string(), fc.constantFrom('\n', ...words, 'nee', 'XFS', 'na', 'ï', 'ab', 'é', 'Killed', 'ness', 'oom-')), { maxLength: 60 }).map((parts) => parts.join('')),
        fc.array(fc.nat(400), { maxLength: 12 }),
        fc.constantFrom(joined, split),
        fc.option(fc.integer({ min: 4, max: 40 }), { nil: undefined }),
        async (text, cuts, literals, maxLineBytes) => {
          const bytes = Buffer.from(text, 'utf8');
          // A cut line is searched as cut: a literal must be in the bytes it keeps.
          const kept = (line: string) => Buffer.from(line, 'utf8').subarray(0, maxLineBytes).toString('latin1');
          const holds = (line: string) => literals.some((literal) => kept(line).includes(Buffer.from(literal, 'utf8').toString('latin1')));
          const scanned = await collect(scanLines(chunked(bytes, cuts), { prefilter: literals, ...(maxLineBytes === undefined ? {} : { maxLineBytes }) }));
          const expected = referenceLines(text).filter((line) => holds(line.raw));
          expect(scanned.map((line) => line.line)).toEqual(expected.map((line) => line.line));
          if (maxLineBytes === undefined) expect(scanned).toEqual(expected);
        },
      ),
      { seed: 20261206, numRuns: 600 },
    );
  });

  it('with a prefilter pattern (alone or with literals), returns exactly the lines it matches or that hold a literal, with their true numbers', async () => {
    // The literals join the pattern's search: their regex characters stay literal, and a pattern
    // that ignores case does not make them ignore it.
    const literals = ['straw', 'a|b', 'é.*', 'STRAW'];
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(fc.string(), fc.constantFrom('\n', 'needle', 'neeedle', 'NEEDLE', 'nee', 'dle', 'hay', 'Hay ', 'hayx', 'é', 'éx', 'straw', 'Straw', 'a|b', 'ab', 'é.*')), { maxLength: 60 }).map((parts) => parts.join('')),
        fc.array(fc.nat(400), { maxLength: 12 }),
        fc.constantFrom('alone', 'with literals', 'ignoring case, with literals'),
        async (text, cuts, variant) => {
          const bytes = Buffer.from(text, 'utf8');
          const pattern = variant === 'ignoring case, with literals' ? /ne+dle|[Hh]ay\b/gi : /ne+dle|[Hh]ay\b/g;
          const test = new RegExp(pattern.source, pattern.flags.replace('g', ''));
          const withLiterals = variant !== 'alone';
          const expected = referenceLines(text).filter((line) => test.test(line.raw) || (withLiterals && literals.some((literal) => line.raw.includes(literal))));
          const options = withLiterals ? { prefilterPattern: pattern, prefilter: literals } : { prefilterPattern: pattern };
          expect(await collect(scanLines(chunked(bytes, cuts), options))).toEqual(expected);
        },
      ),
      { seed: 20261126, numRuns: 600 },
    );
  });

  it('splits any byte stream (invalid UTF-8, lone \\r, NUL) like a reference split, for any chunk boundaries and line cap', async () => {
    /** The reference: split the whole buffer at \n, cut each line at the cap, decode, drop one trailing \r. */
    const referenceByteLines = (bytes: Buffer, maxLineBytes: number, prefilter: Buffer[] = []): ScannedLine[] => {
      const lines: ScannedLine[] = [];
      let start = 0;
      for (let number = 1; start < bytes.length; number += 1) {
        const newline = bytes.indexOf(0x0a, start);
        const end = newline < 0 ? bytes.length : newline;
        const truncated = end - start > maxLineBytes;
        const kept = bytes.subarray(start, truncated ? start + maxLineBytes : end);
        start = end + 1;
        // A prefilter literal counts in the bytes the line keeps (a cut line is searched as cut).
        if (prefilter.length > 0 && !prefilter.some((literal) => kept.includes(literal))) continue;
        let raw = kept.toString('utf8');
        if (raw.endsWith('\r')) raw = raw.slice(0, -1);
        lines.push(truncated ? { line: number, raw, truncated } : { line: number, raw });
      }
      return lines;
    };
    const piece = fc.oneof(
      fc.uint8Array({ maxLength: 40 }),
      fc.constantFrom([0x0a], [0x0d], [0x0d, 0x0a], [0x00], [0xff], [0xc3], [0xe2, 0x82], [0xf0, 0x9f, 0x98], [0xe9, 0x0a], [0xc3, 0xa9], [0xef, 0xbf, 0xbd]).map((bytes) => Uint8Array.from(bytes)),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(piece, { maxLength: 30 }).map((pieces) => Buffer.concat(pieces)),
        fc.array(fc.nat(600), { maxLength: 12 }),
        fc.oneof(fc.constant(1024 * 1024), fc.integer({ min: 1, max: 64 })),
        async (bytes, cuts, maxLineBytes) => {
          expect(await collect(scanLines(chunked(bytes, cuts), { maxLineBytes }))).toEqual(referenceByteLines(bytes, maxLineBytes));
          const literals = ['\r', '\u0000', 'é'];
          const wanted = referenceByteLines(bytes, maxLineBytes, literals.map((literal) => Buffer.from(literal)));
          expect(await collect(scanLines(chunked(bytes, cuts), { maxLineBytes, prefilter: literals }))).toEqual(wanted);
          // The same literals as a pattern: searched over latin1, the UTF-8 bytes of é match é's bytes read as latin1.
          const asPattern = new RegExp(literals.map((literal) => Buffer.from(literal).toString('latin1').replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')).join('|'));
          expect(await collect(scanLines(chunked(bytes, cuts), { maxLineBytes, prefilterPattern: asPattern }))).toEqual(wanted);
        },
      ),
      { seed: 20261126, numRuns: 400 },
    );
  });

  it('cuts a line longer than maxLineBytes instead of buffering it, and keeps counting lines', async () => {
    const long = 'x'.repeat(5000);
    const bytes = Buffer.from(`first\n${long}\nlast\n`);
    let truncatedAt: number | undefined;
    const lines = await collect(scanLines(chunked(bytes, [10, 100, 1000, 3000]), { maxLineBytes: 100, onTruncatedLine: (line) => (truncatedAt = line) }));
    expect(lines.map((line) => [line.line, line.raw.length, line.truncated ?? false])).toEqual([
      [1, 5, false],
      [2, 100, true],
      [3, 4, false],
    ]);
    expect(truncatedAt).toBe(2);
  });

  it('reads a 100 MB line without a newline in bounded memory', async () => {
    async function* endless(): AsyncGenerator<Buffer> {
      const block = Buffer.alloc(1024 * 1024, 0x61);
      for (let i = 0; i < 100; i += 1) yield block;
    }
    const before = process.memoryUsage().rss;
    const lines = await collect(scanLines(endless()));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ line: 1, truncated: true });
    expect(process.memoryUsage().rss - before).toBeLessThan(64 * 1024 * 1024);
  });

  it('reports bytes that are not UTF-8 once, and still returns the line', async () => {
    const reported: number[] = [];
    const bytes = Buffer.concat([Buffer.from('ok\nbad '), Buffer.from([0xff, 0xfe]), Buffer.from('\nbad again \xff\n', 'latin1')]);
    const lines = await collect(scanLines(chunked(bytes, [4]), { onInvalidUtf8: (line) => reported.push(line) }));
    expect(lines.map((line) => line.line)).toEqual([1, 2, 3]);
    expect(reported).toEqual([2]);
  });

  it('does not report a real U+FFFD character as an encoding problem', async () => {
    const reported: number[] = [];
    await collect(scanLines(chunked(Buffer.from('a \uFFFD b\n'), []), { onInvalidUtf8: (line) => reported.push(line) }));
    expect(reported).toEqual([]);
  });
});
