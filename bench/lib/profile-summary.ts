/**
 * Summarises a `.cpuprofile` (from `node --cpu-prof`, or `pnpm bench --cpu-prof`): self time per
 * function and per file, the top entries first.
 *
 *   node --import tsx bench/lib/profile-summary.ts <file.cpuprofile> [top] [last-ms]
 *
 * With last-ms, only the last that many milliseconds are counted: give the case's own time to
 * leave process start-up and module loading out.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

const [path, topArg, lastArg] = process.argv.slice(2);
if (!path) throw new Error('usage: profile-summary <file.cpuprofile> [top]');
const top = Number(topArg ?? 25);
const profile = JSON.parse(readFileSync(path, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const selfUs = new Map<number, number>();
const sampleTimes: number[] = [];
let clock = profile.startTime;
for (const delta of profile.timeDeltas) sampleTimes.push((clock += delta));
const from = lastArg === undefined ? -Infinity : profile.endTime - Number(lastArg) * 1000;
profile.samples.forEach((id, index) => {
  if (sampleTimes[index]! < from) return;
  selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0));
});
const total = [...selfUs.values()].reduce((a, b) => a + b, 0);
const byFunction = new Map<string, number>();
const byFile = new Map<string, number>();
for (const [id, us] of selfUs) {
  const frame = byId.get(id)!.callFrame;
  const file = frame.url.replace(/^.*\/(node_modules\/\.pnpm\/[^/]+\/node_modules\/|packages\/|bench\/)/, '$1').replace(/^file:\/\//, '') || '(native)';
  const name = `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber + 1}`;
  byFunction.set(name, (byFunction.get(name) ?? 0) + us);
  byFile.set(file, (byFile.get(file) ?? 0) + us);
}
const print = (title: string, map: Map<string, number>) => {
  console.log(`\n${title} (total ${(total / 1000).toFixed(0)} ms sampled)`);
  for (const [name, us] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`${((us / total) * 100).toFixed(1).padStart(5)}%  ${(us / 1000).toFixed(0).padStart(6)} ms  ${name}`);
  }
};
print('self time by function', byFunction);
print('self time by file', byFile);
