import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderReadiness, renderReport, validateReport, type ReportFormat } from './index.js';
import { fixtureReport, type FixtureName } from './test-reports.js';

// Golden files: every format of the flagship and the healthy fixture, compared byte for byte.
// `UPDATE_GOLDEN=1` rewrites them; review the diff before committing it.
const GOLDEN = fileURLToPath(new URL('../test/golden/', import.meta.url));
const UPDATE = process.env.UPDATE_GOLDEN === '1';

const FORMATS: [ReportFormat, string][] = [
  ['text', 'txt'],
  ['markdown', 'md'],
  ['html', 'html'],
  ['json', 'json'],
  ['sarif', 'sarif.json'],
  ['junit', 'junit.xml'],
];
const READINESS: ['text' | 'markdown' | 'json', string][] = [
  ['text', 'readiness.txt'],
  ['markdown', 'readiness.md'],
  ['json', 'readiness.json'],
];

function compareWithGolden(file: string, actual: string): void {
  const path = `${GOLDEN}${file}`;
  if (UPDATE || !existsSync(path)) {
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(path, actual);
    if (!UPDATE) throw new Error(`golden ${file} did not exist; written now — review and commit it`);
    return;
  }
  expect(actual, `${file} differs from its golden (UPDATE_GOLDEN=1 rewrites it)`).toBe(readFileSync(path, 'utf8'));
}

describe.each<FixtureName>(['flagship', 'healthy'])('golden renderings of the %s fixture', (fixture) => {
  it.each(FORMATS)('renders %s exactly as its golden file', async (format, extension) => {
    const output = renderReport(await fixtureReport(fixture), format);
    expect(output.endsWith('\n')).toBe(true);
    compareWithGolden(`${fixture}.${extension}`, output);
  });

  it.each(READINESS)('renders the readiness view as %s exactly as its golden file', async (format, extension) => {
    compareWithGolden(`${fixture}.${extension}`, renderReadiness(await fixtureReport(fixture), format));
  });

  it('produces a report that validates against the published schema, before and after rendering', async () => {
    const report = await fixtureReport(fixture);
    expect(validateReport(report)).toEqual({ valid: true, errors: [] });
    expect(validateReport(JSON.parse(renderReport(report, 'json')))).toEqual({ valid: true, errors: [] });
  });

  it('renders the same bytes on a second run (nothing but `run` differs between runs)', async () => {
    const [first, second] = [await fixtureReport(fixture), await fixtureReport(fixture)];
    for (const [format] of FORMATS) expect(renderReport(second, format)).toBe(renderReport(first, format));
  });
});

describe('the healthy fixture says plainly that nothing was found', () => {
  it.each(FORMATS.filter(([format]) => format !== 'sarif' && format !== 'json'))('in %s', async (format) => {
    const output = renderReport(await fixtureReport('healthy'), format);
    expect(output).toContain('No problems found: 0 fail, 0 warn; 1 rule passed');
  });

  it('in JSON and SARIF: no fail or warn counted, no error or warning result', async () => {
    const report = await fixtureReport('healthy');
    const json = JSON.parse(renderReport(report, 'json')) as { summary: { fail: number; warn: number; headline: string | null } };
    expect(json.summary).toMatchObject({ fail: 0, warn: 0, headline: null });
    const sarif = JSON.parse(renderReport(report, 'sarif')) as { runs: { results: { level: string }[] }[] };
    expect(sarif.runs[0]!.results.filter((result) => result.level !== 'note')).toEqual([]);
  });

  it('in the readiness view', async () => {
    expect(renderReadiness(await fixtureReport('healthy'), 'text')).toMatch(/^✔ No reason found to refuse an upgrade \(1 check could not be made from this bundle\)/);
  });
});
