#!/usr/bin/env node
// `npm run build` (and `prepare`, which `npm ci` runs): compiles src/ and testcases/ to dist/ with SWC, so the CLI starts without a TypeScript compiler.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { transformSync } = require('@swc-node/core');
const { readDefaultTsConfig, tsCompilerOptionsToSwcConfig } = require('@swc-node/register/read-default-tsconfig');
const { BUILD_STAMP, DIST, ROOT, SOURCE_DIRS, ASSET_LINKS, listSources } = require('../bin/build-state');

/**
 * The same SWC options the on-the-fly path (bin/register.js) uses, read from tsconfig.json, so compiled and
 * uncompiled runs behave alike; plus source maps, so stack traces point at the .ts lines.
 */
function swcOptions(filename) {
  const options = readDefaultTsConfig(path.join(ROOT, 'tsconfig.json'));
  options.module = 1; // ts.ModuleKind.CommonJS, as bin/register.js forces
  options.sourceMap = true;
  return tsCompilerOptionsToSwcConfig(options, filename);
}

/** Compiles every source file; writes the stamp last, so a half-written dist/ is never taken for a current one. */
function build() {
  const started = Date.now();
  fs.rmSync(BUILD_STAMP, { force: true });
  const sources = listSources();
  const wanted = new Set();
  for (const rel of sources) {
    const from = path.join(ROOT, rel);
    const to = path.join(DIST, rel.replace(/\.ts$/, '.js'));
    const { code, map } = transformSync(fs.readFileSync(from, 'utf8'), from, swcOptions(from));
    fs.mkdirSync(path.dirname(to), { recursive: true });
    fs.writeFileSync(to, `${code}\n//# sourceMappingURL=${path.basename(to)}.map\n`);
    if (map) fs.writeFileSync(`${to}.map`, map);
    wanted.add(to).add(`${to}.map`);
  }
  removeLeftovers(wanted);
  // Data files stay where they are: links keep `__dirname`-relative paths (schemas, catalog, profiles, web assets) working from dist/.
  for (const [link, target] of ASSET_LINKS) {
    const at = path.join(DIST, link);
    fs.rmSync(at, { recursive: true, force: true });
    fs.mkdirSync(path.dirname(at), { recursive: true });
    fs.symlinkSync(path.relative(path.dirname(at), path.join(ROOT, target)), at);
  }
  fs.writeFileSync(BUILD_STAMP, `${JSON.stringify({ builtAt: new Date().toISOString(), sources })}\n`);
  return { files: sources.length, ms: Date.now() - started };
}

/** Deletes compiled files whose source is gone (a removed case must not keep running from dist/). */
function removeLeftovers(wanted) {
  for (const dir of SOURCE_DIRS) {
    const walk = (at) => {
      for (const entry of fs.readdirSync(at, { withFileTypes: true })) {
        const full = path.join(at, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (!wanted.has(full) && /\.js(\.map)?$/.test(entry.name)) fs.rmSync(full);
      }
    };
    if (fs.existsSync(path.join(DIST, dir))) walk(path.join(DIST, dir));
  }
}

if (require.main === module) {
  const { files, ms } = build();
  console.log(`ocpp-ct: compiled ${files} files to dist/ in ${ms} ms`);
}

module.exports = { build };
