import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundleBaseName, displayPath } from './bundle-input.js';

describe('bundle names', () => {
  it('shows an absolute path under the working folder relative to it, and others as given', () => {
    expect(displayPath(join('/work', 'tickets', 'a.zip'), '/work')).toBe(join('tickets', 'a.zip'));
    expect(displayPath('/elsewhere/a.zip', '/work')).toBe('/elsewhere/a.zip');
    expect(displayPath('tickets/a.zip', '/work')).toBe('tickets/a.zip');
  });

  it('names a report after its bundle without the archive extension', () => {
    expect(bundleBaseName({ kind: 'path', path: 'in/supportbundle_x.zip' })).toBe('supportbundle_x');
    expect(bundleBaseName({ kind: 'path', path: 'in/b.tar.gz' })).toBe('b');
    expect(bundleBaseName({ kind: 'path', path: 'in/extracted/' })).toBe('extracted');
    expect(bundleBaseName({ kind: 'stdin' })).toBe('stdin');
  });
});
