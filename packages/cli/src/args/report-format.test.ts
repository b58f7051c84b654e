import { describe, expect, it } from 'vitest';
import { UsageError } from '../errors/cli-error.js';
import { ALL_REPORT_FORMATS as ALL, defaultReportFormat } from './report-format.js';

const READINESS = ['text', 'markdown', 'json'] as const;

describe('defaultReportFormat', () => {
  it('is text for a person at a terminal and JSON for a program reading a pipe', () => {
    expect(defaultReportFormat(true, undefined, ALL, 'analyze')).toBe('text');
    expect(defaultReportFormat(false, undefined, ALL, 'analyze')).toBe('json');
  });

  it.each([
    ['report.txt', 'text'],
    ['report.md', 'markdown'],
    ['report.MD', 'markdown'],
    ['report.markdown', 'markdown'],
    ['out/report.html', 'html'],
    ['report.htm', 'html'],
    ['report.json', 'json'],
    ['report.sarif', 'sarif'],
    ['report.sarif.json', 'sarif'],
    ['results.xml', 'junit'],
    ['results.junit.xml', 'junit'],
  ])('follows the extension of an --out file: %s is %s', (file, format) => {
    expect(defaultReportFormat(false, file, ALL, 'analyze')).toBe(format);
  });

  it.each([
    ['r.pdf', 'usage: --out: cannot tell the format from .pdf; use --format (see bundle-triage analyze --help)'],
    ['r.yaml', 'usage: --out: cannot tell the format from .yaml; use --format (see bundle-triage analyze --help)'],
    ['out/results', 'usage: --out: cannot tell the format from "results" (no extension); use --format (see bundle-triage analyze --help)'],
  ])('refuses an --out file whose extension names no format (%s), rather than writing JSON into it', (file, message) => {
    expect(() => defaultReportFormat(false, file, ALL, 'analyze')).toThrow(UsageError);
    expect(() => defaultReportFormat(false, file, ALL, 'analyze')).toThrow(message);
  });

  it('refuses an extension the command cannot write, saying which it can', () => {
    expect(() => defaultReportFormat(false, 'view.html', READINESS, 'readiness')).toThrow(
      'usage: --out: .html is html, which readiness does not write (it writes text, md, json); use --format (see bundle-triage readiness --help)',
    );
  });
});
