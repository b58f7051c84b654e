import { basename } from 'node:path';
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
  if (!format || !isAllowed(format, allowed)) throw new UsageError('--format', `"${value}" is not one of ${formatNames(allowed).join(', ')}`, command);
  return format;
}

/** The `--format` names of the allowed formats (`md`, not also `markdown`). */
function formatNames(allowed: readonly ReportFormat[]): string[] {
  return Object.entries(FORMAT_NAMES)
    .filter(([name, named]) => isAllowed(named, allowed) && name !== 'markdown')
    .map(([name]) => name);
}

/** The `--out` file extensions each format is known by; longest first, so `.sarif.json` is SARIF, not JSON. */
const EXTENSION_FORMATS: readonly [string, ReportFormat][] = [
  ['.sarif.json', 'sarif'],
  ['.junit.xml', 'junit'],
  ['.markdown', 'markdown'],
  ['.sarif', 'sarif'],
  ['.html', 'html'],
  ['.json', 'json'],
  ['.htm', 'html'],
  ['.txt', 'text'],
  ['.xml', 'junit'],
  ['.md', 'markdown'],
];

/**
 * The format when `--format` is not given: the one an `--out` file's extension names
 * (`report.html`), else text for a person at a terminal and JSON for a program reading a pipe.
 * An extension that names no format, or one the command cannot write, is a usage error: writing
 * JSON into `report.pdf` would only be found out when someone opens it.
 */
export function defaultReportFormat<F extends ReportFormat>(
  stdoutIsTTY: boolean,
  outFile: string | undefined,
  allowed: readonly (F | 'text' | 'json')[],
  command: string,
): F | 'text' | 'json' {
  if (outFile === undefined) return stdoutIsTTY ? 'text' : 'json';
  const name = basename(outFile);
  const known = EXTENSION_FORMATS.find(([extension]) => name.toLowerCase().endsWith(extension) && name.length > extension.length);
  if (!known) {
    const extension = /\.[^.]+$/.exec(name)?.[0];
    throw new UsageError('--out', `cannot tell the format from ${extension ?? `"${name}" (no extension)`}; use --format`, command);
  }
  const [extension, format] = known;
  if (!isAllowed(format, allowed)) {
    throw new UsageError('--out', `${extension} is ${format}, which ${command} does not write (it writes ${formatNames(allowed).join(', ')}); use --format`, command);
  }
  return format;
}

function isAllowed<F extends ReportFormat>(format: ReportFormat, allowed: readonly F[]): format is F {
  return (allowed as readonly ReportFormat[]).includes(format);
}
