import { describe, expect, it } from 'vitest';
import { alignTabs, DESCRIBE_LAYOUT, TABLE_LAYOUT } from './tab-writer.js';

describe("alignTabs (Go's text/tabwriter as kubectl sets it up)", () => {
  it('pads each column to its widest cell plus three, never the last, at least six wide', () => {
    expect(alignTabs('NAME\tREADY\tSTATUS\tRESTARTS\tAGE\nnginx\t1/1\tRunning\t0\t5m\n', TABLE_LAYOUT)).toBe(
      'NAME    READY   STATUS    RESTARTS   AGE\nnginx   1/1     Running   0          5m\n',
    );
    expect(alignTabs('NS\tX\na\tb\n', TABLE_LAYOUT)).toBe('NS    X\na     b\n');
  });

  it('aligns only runs of lines that have a cell in the column, as describe output shows', () => {
    const text = 'Name:\tx\nAnnotations:\t<none>\nSpec:\n  Node Name:\tnode1\n  Priority:\t0\n';
    expect(alignTabs(text, DESCRIBE_LAYOUT)).toBe('Name:         x\nAnnotations:  <none>\nSpec:\n  Node Name:  node1\n  Priority:   0\n');
  });

  it('counts characters, not bytes', () => {
    expect(alignTabs('né\tx\nab\ty\n', { minWidth: 0, padding: 1 })).toBe('né x\nab y\n');
  });
});
