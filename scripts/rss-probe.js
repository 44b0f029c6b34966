// Loaded with `node --require` by the benchmark (bench/index.ts): reports the process's peak resident set size as it exits.
'use strict';
process.on('exit', () => {
  // resourceUsage().maxRSS is in kilobytes: the high-water mark of the whole process, not a sample.
  process.stderr.write(`\nOCPPCT_BENCH_MAX_RSS_KB ${process.resourceUsage().maxRSS}\n`);
});
