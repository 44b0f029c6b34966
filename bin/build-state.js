// Whether dist/ (the compiled CLI) is current: shared by bin/ocpp-ct.js, which must never run stale code, and scripts/build.js.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.join(__dirname, '..');
const DIST = path.join(ROOT, 'dist');
/** Written last by scripts/build.js: when it was built and from which files. */
const BUILD_STAMP = path.join(DIST, 'build-stamp.json');
/** The folders compiled to dist/ (everything the CLI loads, test cases included: they are required at run time). */
const SOURCE_DIRS = ['src', 'testcases'];
/** Data the compiled code finds relative to its own folder, linked into dist/ rather than copied (so it is never stale). */
const ASSET_LINKS = [
  ['package.json', 'package.json'],
  ['schemas', 'schemas'],
  ['catalog', 'catalog'],
  ['certification-profiles', 'certification-profiles'],
  ['src/web/public', 'src/web/public'],
  ['bench', 'bench'], // bench/case-times.json: the order lanes take the cases in (src/engine/lanes.ts)
];

/** Every .ts file of SOURCE_DIRS (no .d.ts), relative to the project root, sorted. */
function listSources() {
  const found = [];
  const walk = (rel) => {
    for (const entry of fs.readdirSync(path.join(ROOT, rel), { withFileTypes: true })) {
      const child = `${rel}/${entry.name}`;
      if (entry.isDirectory()) walk(child);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) found.push(child);
    }
  };
  for (const dir of SOURCE_DIRS) walk(dir);
  return found.sort();
}

/**
 * `{ current: true, builtAt }` when dist/ was built from exactly today's sources: the same list of .ts files, none
 * changed (mtime or ctime) after the stamp. Otherwise `{ current: false, why }`. A few milliseconds: one stat per file.
 */
function distState() {
  let stamp;
  let stampMs;
  try {
    stampMs = fs.statSync(BUILD_STAMP).mtimeMs;
    stamp = JSON.parse(fs.readFileSync(BUILD_STAMP, 'utf8'));
  } catch {
    return { current: false, why: 'dist/ is not built (npm run build)' };
  }
  const sources = listSources();
  if (sources.length !== stamp.sources.length || sources.some((s, i) => s !== stamp.sources[i])) return { current: false, why: 'source files were added or removed since the build' };
  for (const rel of sources) {
    const stat = fs.statSync(path.join(ROOT, rel));
    if (Math.max(stat.mtimeMs, stat.ctimeMs) > stampMs) return { current: false, why: `${rel} changed since the build` };
  }
  return { current: true, builtAt: stamp.builtAt };
}

module.exports = { ROOT, DIST, BUILD_STAMP, SOURCE_DIRS, ASSET_LINKS, listSources, distState };
