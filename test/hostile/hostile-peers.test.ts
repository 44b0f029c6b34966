// A hostile station against the real harness process: a 10 MB frame, a flood of 10,000 CALLs and connections that never upgrade each end in a verdict, and none raises the harness's peak memory by 50 MB.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { connect as tcpConnect, type Socket } from 'node:net';
import { join } from 'node:path';
import WebSocket from 'ws';
import { DEFAULT_CONFIG } from '../../src/engine/config';
import type { RunSummary } from '../../src/report';
import { basicAuthHeader, OCPP_SUBPROTOCOL } from '../../src/transport/security';
import { freePort, freshOutDir, removeOutDirs, startCli, stopAll, type CliProcess, within } from '../cli/cli-process';

/** The bound the issue sets on the harness's peak memory growth per attack. */
const MAX_GROWTH_MB = 50;
const START_MS = 30_000;
const VERDICT_MS = 60_000;
const STATION = DEFAULT_CONFIG.station.id;
const PASSWORD = DEFAULT_CONFIG.station.basicAuthPassword as string;

afterEach(stopAll);
afterAll(removeOutDirs);

/** Kilobytes of a /proc/<pid>/status field (VmRSS: resident now; VmHWM: peak resident since the last reset). */
function memoryKb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const match = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!match) throw new Error(`no ${field} for process ${pid}`);
  return Number(match[1]);
}

/** Resets the peak resident size of `pid` to its current size (Linux: write 5 to clear_refs) and returns that size in kB. */
function resetPeak(pid: number): number {
  writeFileSync(`/proc/${pid}/clear_refs`, '5');
  return memoryKb(pid, 'VmRSS');
}

/** The harness as a real process, serving as the CSMS on `port` for TC_P_01_CS (the attacked case), then TC_P_03_CS (which waits for a station, keeping the process up while its memory is read). */
async function startHarness(connectMs: number): Promise<{ cli: CliProcess; port: number; out: string }> {
  const port = await freePort();
  const out = freshOutDir();
  const config = join(out, 'config.json');
  writeFileSync(config, JSON.stringify({ timeouts: { messageMs: 3_000, connectMs, caseMs: 60_000, operatorMs: 3_000 }, csms: { port } }));
  const cli = startCli('run', '--sut', 'cs', '--target', 'listen', '--cases', 'TC_P_01_CS,TC_P_03_CS', '--config', config, '--out', join(out, 'run'), '--no-html');
  await cli.waitForOutput(/run \S+: 2 case\(s\)/, START_MS);
  await listening(port);
  return { cli, port, out: join(out, 'run') };
}

