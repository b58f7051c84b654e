import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TOOL_VERSION } from '@bundle-triage/rules';
import { CLI_VERSION } from '../version.js';
import { COMMANDS } from './command-table.js';

const packageVersion = (name: string) =>
  (JSON.parse(readFileSync(new URL(`../../../${name}/package.json`, import.meta.url), 'utf8')) as { version: string }).version;

describe('the command table', () => {
  it('lists each command under the name and summary the loaded command has', async () => {
    for (const entry of COMMANDS) {
      const command = await entry.load();
      expect({ name: command.name, summary: command.summary }).toEqual({ name: entry.name, summary: entry.summary });
    }
  });

  it('has no command twice', () => {
    expect(new Set(COMMANDS.map((entry) => entry.name)).size).toBe(COMMANDS.length);
  });

  it('reports the versions that the packages declare', () => {
    expect(CLI_VERSION).toBe(packageVersion('cli'));
    expect(TOOL_VERSION).toBe(packageVersion('rules'));
  });
});
