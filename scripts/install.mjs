#!/usr/bin/env node
// `pnpm install --frozen-lockfile` (extra arguments are passed on), with node-gyp pointed at the
// headers of the Node that runs it when they are installed beside it (Debian's nodejs puts them in
// /usr/include/node). The service's embedded store, better-sqlite3, builds a native addon when no
// prebuilt binary can be downloaded; node-gyp would otherwise download Node's headers, which fails
// on machines that reach only the npm registry. pnpm does not pass a `nodedir` from .npmrc files on
// to build scripts, so this sets `npm_config_nodedir` for the install instead.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const env = { ...process.env };
if (!env.npm_config_nodedir) {
  const prefix = dirname(dirname(process.execPath));
  const versionHeader = join(prefix, 'include', 'node', 'node_version.h');
  if (existsSync(versionHeader) && headerVersion(readFileSync(versionHeader, 'utf8')) === process.versions.node) {
    env.npm_config_nodedir = prefix;
    console.error(`install: node-gyp builds against the installed Node ${process.versions.node} headers in ${prefix}/include/node`);
  }
}

const pnpm = spawnSync('pnpm', ['install', '--frozen-lockfile', ...process.argv.slice(2)], { stdio: 'inherit', env });
if (pnpm.error) {
  console.error(`install: could not run pnpm (${pnpm.error.message}); install it with npm i -g pnpm@12.4.2`);
  process.exit(1);
}
process.exit(pnpm.status ?? 1);

/** `20.20.2` from node_version.h's NODE_MAJOR_VERSION / NODE_MINOR_VERSION / NODE_PATCH_VERSION. */
function headerVersion(text) {
  const part = (name) => new RegExp(`#define\\s+NODE_${name}_VERSION\\s+(\\d+)`).exec(text)?.[1];
  return [part('MAJOR'), part('MINOR'), part('PATCH')].join('.');
}
