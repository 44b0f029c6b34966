#!/usr/bin/env node
// Entry point: compiles the TypeScript sources on the fly with SWC, then hands over to the CLI.
require('./register');
require('../src/cli').main(process.argv.slice(2));
