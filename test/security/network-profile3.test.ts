// End to end over the network: `ocpp-ct certs init`, the reference CSMS as its own process on security profile 3 with those certificates, and `ocpp-ct run --sut csms --target wss://…` against it.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, freshOutDir, removeOutDirs, runCli, startCli, stopAll } from '../cli/cli-process';

/** `certs init` makes RSA keys; a run of one case takes well under this. */
const STEP_MS = 60_000;

let dir: string;
let config: string;

beforeAll(async () => {
  dir = freshOutDir();
  const init = await runCli(['certs', 'init', '--dir', join(dir, 'certs')], STEP_MS);
  expect(init.code).toBe(0);
  config = join(dir, 'profile3.json');
  writeFileSync(config, JSON.stringify({ security: { securityProfile: 3, pkiDir: join(dir, 'certs') }, timeouts: { messageMs: 5_000, connectMs: 5_000, operatorMs: 5_000, caseMs: 30_000 } }));
}, STEP_MS);

afterEach(() => stopAll());
afterAll(() => removeOutDirs());

/** Starts `ocpp-ct reference csms` on profile 3 and resolves with the wss:// URL it prints. */
async function referenceCsms(): Promise<string> {
  const csms = startCli('reference', 'csms', '--port', String(await freePort()), '--config', config);
  const [, url] = await csms.waitForOutput(/listening at (wss:\/\/\S+)\/<stationId> \(security profile 3\)/, STEP_MS);
  return url;
}

test('TC_A_07_CSMS passes against the reference CSMS process on security profile 3', async () => {
  const url = await referenceCsms();
  const out = join(dir, 'a07');
  const run = await runCli(['run', '--sut', 'csms', '--target', url, '--config', config, '--cases', 'TC_A_07_CSMS', '--out', out, '--no-html'], STEP_MS);
  expect(run.stdout).toMatch(/TC_A_07_CSMS +✔ passed/);
  expect(run.code).toBe(0);
  const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as { cases: { id: string; verdict: string }[] };
  expect(summary.cases).toEqual([expect.objectContaining({ id: 'TC_A_07_CSMS', verdict: 'passed' })]);
  // The handshake is in the evidence: version, cipher and the server's chain from the generated PKI.
  const events = readFileSync(join(out, 'messages', 'TC_A_07_CSMS.jsonl'), 'utf8');
  expect(events).toMatch(/TLS handshake with 127\.0\.0\.1:\d+ succeeded: TLSv1\.[23], TLS_\w+; peer chain: \[0\] subject \\"O=OpenOcppCt, CN=localhost\\"/);
}, STEP_MS);

test('TC_A_08_CSMS passes too: the process refuses the invalid client certificates of the same folder', async () => {
  const url = await referenceCsms();
  const run = await runCli(['run', '--sut', 'csms', '--target', url, '--config', config, '--cases', 'TC_A_08_CSMS', '--out', join(dir, 'a08'), '--no-html'], STEP_MS);
  expect(run.stdout).toMatch(/TC_A_08_CSMS +✔ passed/);
  expect(run.code).toBe(0);
}, STEP_MS);
