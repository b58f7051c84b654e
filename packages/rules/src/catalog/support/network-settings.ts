/**
 * The Harvester settings pre-checks 19 and 20 read: `storage-network` and `rwx-network` hold
 * JSON in their string value (`{"vlan":100,"clusterNetwork":"storage","range":"…","exclude":[…]}`,
 * `{"share-storage-network":false,"network":{…}}`), and whether RWX volumes use the storage
 * network is said by rwx-network (v1.5+) or, before it existed, by Longhorn's
 * storage-network-for-rwx-volume-enabled.
 */
import type { KubeObject } from '@bundle-triage/core';
import type { NetworkRange } from './ip-pool-capacity.js';
import { parseJsonRecord, type Fields } from '../../rule/object-fields.js';

/** A Harvester setting's effective value: `value`, else `default` (core already dropped the kit's `"null"`). */
export function settingValue(setting: KubeObject | undefined): string {
  if (!setting) return '';
  for (const key of ['value', 'default'] as const) {
    const text = setting[key];
    if (typeof text === 'string' && text.trim() !== '') return text.trim();
  }
  return '';
}

/** The value (not the default) is what a user set; evidence cites it when it is written. */
export function settingPointer(setting: KubeObject): string {
  const value = setting.value;
  return typeof value === 'string' && value.trim() !== '' ? '/value' : '/default';
}

/** A JSON setting value as an object, or undefined when it is not a JSON object. */
export function parseJsonObject(text: string): Fields | undefined {
  return parseJsonRecord(text);
}

/** `range` and `exclude` of a network object, or undefined when it has no range. */
export function networkRange(config: Record<string, unknown> | undefined): NetworkRange | undefined {
  const range = config?.range;
  if (typeof range !== 'string' || range.trim() === '') return undefined;
  const exclude = Array.isArray(config?.exclude) ? config.exclude.filter((item): item is string => typeof item === 'string') : [];
  return { range: range.trim(), exclude };
}

/** Where RWX volumes are said to share the storage network: the setting, its cited field, and a phrase for messages. */
export interface RwxSharing {
  setting: KubeObject;
  pointer: string;
  source: string;
}

/**
 * Whether RWX volumes share the storage network. A set rwx-network decides alone (Harvester
 * drives the Longhorn setting from it); without one, the Longhorn setting does.
 */
export function rwxSharing(rwxNetwork: KubeObject | undefined, longhornRwx: KubeObject | undefined): RwxSharing | undefined {
  const value = settingValue(rwxNetwork);
  if (rwxNetwork && value !== '') {
    const shares = parseJsonObject(value)?.['share-storage-network'];
    return shares === true || shares === 'true'
      ? { setting: rwxNetwork, pointer: settingPointer(rwxNetwork), source: 'rwx-network has "share-storage-network": true' }
      : undefined;
  }
  if (longhornRwx && String(longhornRwx.value).trim() === 'true') {
    return { setting: longhornRwx, pointer: '/value', source: 'Longhorn setting storage-network-for-rwx-volume-enabled is true' };
  }
  return undefined;
}
