import { describe, expect, it } from 'vitest';
import { parseLogLine } from './parse-log-line.js';

describe('parseLogLine: the level where the format has one', () => {
  it('reads klog letters and keeps the file name of the call site without its line number', () => {
    const parsed = parseLogLine('E0322 17:24:30.660469       1 kubernetes_pod_controller.go:145] longhorn-kubernetes-pod-controller: fail to sync x');
    expect(parsed).toMatchObject({ format: 'klog', level: 'error', levelFrom: 'format', site: 'kubernetes_pod_controller.go' });
    expect(parsed.message).toBe('longhorn-kubernetes-pod-controller: fail to sync x');
    expect(parsed.embeddedTime).toEqual({ kind: 'klog', month: 2, day: 22, hour: 17, minute: 24, second: 30, fraction: '660469' });
    expect(parseLogLine('W0307 22:35:40.671368       1 warnings.go:70] deprecated').level).toBe('warning');
    expect(parseLogLine('I0306 22:52:16.639981       1 main.go:96] error in name only').level).toBe('info');
  });

  it('reads logrus levels, behind a prefix too, and builds the message from msg and the other fields', () => {
    const parsed = parseLogLine('[longhorn-instance-manager] time="2022-03-07T22:18:57Z" level=warning msg="Engine \\"x\\" failed" controller=longhorn-engine node=node1');
    expect(parsed).toMatchObject({ format: 'logrus', level: 'warning', message: 'Engine "x" failed controller=longhorn-engine node=node1' });
    expect(parsed.embeddedTime).toEqual({ kind: 'rfc3339', text: '2022-03-07T22:18:57Z' });
    // The format says info: words such as "error" in its message do not make it one.
    expect(parseLogLine('time="2022-03-07T22:18:57Z" level=info msg="no error found"').level).toBe('info');
  });

  it('reads zap and KubeVirt JSON lines, dropping time, caller and stack fields', () => {
    const zap = parseLogLine('{"level":"error","ts":1741770847.123,"caller":"controller/controller.go:316","msg":"Reconciler error","controller":"bundle","name":"mcc-harvester","error":"timed out","stacktrace":"goroutine 1\\n…"}');
    expect(zap).toMatchObject({ format: 'json', level: 'error', site: 'controller.go', message: 'Reconciler error controller=bundle name=mcc-harvester error=timed out' });
    expect(zap.embeddedTime).toEqual({ kind: 'epoch-seconds', value: 1741770847.123 });
    const kubevirt = parseLogLine('{"component":"virt-handler","level":"warning","msg":"Domain not found","pos":"vm.go:1234","timestamp":"2025-03-12T06:14:07.123456Z"}');
    expect(kubevirt).toMatchObject({ level: 'warning', site: 'vm.go', message: 'Domain not found' });
  });

  it('reads Rancher levels after its own date', () => {
    expect(parseLogLine('2025/03/12 06:14:07 [ERROR] error syncing cluster local: timed out')).toMatchObject({
      format: 'rancher',
      level: 'error',
      message: 'error syncing cluster local: timed out',
      embeddedTime: { kind: 'rfc3339', text: '2025-03-12T06:14:07Z' },
    });
  });

  it('takes the journal host and identifier off before reading the unit line', () => {
    const parsed = parseLogLine('node1 rke2[15500]: {"level":"warn","ts":"2022-03-17T17:57:10.372Z","msg":"grpc: addrConn.createTransport failed"}', { journal: true });
    expect(parsed).toMatchObject({ format: 'json', level: 'warning', identifier: 'rke2', message: 'grpc: addrConn.createTransport failed' });
    expect(parseLogLine('node1 kernel: EXT4-fs error (device sdc): __ext4_find_entry:1535', { journal: true })).toMatchObject({
      format: 'plain',
      level: 'error',
      levelFrom: 'wording',
      identifier: 'kernel',
    });
  });
});

describe('parseLogLine: the level from the wording where the format has none', () => {
  it.each([
    ['blk_update_request: I/O error, dev sdc, sector 2048', 'error'],
    ['INFO: task kworker/2:1:123 blocked for more than 120 seconds.', 'error'],
    ['Out of memory: Killed process 4242 (qemu-kvm)', 'error'],
    ['BUG: soft lockup - CPU#3 stuck for 23s!', 'fatal'],
    ['WARNING: CPU: 2 PID: 1 at kernel/foo.c:12', 'warning'],
    ['Failed to start Rancher System Agent.', 'error'],
    ['connection refused', 'error'],
    // An announcement that also says something failed is still an error.
    ['EDAC sbridge: Failed to register device with error -19, module not loaded', 'error'],
    ['Error: module nbd not loaded', 'error'],
    ['Failed to start the Errors collector, it is now disabled; driver loaded', 'error'],
  ])('%s → %s', (line, level) => {
    expect(parseLogLine(line).level).toBe(level);
  });

  it.each([
    'Command line: BOOT_IMAGE=/boot/vmlinuz panic=0 net.ifnames=1',
    'mgmt-br: port 3(tap12ab) entered forwarding state',
    'Starting Open-iSCSI...',
    'errorless and failsafe words do not count',
    // Boot announcements that name errors without reporting one (the real v1.0 sample's kernel log).
    'RAS: Correctable Errors collector initialized.',
    'ERST: Error Record Serialization Table (ERST) support is initialized.',
  ])('%s → no level', (line) => {
    expect(parseLogLine(line).level).toBeUndefined();
  });
});
