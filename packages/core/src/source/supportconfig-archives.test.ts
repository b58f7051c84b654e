import { describe, expect, it } from 'vitest';
import { tar } from '../../../rules/src/testing/tar-gz.js';
import { xz } from '../../../rules/src/testing/xz.js';
import { BundleLimitError } from '../errors.js';
import { resolveLimits, type BundleLimits } from '../limits.js';
import { openSource } from './open-source.js';
import { tarBytes, zipBytes, type TestEntry } from './test-archives.js';

/**
 * 16 MiB of zeros in a tar, `xz -9`: 2,684 bytes that decode 6,250x, made once with xz 5.4
 * (tests never run xz). The supportconfig archive is read in place and must be bounded like any
 * other archive.
 */
const XZ_BOMB = Buffer.from('/Td6WFoAAATm1rRGAgAhARwAAAAQz1jM//+MAdZdADmY7L5zPEZU7CR01mKW2ArKAdXZalnW2Yg5tS0zQp7FFQ7xleYiBcI1ZaS4uT8SmkvWiBzCSxrWJYz5rQeGi0ZSao3SFQOZtoLWtao2w/mY2KjvfPplwQDMEIF5r/sNegYhoT9vV25Y5lymn4VJer3jem/DblrkX9i6NrX2gNeocUiwlLgQCNh9/lBMo41+N6218UVdtuVqzhy09dqQgAZKCV7s4u8Gbhb/bKSUZgniFvE/T9WYQxEHKXWTDSkaEEgt4Vhcl7wcgKXGPpQoZnXOsecmI6j4BovZ9X/WDRs/fXergxQhbtHVevM+FFNidqxZ5OVbBQj5x9qt/PtSK3TNHlsgQvndUz34KWQJO4DLKmzftTvwxL0uX6oPPktmQpATDv8Qk/hxeFn4C83/lShGD6n8fN77mjAuVsCPhfODgcBlxCVT+PWRNjEFpbDub8FwTUcM0ZERqq1gHbrOsScYXFmG6WZSWL7pdqxZ5OVbBQj5x9qt/PtSK3TNHlsgQvndUz34KWQJO4DLKmzftTvwxL0uX6oPPktmQpATDv8Qk/hxeFn4C83/lShGD6n8fN77mjAuVsCPhfODgcBlxCVT+PWRNjEFpbDub8FwTUcM0ZDoZIzFn/8QASsA7HNTp/2+rnwxGp+3jTFucJ6nI1/sKMuF0ZWYin4qkfIndfcZwAaYTZj92K/VkA/EJVP49ZE2MQWlsO5vwXBNRwzRkRGqrWAdus6xJxhcWYbpZlJYvul2rFnk5VsFCPnH2q38+1IrdM0eWyBC+d1TPfgpZAk7gMsqbN+1O/DEvS5fqg8+S2ZCkBMO/xCT+HF4WfgLzf+VKEYPqfx83vuaMC5WwI+F84OBwGXEJVP49ZE2MQWlsO5vwXBNRwzRkRGqrWAdus6xJxhcWYbpZlJYvul2rFnk5VsFCPnH2q38+1IrdM0eWyBC+d1TPfgpZAk7gMsqbN+1O/DEvS5fqg8+S2ZCkBMO/xCT+HF4WfgLzf+VKEYPqfx83vuaMC5WwI+F84OBwGXEJVEPP7Kf/xABKwDsc1On/b6ufDEan7eNMW5wnqcjX+woy4XRlZiKfiqR8id19xnABphNmP3Yr9WQD8QlU/j1kTYxBaWw7m/BcE1HDNGREaqtYB26zrEnGFxZhulmUli+6XasWeTlWwUI+cfarfz7Uit0zR5bIEL53VM9+ClkCTuAyyps37U78MS9Ll+qDz5LZkKQEw7/EJP4cXhZ+AvN/5UoRg+p/Hze+5owLlbAj4Xzg4HAZcQlU/j1kTYxBaWw7m/BcE1HDNGREaqtYB26zrEnGFxZhulmUli+6XasWeTlWwUI+cfarfz7Uit0zR5bIEL53VM9+ClkCTuAyyps37U78MS9Ll+qDz5LZkKQEw7/EJP4cXhZ+AvN/5UoRg+p/Hze+5owLlbAj4Xzg4HAZcQlUQ8/sp//EAErAOxzU6f9vq58MRqft40xbnCepyNf7CjLhdGVmIp+KpHyJ3X3GcAGmE2Y/div1ZAPxCVT+PWRNjEFpbDub8FwTUcM0ZERqq1gHbrOsScYXFmG6WZSWL7pdqxZ5OVbBQj5x9qt/PtSK3TNHlsgQvndUz34KWQJO4DLKmzftTvwxL0uX6oPPktmQpATDv8Qk/hxeFn4C83/lShGD6n8fN77mjAuVsCPhfODgcBlxCVT+PWRNjEFpbDub8FwTUcM0ZERqq1gHbrOsScYXFmG6WZSWL7pdqxZ5OVbBQj5x9qt/PtSK3TNHlsgQvndUz34KWQJO4DLKmzftTvwxL0uX6oPPktmQpATDv8Qk/hxeFn4C83/lShGD6n8fN77mjAuVsCPhfODgcBlxCVRDz+yn/8QASsA7HNTp/2+rnwxGp+3jTFucJ6nI1/sKMuF0ZWYin4qkfIndfcZwAaYTZj92K/VkA/EJVP49ZE2MQWlsO5vwXBNRwzRkRGqrWAdus6xJxhcWYbpZlJYvul2rFnk5VsFCPnH2q38+1IrdM0eWyBC+d1TPfgpZAk7gMsqbN+1O/DEvS5fqg8+S2ZCkBMO/xCT+HF4WfgLzf+VKEYPqfx83vuaMC5WwI+F84OBwGXEJVP49ZE2MQWlsO5vwXBNRwzRkRGqrWAdus6xJxhcWYbpZlJYvul2rFnk5VsFCPnH2q38+1IrdM0eWyBC+d1TPfgpZAk7gMsqbN+1O/DEvS5fqg8+S2ZCkBMO/xCT+HF4WfgLzf+VKEYPqfx83vuaMC5WwI+F84OBwGXEJVEPP7Kf/xABKwDsc1On/b6ufDEan7eNMW5wnqcjX+woy4XRlZiKfiqR8id19xnABphNmP3Yr9WQD8QlU/j1kTYxBaWw7m/BcE1HDNGREaqtYB26zrEnGFxZhulmUli+6XasWeTlWwUI+cfarfz7Uit0zR5bIEL53VM9+ClkCTuAyyps37U78MS9Ll+qDz5LZkKQEw7/EJP4cXhZ+AvN/5UoRg+p/Hze+5owLlbAj4Xzg4HAZcQlU/j1kTYxBaWw7m/BcE1HDNGREaqtYB26zrEnGFxZhulmUli+6XasWeTlWwUI+cfarfz7Uit0zR5bIEL53VM9+ClkCTuAyyps37U78MS9Ll+qDz5LZkKQEw7/EJP4cXhZ+AvN/5UoRg+p/Hze+5owLlbAj4Xzg4HAZcQlUQ8/sp//EAErAOxzU6f9vq58MRqft40xbnCepyNf7CjLhdGVmIp+KpHyJ3X3GcAGmE2Y/div1ZAPxCVT+PWRNjEFpbDub8FwTUcM0ZERqq1gHbrOsScYXFmG6WZSWL7pdqxZ5OVbBQj5x9qt/PtSK3TNHlsgQvndUz34KWQJO4DLKmzftTvwxL0uX6oPPktmQpATDv8Qk/hxeFn4C83/lShGD6n8fN77mjAuVsCPhfODgcBlxCVT+PWRNjEFpbDub8FwTUcM0ZERqq1gHbrOsScYXFmG6WZSWL7pdqxZ5OVbBQj5x9qt/PtSK3TNHlsgQvndUz34KWQJO4DLKmzftTvwxL0uX6oPPktmQpATDv8Qk/hxeFn4C83/lShGD6n8fN77mjAuVsCPhfODgcBlxCVRDz+yn/8QASsA7HNTp/2+rnwxGp+3jTFucJ6nI1/sKMuF0ZWYin4qkfIndfcZwAaYTZj92K/VkA/EJVP49ZE2MQWlsO5vwXBNRwzRkRGqrWAdus6xJxhcWYbpZlJYvul2rFnk5VsFCPnH2q38+1IrdM0eWyBC+d1TPfgpZAk7gMsqbN+1O/DEvS5fqg8+S2ZCkBMO/xCT+HF4WfgLzf+VKEYPqfx83vuaMC5WwI+F84OBwGXEJVP49ZE2MQWlsO5vwXBNRwzRkRGqrWAdus6xJxhcWYbpZlJYvul2rFnk5VsFCPnH2q38+1IrdM0eWyBC+d1TPfgpZAk7gMsqbN+1O/DEvS5fqg8+S2ZCkBMO/xCT+HF4WfgLzf+VKEYPqfx83vuaMC5WwI+F84OBwGXEJVEPP7KAHvsABgDsAKIcawAAAAAA5Mlu6/O1mrYAAdUUgLCACFEwmQmxxGf7AgAAAAAEWVo=', 'base64');

