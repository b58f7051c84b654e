import { describe, expect, it } from 'vitest';
import { BundleFormatError } from '../errors.js';
import { detectBundleRoot } from './bundle-root.js';

const listing = (...paths: string[]) =>
  paths.map((path) => ({ path: path.replace(/\/$/, ''), isDirectory: path.endsWith('/') }));

describe('detectBundleRoot', () => {
  it('takes the one top folder that holds metadata.yaml or yamls/', () => {
    expect(detectBundleRoot(listing('sb_1/', 'sb_1/metadata.yaml', 'sb_1/yamls/', '__MACOSX/', '__MACOSX/x'), 'b.zip', 'archive')).toBe('sb_1');
    expect(detectBundleRoot(listing('sb_1/yamls/cluster/v1/nodes.yaml'), 'b.zip', 'archive')).toBe('sb_1');
  });

  it('takes the top itself when metadata.yaml or yamls/ sit there', () => {
    expect(detectBundleRoot(listing('metadata.yaml', 'logs/a.log'), 'b.zip', 'archive')).toBe('');
    expect(detectBundleRoot(listing('yamls/', 'other/metadata.yaml'), 'b.zip', 'archive')).toBe('');
  });

  it('takes the only top folder when it has logs/ or nodes/ but no metadata', () => {
    expect(detectBundleRoot(listing('sb_1/nodes/n1.zip'), 'b.zip', 'archive')).toBe('sb_1');
    expect(detectBundleRoot(listing('logs/x/y.log', 'README'), 'b.zip', 'archive')).toBe('');
  });

  it('refuses two bundle folders, naming both', () => {
    expect(() => detectBundleRoot(listing('b/metadata.yaml', 'a/yamls/'), 'x.zip', 'archive')).toThrowError(
      /x\.zip contains 2 bundle folders \(a, b\); expected one/,
    );
  });

  it('refuses an archive with nothing bundle-like, and an empty one', () => {
    expect(() => detectBundleRoot(listing('photos/cat.jpg', 'notes.txt'), 'x.zip', 'archive')).toThrowError(
      /x\.zip is not a Harvester support bundle: no metadata\.yaml or yamls\/ folder/,
    );
    expect(() => detectBundleRoot([], 'x.zip', 'archive')).toThrowError(BundleFormatError);
    expect(() => detectBundleRoot([], 'x.zip', 'archive')).toThrowError(/empty archive/);
  });
});
