import { describe, expect, it } from 'vitest';
import { longhornBackingImageCopies } from './fault.js';
import { catalogRule, citedLine, runRule } from '@bundle-triage/rules/testing';
import { healthyCluster } from '../../../../../testdata/generator/index.js';

const ID = 'longhorn-backing-image-copies';
const PATH = 'yamls/namespaced/longhorn-system/longhorn.io/v1beta2/backingimages.yaml';

describe(ID, () => {
  it('fails for a backing image with minNumberOfCopies 0 and prepares the patch that raises it', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 3, seed: 51 });
    const { backingImage } = longhornBackingImageCopies(builder, { minNumberOfCopies: 0 });
    const run = await runRule(await catalogRule(ID), builder);
    expect(run.outcome).toBe('fail');
    expect(run.finding!.message).toBe(
      `Backing image ${backingImage} has minNumberOfCopies 0, so Longhorn keeps no guaranteed copy of it; the upgrade pre-check fails and VMs using it may not start after the upgrade.`,
    );
    const field = run.finding!.evidence[0]!;
    expect([field.path, field.pointer]).toEqual([PATH, '/spec/minNumberOfCopies']);
    expect(citedLine(builder, field).trim()).toBe('minNumberOfCopies: 0');
    expect(run.finding!.remediation!.commands).toContain(`kubectl edit lhbi/${backingImage} -n longhorn-system`);
    expect(run.finding!.remediation!.patch!.diff).toContain('+  minNumberOfCopies: 3');
  });

  it('fails when every copy of the backing image is failed', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 52 });
    const { backingImage } = longhornBackingImageCopies(builder, { state: 'failed' });
    const run = await runRule(await catalogRule(ID), builder);
    expect(run.outcome).toBe('fail');
    expect(run.finding!.message).toContain(`Backing image ${backingImage} has no usable copy`);
    expect(citedLine(builder, run.finding!.evidence[0]!).trim()).toBe('state: failed');
  });

  it('warns for fewer than 3 minimum copies on a 3-node cluster', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 3, seed: 53 });
    const { backingImage } = longhornBackingImageCopies(builder, { minNumberOfCopies: 1 });
    const run = await runRule(await catalogRule(ID), builder);
    expect(run.outcome).toBe('warn');
    expect(run.finding!.message).toBe(`Backing image ${backingImage} has minNumberOfCopies 1 (fewer than 3) on a cluster of 3 Longhorn nodes.`);
  });

  it('passes for 3 ready copies, and for 1 minimum copy on a single node (near misses)', async () => {
    const three = healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 3, seed: 51 });
    longhornBackingImageCopies(three, { minNumberOfCopies: 3 });
    expect((await runRule(await catalogRule(ID), three)).outcome).toBe('pass');
    const single = healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 1, seed: 54 });
    longhornBackingImageCopies(single, { minNumberOfCopies: 1 });
    expect((await runRule(await catalogRule(ID), single)).outcome).toBe('pass');
  });
});
