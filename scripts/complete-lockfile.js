#!/usr/bin/env node
// Adds lock entries for the other platforms' native binaries (e.g. @swc/core-darwin-arm64) that this machine's registry
// does not serve, so `npm ci` accepts the lock file everywhere. Run after every `npm install`: npm run lock:complete
const { readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const OS = ['darwin', 'win32', 'linux', 'android', 'freebsd', 'openharmony', 'sunos', 'aix'];
const CPU = ['arm64', 'x64', 'ia32', 'arm', 'ppc64', 's390x', 'loong64', 'riscv64'];

/** The platform a binary package is for, read from its name (e.g. @unrs/resolver-binding-linux-arm-gnueabihf). */
function platformOf(name) {
  const parts = name.split(/[-/]/);
  return { os: parts.filter((p) => OS.includes(p)).slice(0, 1), cpu: parts.filter((p) => CPU.includes(p)).slice(0, 1) };
}

const file = join(__dirname, '..', 'package-lock.json');
const lock = JSON.parse(readFileSync(file, 'utf8'));
const packages = lock.packages;
let added = 0;
for (const [path, meta] of Object.entries(packages)) {
  for (const [name, version] of Object.entries(meta.optionalDependencies ?? {})) {
    if (packages[`node_modules/${name}`] || packages[`${path}/node_modules/${name}`]) continue;
    const { os, cpu } = platformOf(name);
    if (os.length === 0) continue; // not a platform binary: leave it to npm
    packages[`node_modules/${name}`] = { version, cpu, optional: true, os };
    added++;
  }
}
lock.packages = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : a > b ? 1 : 0)));
writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`package-lock.json: added ${added} entr${added === 1 ? 'y' : 'ies'} for other platforms' binaries`);
