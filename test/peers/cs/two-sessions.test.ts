// A station charging on two EVSEs at once (TC_L_12/14_CS, the master pass cases): each session of a case must take the events of its own EVSE's transaction, whatever order they come in.
import { defineTestCase } from '../../../src/engine/testcase';
import { ChargingSession } from '../../../testcases/cs/states';
import { scriptedRun, type ScriptedRun, type ScriptedStation } from '../scripted-station';

jest.setTimeout(30_000);

const now = () => new Date().toISOString();
const event = (transactionId: string, seqNo: number, eventType: string, evseId?: number) => ({
  eventType,
  timestamp: now(),
  triggerReason: eventType === 'Ended' ? 'EVDeparted' : 'CablePluggedIn',
  seqNo,
  transactionInfo: { transactionId, chargingState: eventType === 'Ended' ? 'Idle' : 'EVConnected', ...(eventType === 'Ended' ? { stoppedReason: 'Local' } : {}) },
  ...(evseId === undefined ? {} : { evse: { id: evseId, connectorId: 1 } }),
});

/** A probe case (not a Part 6 case): sessions on EVSE 1 and 2; the station reports EVSE 2's transaction first. */
const twoSessionsProbe = defineTestCase({
  id: 'TC_P_93_CS',
  name: 'probe: two sessions whose events come interleaved',
  sut: 'CS',
  useCases: ['E01'],
  requirements: [],
  detects: [],
  async run(ctx) {
    const { check, csms } = ctx;
    const first = new ChargingSession(ctx, { evse: { evseId: 1, connectorId: 1 } });
    const second = new ChargingSession(ctx, { evse: { evseId: 2, connectorId: 1 } });
    // §2.1: each session's next event must name its own EVSE; EVSE 1's event comes between, and is not the second session's.
    first.monitor.pendingEvse = first.evse;
    second.monitor.pendingEvse = second.evse;
    await csms.call('TriggerMessage', { requestedMessage: 'TransactionEvent' });
    const ofFirst = await first.monitor.nextEvent('the event of EVSE 1');
    check.equal('transaction the first session took', ofFirst.transactionInfo.transactionId, 'tx-evse-1');
    const ofSecond = await second.monitor.nextEvent('the event of EVSE 2');
    check.equal('transaction the second session took', ofSecond.transactionInfo.transactionId, 'tx-evse-2');
    check.equal('first session transactionId', first.transactionId, 'tx-evse-1');
    check.equal('second session transactionId', second.transactionId, 'tx-evse-2');
    const ended = await second.monitor.nextEvent('the end of EVSE 2', {}, (e) => e.eventType === 'Ended');
    check.equal('ended transaction', ended.transactionInfo.transactionId, 'tx-evse-2');
    check.that('the first session still has its transaction open', first.transactionOpen, 'open', String(first.transactionOpen));
    check.that('the second session has none open', !second.transactionOpen, 'none open', String(second.transactionOpen));
  },
});

/** Sends EVSE 2's Started, EVSE 1's Started, then EVSE 2's Ended (the last one without an evse, as Part 2 allows). */
async function interleaved(station: ScriptedStation, evseOfFirst: number): Promise<void> {
  await station.send('TransactionEvent', event('tx-evse-2', 0, 'Started', 2));
  await station.send('TransactionEvent', event('tx-evse-1', 0, 'Started', evseOfFirst));
  await station.send('TransactionEvent', event('tx-evse-2', 1, 'Ended'));
}

let run: ScriptedRun | undefined;
afterEach(async () => {
  await run?.close();
  run = undefined;
});

const scriptFor = (evseOfFirst: number) => ({
  answer(action: string, _payload: Record<string, unknown>, station: ScriptedStation) {
    if (action !== 'TriggerMessage') return undefined;
    setImmediate(() => void interleaved(station, evseOfFirst));
    return { result: { status: 'Accepted' } };
  },
});

describe('a station charging on two EVSEs whose events come interleaved', () => {
  test('each session takes its own EVSE’s transaction and the case passes', async () => {
    run = await scriptedRun(scriptFor(1));
    const result = await run.run(twoSessionsProbe);
    expect(`${result.verdict}: ${result.reason}`).toBe('passed: every step and validation passed');
  });

  test('a new transaction naming the wrong EVSE is judged by the §2.1 rule of the session waiting for one, quoting the EVSE it named', async () => {
    run = await scriptedRun(scriptFor(3));
    const result = await run.run(twoSessionsProbe);
    expect(`${result.verdict}: ${result.reason}`).toMatch(/^failed: first TransactionEventRequest after connecting the EV: evse.id: expected 1, got 3/);
  });
});
