// get, describe and logs open a bundle's node zips only for the reads that need them, and describe
// builds one timeline per run. In-process (main() with an injected io, against the sources), with
// core's openBundle and buildTimeline wrapped to see the bundles opened and the timelines built.
import type { Bundle } from '@bundle-triage/core';
import { ExitCode, main } from '@bundle-triage/cli';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { workloadsNames } from '../../packages/core/src/kubectl/test-bundles.js';
import { captureIo } from './capture-io.js';

const seen = vi.hoisted(() => ({ bundles: [] as Bundle[], timelines: 0 }));
vi.mock('@bundle-triage/core', async (importOriginal) => {
  const core = await importOriginal<typeof import('@bundle-triage/core')>();
  return {
    ...core,
    openBundle: async (...args: Parameters<typeof core.openBundle>) => {
      const bundle = await core.openBundle(...args);
      seen.bundles.push(bundle);
      return bundle;
    },
    buildTimeline: (...args: Parameters<typeof core.buildTimeline>) => {
      seen.timelines += 1;
      return core.buildTimeline(...args);
    },
  };
});

const WORKLOADS_ZIP = 'testdata/bundles/workloads-v1.4.2.zip';
const NODE = 'harvester-node-0';

beforeEach(() => {
  seen.bundles.length = 0;
  seen.timelines = 0;
});

/** The one bundle the command opened (closed by now: its index and entries stay readable). */
function openedBundle(): Bundle {
  expect(seen.bundles).toHaveLength(1);
  return seen.bundles[0]!;
}

/** As bundle-nested-on-demand.test.ts proves it in core: no member of a node zip was listed. */
function expectNodeZipsUnopened(bundle: Bundle): void {
  expect(bundle.index.unopened).toEqual({ nodeBundles: true, supportconfig: true });
  expect(bundle.source.entries.some((entry) => entry.path.includes('!/'))).toBe(false);
}

describe('get, describe and logs open node zips only to read node data', () => {
  it('get pods on a bundle zip does not open the node zips', async () => {
    const run = captureIo();
    expect(await main(['get', WORKLOADS_ZIP, 'pods', '-A'], run.io)).toBe(ExitCode.ok);
    expect(run.stdout()).toContain(workloadsNames().crashLoopPod);
    expectNodeZipsUnopened(openedBundle());
  });

  it('describe --no-findings of a Node does not open the node zips: nothing it shows is in them', async () => {
    const run = captureIo();
    expect(await main(['describe', WORKLOADS_ZIP, `node/${NODE}`, '--no-findings'], run.io)).toBe(ExitCode.ok);
    expect(run.stdout()).toContain(`Name:`);
    expectNodeZipsUnopened(openedBundle());
  });

  it("logs node/<node> <log> opens the node zips it reads (not the supportconfig archives) and prints the node's log", async () => {
    const run = captureIo();
    expect(await main(['logs', WORKLOADS_ZIP, `node/${NODE}`, 'kernel', '--tail', '1'], run.io)).toBe(ExitCode.ok);
    expect(run.stdout()).toMatch(new RegExp(`^\\w{3} +\\d+ [\\d:.]+ ${NODE} kernel: .+\\n$`));
    expect(openedBundle().index.unopened).toEqual({ nodeBundles: false, supportconfig: true });
  });

  it('logs node/<node> without a log lists the logs of its node zip', async () => {
    const run = captureIo();
    expect(await main(['logs', WORKLOADS_ZIP, `node/${NODE}`], run.io)).toBe(ExitCode.usage);
    expect(run.stderr()).toMatch(new RegExp(`^bundle-triage: usage: say which log of node ${NODE}: .*\\bkernel\\b.*\\bkubelet\\b`));
  });

  it("describe of a Node shows its boot from the node zip's kernel log on its timeline", async () => {
    const run = captureIo();
    expect(await main(['describe', WORKLOADS_ZIP, `node/${NODE}`], run.io)).toBe(ExitCode.ok);
    expect(run.stdout()).toMatch(new RegExp(`info node ${NODE} booted \\(Linux version [^)]+\\) +nodes/${NODE}\\.zip!/${NODE}/logs/kernel\\.log:1\\n`));
  });
});

describe('describe', () => {
  it('builds one timeline for all the objects it describes, and shows each its own entries', async () => {
    const run = captureIo();
    expect(await main(['describe', WORKLOADS_ZIP, 'pods', '-n', 'harvester-system'], run.io)).toBe(ExitCode.ok);
    const described = run.stdout().split('\n').filter((line) => line.startsWith('Name:'));
    expect(described.length).toBeGreaterThan(1);
    expect(seen.timelines).toBe(1);
    // The crash-looping pod's timeline holds its own container terminations, not another pod's.
    const crashLoop = workloadsNames().crashLoopPod;
    const section = run.stdout().split(/\n(?=Name:)/).find((text) => new RegExp(`^Name: +${crashLoop}\\n`).test(text))!;
    const timeline = section.slice(section.indexOf('\nTimeline'));
    expect(timeline).toContain(`Pod harvester-system/${crashLoop}`);
    for (const other of described.map((line) => line.replace(/^Name: +/, '')).filter((name) => name !== crashLoop)) {
      expect(timeline).not.toMatch(new RegExp(`Pod harvester-system/${other}[ :]`));
    }
  });
});
