import type { ReportFormat } from '@bundle-triage/report';
import { UsageError } from '../errors/cli-error.js';

/** What `--format` accepts, with the renderer format each names. */
const FORMAT_NAMES: Record<string, ReportFormat> = {
  text: 'text',
  md: 'markdown',
  markdown: 'markdown',
  html: 'html',
  json: 'json',
  sarif: 'sarif',
  junit: 'junit',
};

/** File extension of a report written into an `--out` folder. */
export const FORMAT_EXTENSION: Record<ReportFormat, string> = {
  text: 'txt',
  markdown: 'md',
  html: 'html',
  json: 'json',
  sarif: 'sarif',
  junit: 'xml',
};

export const ALL_REPORT_FORMATS: readonly ReportFormat[] = ['text', 'markdown', 'html', 'json', 'sarif', 'junit'];

export function parseReportFormat<F extends ReportFormat>(value: string, command: string, allowed: readonly F[]): F {
  const format = FORMAT_NAMES[value.toLowerCase()];
  if (!format || !isAllowed(format, allowed)) {
    const names = Object.entries(FORMAT_NAMES)
      .filter(([name, named]) => isAllowed(named, allowed) && name !== 'markdown')
      .map(([name]) => name);
    throw new UsageError('--format', `"${value}" is not one of ${names.join(', ')}`, command);
  }
  return format;
}

/**
 * The format when `--format` is not given: the one an `--out` file's extension names
 * (`report.html`), else text for a person at a terminal and JSON for a program reading a pipe.
 */
export function defaultReportFormat<F extends ReportFormat>(stdoutIsTTY: boolean, outFile: string | undefined, allowed: readonly (F | 'text' | 'json')[]): F | 'text' | 'json' {
  const extension = outFile ? /\.([a-z]+)$/i.exec(outFile)?.[1]?.toLowerCase() : undefined;
  const byExtension = (Object.entries(FORMAT_EXTENSION) as [ReportFormat, string][]).find(([, known]) => known === extension)?.[0];
  if (byExtension && isAllowed(byExtension, allowed)) return byExtension;
  if (outFile) return 'json';
  return stdoutIsTTY ? 'text' : 'json';
}

function isAllowed<F extends ReportFormat>(format: ReportFormat, allowed: readonly F[]): format is F {
  return (allowed as readonly ReportFormat[]).includes(format);
}
