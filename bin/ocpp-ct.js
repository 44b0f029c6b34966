#!/usr/bin/env node
// Entry point: runs the compiled CLI from dist/ when it was built from today's sources, else compiles the TypeScript on the fly with SWC (never stale code).
'use strict';
const { distState } = require('./build-state');

const argv = process.argv.slice(2);
const state = process.env.OCPP_CT_FROM_SOURCE === '1' ? { current: false, why: 'OCPP_CT_FROM_SOURCE=1' } : distState();

// `--version --verbose`: also says which code runs, and why.
if (argv.includes('--version') && argv.includes('--verbose') && argv.length === 2) {
  const { version } = require('../package.json');
  const from = state.current ? `compiled JavaScript in dist/ (built ${state.builtAt})` : `TypeScript sources through SWC at start-up (${state.why})`;
  process.stdout.write(`${version}\nruns: ${from}\nnode: ${process.version}\n`);
  return;
}

if (state.current) {
  // Source maps are written but not loaded by default (reading one per module costs 100-200 ms of start-up): stack
  // traces name the readable dist/*.js lines; NODE_OPTIONS=--enable-source-maps maps them back to the .ts sources.
  require('../dist/src/cli').main(argv);
} else {
  require('./register');
  require('../src/cli').main(argv);
}
