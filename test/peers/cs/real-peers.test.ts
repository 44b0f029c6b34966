// Stations that behave as real products do (not as our reference does): each test asserts the verdict and its reason.
import { loadCases } from '../../../src/engine/catalog';
import { defineTestCase, type TestCase } from '../../../src/engine/testcase';
import { inconclusive } from '../../../src/engine/verdict';
import { connectionClosed, requestedReport } from '../../../testcases/cs/states';
import { scriptedDriver, scriptedRun, type ScriptedRun, type ScriptedStation } from '../scripted-station';

jest.setTimeout(30_000);

const byId = new Map(loadCases('CS').map((c) => [c.id, c]));
const real = (id: string): TestCase => {
  const found = byId.get(id);
  if (!found) throw new Error(`no case ${id}`);
  return found;
};

/** A probe case (not a Part 6 case): the harness starts a transaction remotely and wants Accepted. */
const remoteStartProbe = defineTestCase({
  id: 'TC_P_90_CS',
  name: 'probe: remote start while the station authorizes first',
  sut: 'CS',
  useCases: ['F01'],
  requirements: [],
  detects: [],
  async run({ csms, check, config }) {
    const response = await csms.call('RequestStartTransaction', { idToken: config.configured.idTokens.valid, remoteStartId: 7, evseId: 1 });
    check.equal('RequestStartTransactionResponse.status', response.status, 'Accepted');
  },
});

/** A probe case: the harness closes the connection (offline period) and then needs a driver action, which fails. */
const offlineProbe = defineTestCase({
  id: 'TC_P_91_CS',
  name: 'probe: a driver that fails during an offline period',
  sut: 'CS',
  useCases: ['E12'],
  requirements: [],
  detects: [],
  async run(ctx) {
    await connectionClosed(ctx, 'harness goes offline');
    await ctx.perform({ kind: 'presentIdToken', idToken: ctx.config.configured.idTokens.valid, evseId: 1 });
  },
});

/** A probe case: one report, collected by requestId. */
const reportProbe = defineTestCase({
  id: 'TC_P_92_CS',
  name: 'probe: a report while a late part of an earlier one arrives',
  sut: 'CS',
  useCases: ['B07'],
  requirements: [],
  detects: [],
  async run(ctx) {
    const entries = await requestedReport(ctx, { request: 'ask', notify: 'collect' }, { kind: 'GetBaseReport', reportBase: 'ConfigurationInventory' });
    ctx.check.equal('entries collected', entries.length, 2);
  },
});

let run: ScriptedRun | undefined;
afterEach(async () => {
  await run?.close();
  run = undefined;
});

describe('a station that authorizes before it answers RequestStartTransaction', () => {
  const script = {
    async answer(action: string, payload: Record<string, unknown>, station: ScriptedStation) {
      if (action !== 'RequestStartTransaction') return undefined;
      await station.send('Authorize', { idToken: payload.idToken as Record<string, unknown> });
      return { result: { status: 'Accepted' } };
    },
  };

  test('gets its AuthorizeResponse within a second, from the run token list, and the case passes', async () => {
    run = await scriptedRun(script);
    const result = await run.run(remoteStartProbe);
    expect(`${result.verdict}: ${result.reason}`).toBe('passed: every step and validation passed');
    const authorize = run.station.sent.find((s) => s.action === 'Authorize');
    expect(authorize?.answeredInMs).toBeLessThan(1_000);
    expect(authorize?.answer).toEqual({ idTokenInfo: { status: 'Accepted', groupIdToken: run.config.configured.idTokens.group } });
    // The AuthorizeRequest is in the case's evidence, answered.
    expect(result.frames.filter((f) => f.action === 'Authorize').map((f) => f.direction)).toEqual(['in', 'out']);
  });

  test('an invalid token gets Invalid, as the token list says', async () => {
    run = await scriptedRun(script, scriptedDriver(), { configured: { idTokens: { valid: { idToken: 'DEADBEEF', type: 'ISO14443' } } } });
    await run.station.send('Authorize', { idToken: run.config.configured.idTokens.invalid });
    expect(run.station.sent[1]?.answer).toEqual({ idTokenInfo: { status: 'Invalid' } });
  });
});

describe('a station that sends CALLs while a driver action (or an operator prompt) is still open', () => {
  test('each gets its answer during the action, and the action can wait for them', async () => {
    // The "operator" finishes only once the station got its answers: without background answers this would hang.
    const driver = scriptedDriver(async () => {
      const station = run?.station as ScriptedStation;
      await station.send('Authorize', { idToken: run?.config.configured.idTokens.blocked as unknown as Record<string, unknown> });
      await station.send('StatusNotification', { timestamp: new Date().toISOString(), connectorStatus: 'Occupied', evseId: 1, connectorId: 1 });
    });
    run = await scriptedRun({}, driver);
    const probe = defineTestCase({
      id: 'TC_P_95_CS',
      name: 'probe: a driver action',
      sut: 'CS',
      useCases: ['C01'],
      requirements: [],
      detects: [],
      run: (ctx) => ctx.perform({ kind: 'plugIn', side: 'both', evseId: 1, connectorId: 1 }),
    });
    const result = await run.run(probe);
    expect(`${result.verdict}: ${result.reason}`).toBe('passed: every step and validation passed');
    expect(run.station.sent.find((c) => c.action === 'Authorize')?.answer).toEqual({ idTokenInfo: { status: 'Blocked' } });
    expect(run.station.sent.find((c) => c.action === 'StatusNotification')?.answer).toEqual({});
  });
});

