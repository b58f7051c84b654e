import { parseJsonLine } from './json-line.js';
import { splitJournalPayload } from './journal-line.js';
import { parseKlogLine } from './klog-line.js';
import { parseLogrusLine } from './logrus-line.js';
import type { ParsedLogLine } from './parsed-log-line.js';
import { parseRancherLine } from './rancher-line.js';
import { levelFromWording } from './wording-level.js';

/**
 * Takes one line apart, whatever its format. `text` is the line after the bundle's own
 * timestamp (the kubelet prefix of pod logs, the journal stamp of node logs); with
 * `journal: true` it still starts with `<host> <identifier>:`. The level comes from the
 * format when it has one, else from the wording, so `level=info msg="no error"` is info.
 */
export function parseLogLine(text: string, options: { journal?: boolean } = {}): ParsedLogLine {
  if (options.journal) {
    const journal = splitJournalPayload(text);
    if (journal) {
      const parsed = parsePayload(journal.payload);
      parsed.identifier = journal.identifier;
      return parsed;
    }
  }
  return parsePayload(text);
}

function parsePayload(text: string): ParsedLogLine {
  const parsed = parseKlogLine(text) ?? parseJsonLine(text) ?? parseRancherLine(text) ?? parseLogrusLine(text);
  if (parsed) return parsed;
  const plain: ParsedLogLine = { format: 'plain', message: text };
  const level = levelFromWording(text);
  if (level) {
    plain.level = level;
    plain.levelFrom = 'wording';
  }
  return plain;
}
