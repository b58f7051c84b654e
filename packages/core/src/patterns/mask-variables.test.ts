import { describe, expect, it } from 'vitest';
import { maskVariables, VariableMasker } from './mask-variables.js';

describe('maskVariables', () => {
  it.each([
    ['volume.longhorn.io "pvc-232180f3-6740-4682-ba5c-f4b57a75512b" not found', 'volume.longhorn.io "<name>" not found'],
    ['fail to sync cattle-monitoring-system/prometheus-rancher-monitoring-prometheus-0: x', 'fail to sync <name>: x'],
    ['created process pvc-ea9499b2-88e8-4c79-bc2f-4f344b8575f8-r-08dcc252', 'created process <name>'],
    ['uid 0f3c4e55-1a2b-4c3d-8e9f-0123456789ab gone', 'uid <uuid> gone'],
    ['pod virt-launcher-vm-01-x7k2p and harvester-d544ddb6f-6g2fl', 'pod <name> and <name>'],
    ['dial tcp 10.53.0.1:443: i/o timeout', 'dial tcp <ip>: i/o timeout'],
    ['connect to http://127.0.0.1:2399 and [::]:10258', 'connect to http://<ip> and <ip>'],
    ['retry in 1m30s after 250ms', 'retry in <duration> after <duration>'],
    ['at 2022-03-06T22:51:41.957768Z and 22:45:28', 'at <time> and <time>'],
    ['image harvester:v1.4.1 sha256:3f2a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a flags 0x80700', 'image harvester:<version> sha256:<hex> flags <hex>'],
    ['inode #1234567: lblock 0', 'inode #<num>: lblock <num>'],
  ])('%s', (message, masked) => {
    expect(maskVariables(message).masked).toBe(masked);
  });

  it('keeps what is the same on every line: API groups and versions, words, identifiers with digits', () => {
    const message = 'Starting harvesterhci.io/v1beta1, Kind=Setting controller on ext4 with ipv6 and k8s';
    expect(maskVariables(message).masked).toBe(message);
  });

  it('returns the object names it masked, so a finding that names one can claim the template', () => {
    expect(maskVariables('sync cattle-system/rancher-7d6d44c544-abcde for "mcc-harvester"').names).toEqual(['cattle-system/rancher-7d6d44c544-abcde', 'mcc-harvester']);
  });

  it('gives the same result from its token cache as without it', () => {
    const masker = new VariableMasker({ cacheSize: 2 });
    const lines = ['a 10.0.0.1 b-c7x2p', 'a 10.0.0.1 b-c7x2p', 'x 3 "y-1"', 'a 10.0.0.1 b-c7x2p'];
    expect(lines.map((line) => masker.mask(line))).toEqual(lines.map((line) => maskVariables(line)));
  });
});
