// Runs the built CLI in this process and, when it exits, writes its peak resident set size in
// bytes to the file named by BUNDLE_TRIAGE_PEAK_RSS_FILE: a portable stand-in for
// `/usr/bin/time -v`, which CI images may lack.
//   BUNDLE_TRIAGE_PEAK_RSS_FILE=<file> node peak-rss-launcher.mjs <dist/bin.js> <cli arguments…>
// On Linux the peak is VmHWM of /proc/self/status: getrusage's maxRSS would also count the
// parent's peak, which a child inherits across fork and exec.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [, , cliBin, ...cliArgs] = process.argv;
const peakFile = process.env.BUNDLE_TRIAGE_PEAK_RSS_FILE;
if (!cliBin || !peakFile) throw new Error('usage: BUNDLE_TRIAGE_PEAK_RSS_FILE=<file> node peak-rss-launcher.mjs <bin.js> <args…>');

function peakRssBytes() {
  try {
    const kilobytes = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    if (kilobytes) return Number(kilobytes) * 1024;
  } catch {
    // Not Linux.
  }
  return process.resourceUsage().maxRSS * 1024;
}

process.on('exit', () => writeFileSync(peakFile, String(peakRssBytes())));
// The CLI reads its arguments from process.argv.slice(2).
process.argv = [process.argv[0], resolve(cliBin), ...cliArgs];
await import(pathToFileURL(resolve(cliBin)).href);
