#!/usr/bin/env node
// Runs one TypeScript script of the project (generators, benchmarks): node bin/run-ts.js FILE [ARGS...]
require('./register');
const path = require('node:path');
const [file, ...rest] = process.argv.slice(2);
process.argv = [process.argv[0], file, ...rest];
require(path.resolve(file));
