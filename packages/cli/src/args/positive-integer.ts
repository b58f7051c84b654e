import { UsageError } from '../errors/cli-error.js';

export function parsePositiveInteger(value: string, option: string, command: string): number {
  const number = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(number) || number < 1) {
    throw new UsageError(option, `"${value}" is not a whole number of at least 1`, command);
  }
  return number;
}