const SCC = 'node1/scc/scc_supportconfig_node1-aB3dE9.txz';
const SCC_PATH = `nodes/node1.zip!/${SCC}`;

async function bundleWith(txz: Uint8Array, extra: TestEntry[] = []): Promise<Buffer> {
  const node = await zipBytes([{ name: 'node1/' }, { name: 'node1/scc/' }, { name: SCC, data: Buffer.from(txz), compress: false }, ...extra]);
  return zipBytes([{ name: 'b/metadata.yaml', data: 'bundleversion: 0.1.0\n' }, { name: 'b/nodes/node1.zip', data: node, compress: false }]);
}

const open = (bytes: Buffer, limits: Partial<BundleLimits> = {}) => openSource(bytes, { limits: resolveLimits(limits) });

const supportconfig = (files: Record<string, string>) =>
  xz(tar([{ path: 'scc_supportconfig_node1-aB3dE9/' }, ...Object.entries(files).map(([name, text]) => ({ path: `scc_supportconfig_node1-aB3dE9/${name}`, data: new TextEncoder().encode(text) }))], '2026-02-02T03:33:41Z'));

describe('the node supportconfig archive', () => {
  it('is listed in place below the node zip, its members readable', async () => {
    const source = await open(await bundleWith(supportconfig({ 'messages.txt': 'line 1\nline 2\n' })));
    try {
      expect(source.entries).toContainEqual({ path: SCC_PATH, kind: 'archive', size: expect.any(Number) });
      const member = `${SCC_PATH}!/scc_supportconfig_node1-aB3dE9/messages.txt`;
      expect(source.entries).toContainEqual({ path: member, kind: 'file', size: 14 });
      expect((await source.readFile(member)).toString()).toBe('line 1\nline 2\n');
      expect(source.diagnostics).toEqual([]);
    } finally {
      await source.close();
    }
  });

  it('refuses the bundle when the archive decodes past the compression-ratio limit (xz bomb), before holding it', async () => {
    await expect(open(await bundleWith(XZ_BOMB))).rejects.toThrow(BundleLimitError);
    await expect(open(await bundleWith(XZ_BOMB))).rejects.toThrow(/scc_supportconfig_node1-aB3dE9\.txz" decodes \d+x .*xz bomb\?.*maxCompressionRatio = 1000/);
  });

  it('refuses it past maxTotalBytes, and past maxEntryBytes for one member', async () => {
    const big = supportconfig({ 'messages.txt': 'x'.repeat(300_000) });
    await expect(open(await bundleWith(big), { maxTotalBytes: 200_000 })).rejects.toThrow(/maxTotalBytes/);
    await expect(open(await bundleWith(big), { maxEntryBytes: 100_000 })).rejects.toThrow(/maxEntryBytes/);
  });

  it('is not opened with maxNestingDepth 1 (node zips only)', async () => {
    const source = await open(await bundleWith(supportconfig({ 'messages.txt': 'x\n' })), { maxNestingDepth: 1 });
    try {
      expect(source.entries.find((entry) => entry.path === SCC_PATH)?.kind).toBe('file');
      expect(source.entries.some((entry) => entry.path.startsWith(`${SCC_PATH}!/`))).toBe(false);
    } finally {
      await source.close();
    }
  });

  it('refuses members named out of the archive and links, and keeps the rest', async () => {
    const tarred = await tarBytes([
      { name: 'scc_supportconfig_node1-aB3dE9/' },
      { name: 'scc_supportconfig_node1-aB3dE9/messages.txt', data: 'ok\n' },
      { name: '../../../etc/passwd', data: 'root\n' },
      { name: 'scc_supportconfig_node1-aB3dE9/shadow', type: 'symlink', linkname: '/etc/shadow' },
    ]);
    const source = await open(await bundleWith(xz(tarred)));
    try {
      const members = source.entries.filter((entry) => entry.path.startsWith(`${SCC_PATH}!/`)).map((entry) => entry.path.slice(SCC_PATH.length + 2));
      expect(members).toEqual(['scc_supportconfig_node1-aB3dE9', 'scc_supportconfig_node1-aB3dE9/messages.txt']);
      expect(source.diagnostics.map((diagnostic) => diagnostic.message)).toEqual([
        'refused entry "../../../etc/passwd": path escapes the bundle',
        'refused entry "scc_supportconfig_node1-aB3dE9/shadow": symbolic link to /etc/shadow refused',
      ]);
    } finally {
      await source.close();
    }
  });

  it('that cannot be decoded (truncated) is a diagnostic; it stays a plain file and the bundle opens', async () => {
    const whole = supportconfig({ 'messages.txt': 'x\n'.repeat(1000) });
    const source = await open(await bundleWith(whole.subarray(0, whole.length - 40)));
    try {
      expect(source.entries.find((entry) => entry.path === SCC_PATH)?.kind).toBe('file');
      expect(source.diagnostics).toEqual([{ path: SCC_PATH, level: 'error', message: expect.stringMatching(/^cannot open supportconfig archive: /) }]);
    } finally {
      await source.close();
    }
  });
});
