import { describe, expect, it } from 'vitest';
import { catalogRule, expectCited, runRule } from '@bundle-triage/rules/testing';
import { catalogReport } from '../../../../../testdata/generator/fault-support/catalog-report.js';
import { healthyCluster } from '../../../../../testdata/generator/index.js';
import { airgapUpgradelogImagepullbackoff } from '../../upgrade/airgap-upgradelog-imagepullbackoff/fault.js';
import { podImagePullFailing } from './fault.js';

const ID = 'pod-image-pull-failing';

describe(ID, () => {
  it('fails (high) for a system pod whose image cannot be pulled, with the image and the kubelet\'s message', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 2 });
    const { pod, image } = podImagePullFailing(builder);
    const run = await runRule(await catalogRule(ID), builder);
    expect(run.outcome).toBe('fail');
    expect(run.finding!.severity).toBe('high');
    expect(run.finding!.message).toBe(`pod cattle-system/${pod.metadata.name} cannot start: container rancher-webhook is in ImagePullBackOff for image ${image}: Back-off pulling image "${image}"`);
    expectCited(builder, run.finding, 'yamls/namespaced/cattle-system/v1/pods.yaml', /\/containerStatuses\/0\/state\/waiting\/reason$/, 'reason: ImagePullBackOff');
  });

  it('is medium for a user workload (ErrImagePull: the tag does not exist)', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 1, seed: 1 });
    podImagePullFailing(builder, { user: true });
    const run = await runRule(await catalogRule(ID), builder);
    expect(run.finding!.severity).toBe('medium');
    expect(run.finding!.message).toContain('container web-frontend is in ErrImagePull for image docker.io/library/nginx:1.27.33: rpc error: code = NotFound');
  });

  it('passes once the image is pulled and the container is being created (near miss)', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 2 });
    podImagePullFailing(builder, { pulled: true });
    expect((await runRule(await catalogRule(ID), builder)).outcome).toBe('pass');
  });

  it('is a detail of the air-gapped upgrade-log signature about the same pods (S34 refines it and heads the report)', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 1, seed: 34 });
    airgapUpgradelogImagepullbackoff(builder);
    const report = await catalogReport(builder);
    const generic = report.findings.filter((finding) => finding.ruleId === ID);
    expect(generic.map((finding) => [finding.status, finding.coveredBy])).toEqual([['info', 'airgap-upgradelog-imagepullbackoff'], ['info', 'airgap-upgradelog-imagepullbackoff']]);
    expect(report.summary.headline).toBe('airgap-upgradelog-imagepullbackoff');
  });
});
