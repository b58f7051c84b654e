import { describe, expect, it } from 'vitest';
import { parseDf } from './parse-df.js';
import { commandSections, parseSections } from './sections.js';

const FILE = [
  '#==[ Command ]======================================#',
  '# /usr/bin/uptime',
  ' 23:13:53  up  12:35,  0 users,  load average: 0.75, 0.78, 0.89',
  '',
  '#==[ Command ]======================================#',
  '# /bin/df -h',
  'Filesystem            Size  Used Avail Use% Mounted on',
  '/dev/mapper/vg_system-lv_root_with_a_long_name',
  '                       32G   29G  3.0G  91% /',
  '/dev/sda5             183G   47G  127G  27% /usr/local',
  'tmpfs                 4.0M     0  4.0M   0% /mnt/with space',
  '',
  '#==[ Configuration File ]===========================#',
  '# /proc/meminfo',
  'MemTotal:       65777212 kB',
  '',
].join('\n');

describe('supportconfig sections', () => {
  it('splits a file by banner, with the header and 1-based lines of every body line', () => {
    const sections = parseSections(FILE);
    expect(sections.map((section) => [section.kind, section.header, section.line])).toEqual([
      ['Command', '/usr/bin/uptime', 1],
      ['Command', '/bin/df -h', 5],
      ['Configuration File', '/proc/meminfo', 13],
    ]);
    expect(sections[0]!.body).toEqual([{ line: 3, text: ' 23:13:53  up  12:35,  0 users,  load average: 0.75, 0.78, 0.89' }]);
    expect(commandSections(sections, 'df')).toHaveLength(1);
  });

  it('reads df -h rows, a wrapped long device name as one row at its first line, sizes in bytes', () => {
    const [df] = commandSections(parseSections(FILE), 'df');
    expect(parseDf(df!)).toEqual([
      expect.objectContaining({ filesystem: '/dev/mapper/vg_system-lv_root_with_a_long_name', size: '32G', usePercent: 91, mount: '/', line: 8, sizeBytes: 32 * 1024 ** 3 }),
      expect.objectContaining({ filesystem: '/dev/sda5', availableBytes: 127 * 1024 ** 3, mount: '/usr/local', line: 10 }),
      expect.objectContaining({ filesystem: 'tmpfs', usedBytes: 0, sizeBytes: Math.round(4.0 * 1024 ** 2), mount: '/mnt/with space', line: 11 }),
    ]);
  });
});
