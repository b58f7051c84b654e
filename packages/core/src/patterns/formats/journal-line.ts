/**
 * A journal line after its timestamp (`node1 kernel: …`, `node1 rke2[2100]: …`): the host and the
 * syslog identifier, then the unit's own line, which can be any format (logrus, zap JSON, klog).
 */
const JOURNAL_PREFIX = /^(\S+) ([^\s:[\]]+)(?:\[\d+\])?: /;

export interface JournalPayload {
  host: string;
  identifier: string;
  payload: string;
}

export function splitJournalPayload(text: string): JournalPayload | undefined {
  const match = JOURNAL_PREFIX.exec(text);
  if (!match) return undefined;
  return { host: match[1]!, identifier: match[2]!, payload: text.slice(match[0].length) };
}

/** journalctl's own lines: `-- Logs begin at …`, `-- No entries --`, `-- Boot <id> --`, `-- Reboot --`. */
export function isJournalMarker(text: string): boolean {
  return text.startsWith('-- ') && text.trimEnd().endsWith(' --');
}