describe('a station that reconnects without a BootNotification', () => {
  test('starts its first case within a second, and the case passes', async () => {
    run = await scriptedRun({ boots: false });
    const result = await run.run(real('TC_B_06_CS'));
    expect(`${result.verdict}: ${result.reason}`).toBe('passed: every step and validation passed');
    const firstCall = run.station.received[0];
    expect(firstCall.at - run.station.openedAt[0]).toBeLessThan(1_000);
  });

  test('one that sends a Heartbeat first is taken as booted at once', async () => {
    run = await scriptedRun({ boots: false, onOpen: (s) => void s.send('Heartbeat', {}) });
    const result = await run.run(real('TC_B_06_CS'));
    expect(result.verdict).toBe('passed');
    expect(run.station.received[0].at - run.station.openedAt[0]).toBeLessThan(run.config.timeouts.bootGraceMs);
  });
});

describe('a driver that fails in the middle of an offline period', () => {
  test('the case is inconclusive with the driver reason, and the next case finds the station connected normally', async () => {
    const driver = scriptedDriver(() => {
      throw inconclusive('OCPPCT_OPERATOR', 'the webhook answered HTTP 500');
    });
    run = await scriptedRun({}, driver);
    const offline = await run.run(offlineProbe);
    expect(`${offline.verdict}: ${offline.reason}`).toBe('inconclusive: the webhook answered HTTP 500');
    const next = await run.run(real('TC_B_06_CS'));
    expect(`${next.verdict}: ${next.reason}`).toBe('passed: every step and validation passed');
    expect(next.connectionEvents.filter((e) => e.event === 'refused')).toEqual([]);
  });
});

describe('a station that comes back from an offline period without a boot and without a message', () => {
  test('is taken back once the boot grace time passes, and the case goes on', async () => {
    const probe = defineTestCase({
      id: 'TC_P_96_CS',
      name: 'probe: back from offline, silent',
      sut: 'CS',
      useCases: ['E12'],
      requirements: [],
      detects: [],
      async run(ctx) {
        const offline = await connectionClosed(ctx, 'harness goes offline');
        await offline.reconnect('harness takes the station back');
        const read = await ctx.csms.call('GetVariables', { getVariableData: [{ component: { name: 'OCPPCommCtrlr' }, variable: { name: 'OfflineThreshold' } }] });
        ctx.check.equal('status', read.getVariableResult[0].attributeStatus, 'Accepted');
      },
    });
    run = await scriptedRun({ boots: false });
    const result = await run.run(probe);
    expect(`${result.verdict}: ${result.reason}`).toBe('passed: every step and validation passed');
    expect(run.station.openedAt).toHaveLength(2);
    // Nothing but the GetVariables answer came from the station after it reconnected.
    expect(result.frames.filter((f) => f.direction === 'in' && f.messageType === 2)).toEqual([]);
  });
});

describe('a station that sends a late part of an earlier report', () => {
  test('the late part is answered and recorded, never judged as this report', async () => {
    run = await scriptedRun({
      answer(action, payload, station) {
        if (action !== 'GetBaseReport') return undefined;
        const requestId = payload.requestId as number;
        const part = (seqNo: number, tbc: boolean, id = requestId) => ({ requestId: id, generatedAt: new Date().toISOString(), seqNo, tbc, reportData: [{ component: { name: 'OCPPCommCtrlr' }, variable: { name: `V${seqNo}` }, variableAttribute: [{ value: '1' }] }] });
        setImmediate(() => {
          void station.send('NotifyReport', part(7, false, requestId + 1)).then(() => station.send('NotifyReport', part(0, true))).then(() => station.send('NotifyReport', part(1, false)));
        });
        return { result: { status: 'Accepted' } };
      },
    });
    const result = await run.run(reportProbe);
    expect(`${result.verdict}: ${result.reason}`).toBe('passed: every step and validation passed');
    expect(result.frames.filter((f) => f.action === 'NotifyReport' && f.direction === 'in')).toHaveLength(3);
  });
});

describe('answers a harness CALL in a way OCPP-J does not allow', () => {
  const answering = (answer: { raw: string } | { error: string }) => ({
    answer: (action: string) => (action === 'GetVariables' ? answer : undefined),
  });

  test('a 1.6-only CALLERROR code fails the case at once, quoting the frame', async () => {
    run = await scriptedRun(answering({ error: 'OccurenceConstraintViolation' }));
    const result = await run.run(real('TC_B_06_CS'));
    expect(result.verdict).toBe('failed');
    expect(result.reason).toContain('"OccurenceConstraintViolation"');
    expect(result.reason).toContain('is not one of Part 4');
    expect(result.durationMs).toBeLessThan(run.config.timeouts.messageMs);
  });

  test('a non-JSON answer fails the case at once, quoting the frame', async () => {
    run = await scriptedRun(answering({ raw: 'OK, done!' }));
    const result = await run.run(real('TC_B_06_CS'));
    expect(result.verdict).toBe('failed');
    expect(result.reason).toContain('not JSON');
    expect(result.reason).toContain('OK, done!');
    expect(result.durationMs).toBeLessThan(run.config.timeouts.messageMs);
  });
});

describe('a station that stays silent after a Rejected boot', () => {
  test('TC_B_30_CS fails with "did not answer", never error', async () => {
    const driver = scriptedDriver((action) => {
      if (action.kind === 'reboot') void run?.station.reboot();
    });
    const lastBoot = (s: ScriptedStation) => (s.sent.filter((c) => c.action === 'BootNotification').at(-1)?.answer as { status?: string } | undefined)?.status;
    run = await scriptedRun({ answer: (_action, _payload, s) => (lastBoot(s) === 'Rejected' ? 'silence' : undefined) }, driver);
    const result = await run.run(real('TC_B_30_CS'));
    expect(`${result.verdict}: ${result.reason}`).toBe(`failed: the station did not answer GetBaseReport within ${run.config.timeouts.messageMs} ms`);
  });
});
