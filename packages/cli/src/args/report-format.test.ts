import { describe, expect, it } from 'vitest';
import { ALL_REPORT_FORMATS as ALL, defaultReportFormat } from './report-format.js';

describe('defaultReportFormat', () => {
  it('is text for a person at a terminal and JSON for a program reading a pipe', () => {
    expect(defaultReportFormat(true, undefined, ALL)).toBe('text');
    expect(defaultReportFormat(false, undefined, ALL)).toBe('json');
  });

  it('follows the extension of an --out file, and falls back to JSON for an unknown one', () => {
    expect(defaultReportFormat(true, 'out/report.html', ALL)).toBe('html');
    expect(defaultReportFormat(true, 'report.MD', ALL)).toBe('markdown');
    expect(defaultReportFormat(true, 'results.xml', ALL)).toBe('junit');
    expect(defaultReportFormat(true, 'report.sarif', ALL)).toBe('sarif');
    expect(defaultReportFormat(true, 'report.out', ALL)).toBe('json');
  });

  it('ignores an extension the command cannot write', () => {
    expect(defaultReportFormat(false, 'view.html', ['text', 'markdown', 'json'])).toBe('json');
  });
});
