import { describe, expect, it } from 'vitest';
import { Progress } from './progress.js';

function recorder() {
  const written: string[] = [];
  return { sink: { write: (text: string) => written.push(text) }, written };
}

describe('Progress', () => {
  it('writes nothing when disabled (stderr not a terminal, or --quiet)', () => {
    const { sink, written } = recorder();
    const progress = Progress.forTerminal(sink, false, false);
    progress.update('rules 1/2');
    progress.clear();
    expect(written).toEqual([]);
    const quiet = Progress.forTerminal(sink, true, true);
    quiet.update('rules 1/2');
    expect(written).toEqual([]);
  });

  it('stays silent for a quick run, then redraws one line and clears it', () => {
    const { sink, written } = recorder();
    let now = 0;
    const progress = new Progress(sink, { enabled: true, now: () => now });
    progress.update('indexed');
    expect(written).toEqual([]);
    now = 500;
    progress.update('rules 10/40');
    now = 550;
    progress.update('rules 11/40');
    now = 700;
    progress.update('rules 40/40');
    progress.clear();
    expect(written).toEqual(['\rrules 10/40', '\rrules 40/40', `\r${' '.repeat(11)}\r`]);
  });
});
