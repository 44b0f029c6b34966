// Lets Node load the project's .ts files directly (SWC, no type check: `npm run typecheck` does that).
process.env.SWC_NODE_PROJECT = require('node:path').join(__dirname, '..', 'tsconfig.json');
require('@swc-node/register');
