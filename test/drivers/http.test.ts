// The http driver: one webhook call per action, refusals and silence become inconclusive, and the reference station served over HTTP passes TC_E_04_CS end to end.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DriverAction } from '../../src/drivers/actions';
import { actionUrl, httpDriver } from '../../src/drivers/http';
import { serveStationActions, type DriverReceiver } from '../../src/drivers/http-receiver';
import type { StationAction } from '../../src/drivers/station-actions';
import { CaseRecorder } from '../../src/engine/recorder';
import type { CaseInfo } from '../../src/engine/results';
import { VerdictError } from '../../src/engine/verdict';
import { freePort, freshOutDir, removeOutDirs, startCli, stopAll, within } from '../cli/cli-process';

const INFO: CaseInfo = { id: 'TC_E_04_CS', name: 'Local start transaction - Authorization first - Success', sut: 'CS', block: 'E', useCases: ['E03'], requirements: [], detects: [] };
const PLUG_IN: DriverAction = { kind: 'plugIn', side: 'both', evseId: 1, connectorId: 1 };

/** A webhook that answers every POST with `status` and `text` after `delayMs`, remembering what it got. */
async function webhook(status: number, text = '', delayMs = 0): Promise<{ url: string; bodies: { path: string; body: unknown }[]; close(): Promise<void> }> {
  const bodies: { path: string; body: unknown }[] = [];
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      bodies.push({ path: request.url ?? '', body: JSON.parse(body) as unknown });
      setTimeout(() => response.writeHead(status).end(text), delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook/{kind}`,
    bodies,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const verdictOf = (error: unknown): string => (error instanceof VerdictError ? `${error.verdict}: ${error.message}` : String(error));

afterEach(stopAll);
afterAll(removeOutDirs);

describe('httpDriver', () => {
  test('fills {kind} into the URL template', () => {
    expect(actionUrl('http://x/a/{kind}?k={kind}', PLUG_IN)).toBe('http://x/a/plugIn?k=plugIn');
  });

  test('POSTs the action as JSON and records who performed it', async () => {
    const hook = await webhook(204);
    try {
      const recorder = new CaseRecorder(INFO, {});
      await httpDriver({ url: hook.url, timeoutMs: 2_000 }).perform(PLUG_IN, recorder);
      expect(hook.bodies).toEqual([{ path: '/hook/plugIn', body: { action: PLUG_IN } }]);
      expect(recorder.prompts).toHaveLength(1);
      expect(recorder.prompts[0]).toMatchObject({ answer: 'done', answeredBy: expect.stringContaining('http POST') });
    } finally {
      await hook.close();
    }
  });

  test('a refusal is inconclusive and carries the webhook’s text', async () => {
    const hook = await webhook(409, 'the EV simulator is busy');
    try {
      const outcome = await httpDriver({ url: hook.url, timeoutMs: 2_000 }).perform(PLUG_IN, new CaseRecorder(INFO, {})).then(() => 'done', verdictOf);
      expect(outcome).toMatch(/^inconclusive: .*HTTP 409: the EV simulator is busy/);
    } finally {
      await hook.close();
    }
  });

  test('silence beyond the timeout is inconclusive', async () => {
    const hook = await webhook(200, '', 1_000);
    try {
      const outcome = await httpDriver({ url: hook.url, timeoutMs: 100 }).perform(PLUG_IN, new CaseRecorder(INFO, {})).then(() => 'done', verdictOf);
      expect(outcome).toMatch(/^inconclusive: .*no answer within 100 ms/);
    } finally {
      await hook.close();
    }
  });
});

describe('serveStationActions', () => {
  let receiver: DriverReceiver | undefined;
  const performed: StationAction[] = [];
  beforeAll(async () => {
    receiver = await serveStationActions(async (action) => {
      if (action.kind === 'raiseFault') throw new Error('no fault simulator');
      performed.push(action);
    }, { port: 0 });
  });
  afterAll(() => receiver?.close());

  const post = (body: string) => fetch(`http://127.0.0.1:${receiver?.port}/actions/x`, { method: 'POST', body }).then(async (r) => `${r.status} ${await r.text()}`);

  test('performs the station action the http driver sends', async () => {
    const recorder = new CaseRecorder(INFO, {});
    await httpDriver({ url: receiver?.urlTemplate ?? '', timeoutMs: 2_000 }).perform(PLUG_IN, recorder);
    expect(performed).toEqual([PLUG_IN]);
  });

  test('refuses bodies that are not station actions, and says why', async () => {
    expect(await post('not json')).toMatch(/^400 /);
    expect(await post('{"action":{"kind":"answerNextBootWithPending"}}')).toMatch(/^422 .*not a station action/);
    expect(await post('{"action":{"kind":"raiseFault","evseId":1,"connectorId":1}}')).toMatch(/^422 cannot perform raiseFault: no fault simulator/);
  });
});

test('run --driver http against `reference station --driver-port` passes TC_E_04_CS', async () => {
  const [csmsPort, driverPort] = [await freePort(), await freePort()];
  const out = freshOutDir();
  const config = join(out, 'run-config.json');
  writeFileSync(config, JSON.stringify({ csms: { port: csmsPort }, drivers: { http: { url: `http://127.0.0.1:${driverPort}/actions/{kind}`, timeoutMs: 5_000 } }, timeouts: { messageMs: 5_000, connectMs: 15_000 } }));
  const run = startCli('run', '--sut', 'cs', '--target', 'listen', '--driver', 'http', '--config', config, '--cases', 'TC_E_04_CS', '--no-html', '--out', join(out, 'report'));
  await run.waitForOutput(/Running 1 CS case/, 15_000);
  const station = startCli('reference', 'station', '--csms-url', `ws://127.0.0.1:${csmsPort}/ocpp`, '--driver-port', String(driverPort));
  const exit = await within(40_000, 'the run to finish', run.exited);
  await station.stop();
  expect(`${exit.code}\n${exit.stdout}\n${exit.stderr}`).toMatch(/^0\n/);
  const summary = JSON.parse(readFileSync(join(out, 'report', 'summary.json'), 'utf8')) as { cases: { id: string; verdict: string }[] };
  expect(summary.cases).toEqual([expect.objectContaining({ id: 'TC_E_04_CS', verdict: 'passed' })]);
}, 60_000);
