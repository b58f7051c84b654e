import { describe, expect, it } from 'vitest';
import { nodeLogTimestampStyle, splitJournalLine, splitPodLogLine } from './log-timestamps.js';

describe('splitPodLogLine', () => {
  it('splits the kubelet RFC3339Nano prefix and keeps the payload', () => {
    expect(splitPodLogLine('2022-03-06T22:51:40.561343711Z I0306 22:51:40.558178       1 leaderelection.go:243] attempting')).toEqual({
      time: Date.UTC(2022, 2, 6, 22, 51, 40, 561),
      text: 'I0306 22:51:40.558178       1 leaderelection.go:243] attempting',
    });
  });

  it('accepts 0 to 9 fractional digits and an empty payload', () => {
    expect(splitPodLogLine('2022-03-06T22:51:40Z hello')).toEqual({ time: Date.UTC(2022, 2, 6, 22, 51, 40), text: 'hello' });
    expect(splitPodLogLine('2022-03-06T22:51:46.883510945Z ')).toEqual({ time: Date.UTC(2022, 2, 6, 22, 51, 46, 883), text: '' });
  });

  it('leaves a line without a timestamp whole', () => {
    expect(splitPodLogLine('+ exec tini -- longhorn-manager')).toEqual({ text: '+ exec tini -- longhorn-manager' });
  });
});

describe('splitJournalLine', () => {
  const createdAt = Date.UTC(2022, 2, 22, 23, 49, 32);

  it('takes the year from the bundle creation time', () => {
    expect(splitJournalLine('Mar 06 22:45:28 node1 systemd[1]: Stopping Open-iSCSI...', createdAt)).toEqual({
      time: Date.UTC(2022, 2, 6, 22, 45, 28),
      text: 'node1 systemd[1]: Stopping Open-iSCSI...',
    });
  });

  it('reads short-precise microseconds', () => {
    expect(splitJournalLine('Mar 06 22:45:28.123456 node1 kernel: x', createdAt).time).toBe(Date.UTC(2022, 2, 6, 22, 45, 28, 123));
  });

  it('puts lines dated after the bundle in the previous year (logs that cross New Year)', () => {
    const january = Date.UTC(2023, 0, 2, 10, 0, 0);
    expect(splitJournalLine('Dec 31 23:59:59 node1 kernel: x', january).time).toBe(Date.UTC(2022, 11, 31, 23, 59, 59));
    expect(splitJournalLine('Jan 01 00:00:01 node1 kernel: x', january).time).toBe(Date.UTC(2023, 0, 1, 0, 0, 1));
  });

  it('splits the prefix but gives no time when the bundle\'s creation time is unknown (no guessed year)', () => {
    expect(splitJournalLine('Mar 06 22:45:28 node1 kernel: x', undefined)).toEqual({ text: 'node1 kernel: x' });
  });

  it('leaves journal markers and a line cut in the middle whole', () => {
    expect(splitJournalLine('-- No entries --', createdAt)).toEqual({ text: '-- No entries --' });
    expect(splitJournalLine('r 22 22:07:48 node1 rancher-system-agent[1]: x', createdAt)).toEqual({ text: 'r 22 22:07:48 node1 rancher-system-agent[1]: x' });
  });
});

describe('nodeLogTimestampStyle', () => {
  it('knows which node logs are journal output', () => {
    expect(nodeLogTimestampStyle('logs/kernel.log')).toBe('journal');
    expect(nodeLogTimestampStyle('logs/kernel.log.1')).toBe('journal');
    expect(nodeLogTimestampStyle('logs/rke2-server.log')).toBe('journal');
    expect(nodeLogTimestampStyle('logs/kubelet.log')).toBe('none');
    expect(nodeLogTimestampStyle('configs/etc/os-release')).toBe('none');
  });
});