/** Resolves once `port` accepts TCP connections (the lane opens right after the run begins). */
async function listening(port: number): Promise<void> {
  const deadline = Date.now() + START_MS;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const socket = tcpConnect(port, '127.0.0.1', () => {
        socket.destroy();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`port ${port} never listened`);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** A WebSocket to the harness as the configured station. */
function station(port: number): Promise<WebSocket> {
  const ws = new WebSocket(`ws://127.0.0.1:${port}/ocpp/${STATION}`, [OCPP_SUBPROTOCOL], { headers: { authorization: basicAuthHeader(STATION, PASSWORD) }, perMessageDeflate: false });
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

/** Resolves once the Allure result of TC_P_01_CS is on disk: the last report written when a case ends. */
async function caseReported(out: string): Promise<void> {
  const dir = join(out, 'allure-results');
  const deadline = Date.now() + VERDICT_MS;
  const written = () => readdirSync(dir).some((f) => f.endsWith('-result.json') && readFileSync(join(dir, f), 'utf8').includes('"fullName":"TC_P_01_CS"'));
  while (!(existsSync(dir) && written())) {
    if (Date.now() > deadline) throw new Error('the Allure result of TC_P_01_CS was never written');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The first case's verdict line on the console, then (once every report of the case is written) the peak memory growth it cost, in MB. */
async function verdictAndGrowth(cli: CliProcess, baselineKb: number, out: string): Promise<{ line: string; growthMb: number }> {
  const [line] = await cli.waitForOutput(/^\S \S+\s+TC_P_01_CS .*\n.*/m, VERDICT_MS);
  await caseReported(out);
  const growthMb = (memoryKb(cli.child.pid as number, 'VmHWM') - baselineKb) / 1024;
  return { line, growthMb };
}

/** Ends the harness (SIGTERM: the waiting second case is cut short) and reads its summary. */
async function finish(cli: CliProcess, out: string): Promise<RunSummary> {
  cli.child.kill('SIGTERM');
  await cli.waitForExit(VERDICT_MS);
  return JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as RunSummary;
}

/** Every `in` frame line of the run's message logs (the cases' and the run-level file). */
function framesIn(out: string): Record<string, unknown>[] {
  const dir = join(out, 'messages');
  return readdirSync(dir).flatMap((file) =>
    readFileSync(join(dir, file), 'utf8')
      .split('\n')
      .filter((l) => l.includes('"direction":"in"'))
      .map((l) => JSON.parse(l) as Record<string, unknown>),
  );
}

test('a 10 MB frame is refused at the socket (close 1009), recorded with its size and first bytes, and fails the case', async () => {
  const { cli, port, out } = await startHarness(5_000);
  const ws = await station(port);
  const body = `[2,"big-1","BootNotification",{"reason":"PowerUp","chargingStation":{"model":"${'M'.repeat(10 * 1024 * 1024)}","vendorName":"v"}}]`;
  const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
  const baseline = resetPeak(cli.child.pid as number);
  ws.send(body);
  const { line, growthMb } = await verdictAndGrowth(cli, baseline, out);
  expect(await within(VERDICT_MS, 'the close', closed)).toBe(1009);
  expect(line).toMatch(/failed\s+TC_P_01_CS/);
  expect(line).toContain(`a WebSocket message of ${Buffer.byteLength(body)} bytes is over limits.maxFrameBytes (4194304 bytes): refused at the socket with close code 1009; it began "[2,\\"big-1\\",\\"BootNotification\\"`);
  expect(growthMb).toBeLessThan(MAX_GROWTH_MB);
  const summary = await finish(cli, out);
  expect(summary.cases.find((c) => c.id === 'TC_P_01_CS')).toMatchObject({ verdict: 'failed' });
  const refused = framesIn(out).find((f) => typeof f.problem === 'string' && f.problem.startsWith('refused'));
  expect(refused?.raw).toMatch(/^\[2,"big-1","BootNotification",\{"reason":"PowerUp","chargingStation":\{"model":"MMM/);
  expect(refused?.problem).toContain(`a message of ${Buffer.byteLength(body)} bytes`);
  process.stdout.write(`10 MB frame: ${line.split('\n')[0].trim()}; peak memory growth ${growthMb.toFixed(1)} MB\n`);
}, 120_000);

test('a flood of 10,000 CALLs after boot is stopped at limits.maxMessagesPerSecond with a clear reason; what came is evidence', async () => {
  const { cli, port, out } = await startHarness(20_000);
  const ws = await station(port);
  const booted = new Promise<void>((resolve) => ws.once('message', () => resolve()));
  ws.send(JSON.stringify([2, 'boot', 'BootNotification', { reason: 'PowerUp', chargingStation: { model: 'm', vendorName: 'v' } }]));
  await within(VERDICT_MS, 'the BootNotification answer', booted);
  const baseline = resetPeak(cli.child.pid as number);
  for (let i = 0; i < 10_000; i++) ws.send(JSON.stringify([2, `flood-${i}`, 'Heartbeat', {}]));
  const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
  const { line, growthMb } = await verdictAndGrowth(cli, baseline, out);
  expect(line).toMatch(/failed\s+TC_P_01_CS[\s\S]*the peer sent more than 1000 WebSocket messages within one second \(limits\.maxMessagesPerSecond\), faster than the harness records them: the harness stopped reading and closed the connection with code 1008/);
  expect(await within(VERDICT_MS, 'the close', closed)).toBe(1008);
  expect(growthMb).toBeLessThan(MAX_GROWTH_MB);
  const summary = await finish(cli, out);
  expect(summary.cases.find((c) => c.id === 'TC_P_01_CS')?.verdict).toBe('failed');
  const flood = framesIn(out).filter((f) => typeof f.messageId === 'string' && f.messageId.startsWith('flood-'));
  expect(flood.length).toBeGreaterThanOrEqual(1_000); // what came before the harness stopped reading is evidence
  process.stdout.write(`flood: ${line.split('\n').map((l) => l.trim()).join(' / ')}; ${flood.length} flood frames in the evidence; peak memory growth ${growthMb.toFixed(1)} MB\n`);
  expect(flood.length).toBeGreaterThan(0);
}, 120_000);

test('connections that never upgrade are closed, and the case ends inconclusive within connectMs', async () => {
  // connectMs 12 s: the harness closes the silent connections (10 s) while the case still waits for a real station.
  const { cli, port, out } = await startHarness(12_000);
  const baseline = resetPeak(cli.child.pid as number);
  const sockets: Socket[] = [];
  const closes: Promise<void>[] = [];
  for (let i = 0; i < 300; i++) {
    const socket = tcpConnect(port, '127.0.0.1');
    socket.on('error', () => undefined);
    closes.push(new Promise((resolve) => socket.once('close', () => resolve())));
    // Half of them start an upgrade request and never finish it; the rest say nothing at all.
    if (i % 2 === 0) socket.write(`GET /ocpp/${STATION} HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n`);
    sockets.push(socket);
  }
  const started = Date.now();
  const { line, growthMb } = await verdictAndGrowth(cli, baseline, out);
  expect(line).toMatch(/inconclusive\s+TC_P_01_CS[\s\S]*did not connect within 12000 ms/);
  expect(Date.now() - started).toBeLessThan(16_000);
  expect(growthMb).toBeLessThan(MAX_GROWTH_MB);
  // The harness closed every one of them (10 s without an upgrade request), before the case ended.
  await within(1_000, 'the harness to close the half-open connections', Promise.all(closes));
  const summary = await finish(cli, out);
  expect(summary.cases.find((c) => c.id === 'TC_P_01_CS')?.verdict).toBe('inconclusive');
  sockets.forEach((s) => s.destroy());
  // Each closed attempt is evidence (of the case then running, or of the run when none was).
  const refusals = readdirSync(join(out, 'messages')).flatMap((file) => readFileSync(join(out, 'messages', file), 'utf8').split('\n')).filter((l) => l.includes('"event":"refused"') && l.includes('made no WebSocket upgrade request within 10000 ms'));
  expect(refusals).toHaveLength(300);
  process.stdout.write(`never-upgrading: ${line.split('\n').map((l) => l.trim()).join(' / ')}; 300 connections closed by the harness; peak memory growth ${growthMb.toFixed(1)} MB\n`);
}, 120_000);
