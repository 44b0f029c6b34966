// Start-up time of the CLI: spawns `ocpp-ct <args>` several times and keeps the median (hyperfine is not installed here).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const BIN = join(__dirname, '..', 'bin', 'ocpp-ct.js');

/** Wall times of one command line, in milliseconds. */
export interface StartupTiming {
  readonly args: readonly string[];
  readonly runs: number;
  readonly medianMs: number;
  readonly minMs: number;
  readonly maxMs: number;
}

/** Runs `node bin/ocpp-ct.js ...args` `runs` times after one warm-up run (which fills the file cache); throws if it fails. */
export function measureStartup(args: readonly string[], runs = 10, env: NodeJS.ProcessEnv = process.env): StartupTiming {
  const once = (): number => {
    const started = process.hrtime.bigint();
    const out = spawnSync(process.execPath, [BIN, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    if (out.status !== 0) throw new Error(`ocpp-ct ${args.join(' ')} exited ${out.status}: ${String(out.stderr).slice(0, 400)}`);
    return ms;
  };
  once();
  const times = Array.from({ length: runs }, once).sort((a, b) => a - b);
  return { args, runs, medianMs: times[Math.floor(times.length / 2)], minMs: times[0], maxMs: times[times.length - 1] };
}

/** The two start-ups the benchmark tracks, as one line each. */
export function startupLines(timings: readonly StartupTiming[]): string[] {
  return timings.map((t) => `ocpp-ct ${t.args.join(' ').padEnd(10)} median ${t.medianMs.toFixed(0)} ms (min ${t.minMs.toFixed(0)}, max ${t.maxMs.toFixed(0)}, ${t.runs} runs)`);
}

if (require.main === module) {
  const runs = Number(process.env.RUNS ?? 10);
  for (const line of startupLines([measureStartup(['--version'], runs), measureStartup(['list'], runs)])) console.log(line);
}
