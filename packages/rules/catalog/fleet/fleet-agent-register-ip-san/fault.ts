/** S23: v1.2.0, fleet-agent cannot register: the custom certificate has no IP SAN for the server-url VIP. */
import type { BundleBuilder } from '../../../src/testing/bundle-builder.js';
import { setServerVersion, timedLines } from '../../../../../testdata/generator/fault-support/upgrade-objects.js';

export function fleetAgentRegisterIpSan(builder: BundleBuilder, options: { otherError?: boolean } = {}): void {
  setServerVersion(builder, 'v1.2.0');
  builder.addObject({ apiVersion: 'management.cattle.io/v3', kind: 'Setting', metadata: { name: 'server-url' }, default: '', value: 'https://192.168.122.100' });
  const pod = builder.listObjects('v1', 'Pod', 'cattle-fleet-local-system').find((p) => p.metadata.name.startsWith('fleet-agent'))!.metadata.name;
  const text = options.otherError
    ? '{"level":"error","ts":"2025-03-12T08:50:00Z","logger":"setup","msg":"Failed to register agent: context deadline exceeded"}'
    : 'time="2025-03-12T08:50:00Z" level=error msg="Failed to register agent: looking up secret cattle-fleet-local-system/fleet-agent-bootstrap: Get \\"https://192.168.122.100/api/v1/namespaces/cattle-fleet-local-system/secrets/fleet-agent-bootstrap\\": x509: cannot validate certificate for 192.168.122.100 because it doesn\'t contain any IP SANs"';
  builder.addPodLog('cattle-fleet-local-system', pod, 'fleet-agent', timedLines(builder, [text, text, text], 30));
}
