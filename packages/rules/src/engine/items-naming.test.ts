import { describe, expect, it } from 'vitest';
import { itemsNaming } from './items-naming.js';

describe('itemsNaming', () => {
  it('looks for a name written plain as its name: line, so items that only mention it are not decoded', () => {
    expect(itemsNaming(['harvester-node-0', 'pvc-11aa.b'])).toEqual({ itemsHolding: [['name: harvester-node-0', 'name: pvc-11aa.b']] });
  });

  it('looks for a name yaml.v2 quotes, or may, bare: numbers, dates, boolean and null words, other characters', () => {
    expect(itemsNaming(['123', '2024-01-01', 'yes', 'on', 'null', 'system:node', 'Upper', 'node-1']).itemsHolding).toEqual([
      ['123', '2024-01-01', 'Upper', 'name: node-1', 'null', 'on', 'system:node', 'yes'],
    ]);
  });

  it('gives no hint for a name with characters a literal search cannot stand for', () => {
    expect(itemsNaming(['a b'])).toEqual({});
    expect(itemsNaming([])).toEqual({});
  });
});
