// A bad environment gets one clear line and exit 2, never a stack trace: a port in use, output piped into `head`, a config saved with a byte-order mark; --rerun-failed picks the right cases.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import type { RunSummary } from '../../src/report';
import { freePort, freshOutDir, REPO_ROOT, removeOutDirs, runCli, stopAll } from './cli-process';

const RUN_MS = 60_000;

afterEach(stopAll);
afterAll(removeOutDirs);

/** Holds a loopback port, as another program would. */
async function occupy(port: number): Promise<Server> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return server;
}

test('a port in use: one line naming it, exit 2, no stack, no output folder left', async () => {
  const port = await freePort();
  const blocker = await occupy(port);
  try {
    const out = join(freshOutDir(), 'run');
    const exit = await runCli(['run', '--sut', 'cs', '--target', 'listen', '--port', String(port), '--cases', 'TC_B_01_CS', '--out', out, '--no-html'], RUN_MS);
    expect(exit.code).toBe(2);
    expect(exit.stderr).toContain(`port ${port} on 127.0.0.1 is in use`);
    expect(exit.stderr).not.toMatch(/internal error|\n\s+at /);
    expect(existsSync(out)).toBe(false);

    const ui = await runCli(['ui', '--port', String(port)], RUN_MS);
    expect(ui.code).toBe(2);
    expect(ui.stderr).toContain(`port ${port} on 127.0.0.1 is in use`);
    expect(ui.stderr).not.toMatch(/\n\s+at /);
  } finally {
    blocker.close();
  }
}, 120_000);

test('`ocpp-ct list --json | head -1` (more than a pipe buffer) ends quietly', async () => {
  const result = await new Promise<{ code: number | null; stderr: string; stdout: string }>((resolve) => {
    const child = spawn('sh', ['-c', `node ${JSON.stringify(join(REPO_ROOT, 'bin', 'ocpp-ct.js'))} list --json | head -1`], { cwd: REPO_ROOT });
    let stderr = '';
    let stdout = '';
    child.stderr.setEncoding('utf8').on('data', (t: string) => (stderr += t));
    child.stdout.setEncoding('utf8').on('data', (t: string) => (stdout += t));
    child.on('close', (code) => resolve({ code, stderr, stdout }));
  });
  expect(result.stdout).toBe('[\n');
  expect(result.stderr).toBe('');
}, 60_000);

test('a config file that starts with a UTF-8 byte-order mark is read', async () => {
  const dir = freshOutDir();
  const config = join(dir, 'bom.json');
  writeFileSync(config, `\uFEFF${JSON.stringify({ lanes: 1, station: { vendorName: 'BomVendor' } })}`, 'utf8');
  expect(readFileSync(config)[0]).toBe(0xef);
  const exit = await runCli(['run', '--sut', 'cs', '--target', 'reference', '--cases', 'TC_B_01_CS', '--config', config, '--out', join(dir, 'run'), '--no-html'], RUN_MS);
  expect(exit.stderr).not.toContain('not JSON');
  expect(exit.code).toBe(0);
  expect(readFileSync(join(dir, 'run', 'messages', 'TC_B_01_CS.jsonl'), 'utf8')).toContain('BomVendor');
}, 120_000);

test('--rerun-failed runs again exactly the cases that did not pass, with the options of that run', async () => {
  const dir = freshOutDir();
  const first = join(dir, 'first');
  const exit = await runCli(['run', '--sut', 'cs', '--target', 'reference', '--cases', 'TC_B_01_CS,TC_P_01_CS', '--fault', 'dataTransfer.acceptsUnknownVendor', '--out', first, '--no-html'], RUN_MS);
  expect(exit.code).toBe(1);
  const failed = (JSON.parse(readFileSync(join(first, 'summary.json'), 'utf8')) as RunSummary).cases.filter((c) => c.verdict !== 'passed').map((c) => c.id);
  expect(failed).toEqual(['TC_P_01_CS']);
  const again = join(dir, 'again');
  const rerun = await runCli(['run', '--rerun-failed', first, '--out', again, '--no-html'], RUN_MS);
  expect(rerun.code).toBe(1); // same fault, same failure
  const summary = JSON.parse(readFileSync(join(again, 'summary.json'), 'utf8')) as RunSummary;
  expect(summary.cases.map((c) => c.id)).toEqual(['TC_P_01_CS']);
  expect(summary.fault).toBe('dataTransfer.acceptsUnknownVendor');

  const refused = await runCli(['run', '--resume', first, '--no-html'], RUN_MS);
  expect(refused.code).toBe(2);
  expect(refused.stderr).toContain('every case of');
}, 120_000);
