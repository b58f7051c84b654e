import { UsageError } from '../errors/cli-error.js';

export type TextOrJson = 'text' | 'json';

/** `--format text|json`; by default text on a terminal, JSON when piped (as analyze does). */
export function parseTextOrJson(value: string | undefined, stdoutIsTTY: boolean, command: string): TextOrJson {
  if (value === undefined) return stdoutIsTTY ? 'text' : 'json';
  if (value === 'text' || value === 'json') return value;
  throw new UsageError('--format', `"${value}" is not a format of ${command}; use text or json`, command);
}
