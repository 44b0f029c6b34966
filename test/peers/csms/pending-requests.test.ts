// Scripted CSMS: holds the station in Pending and meanwhile asks it for a full report, reads and sets variables and triggers a boot; it accepts the station only once it got all of it. TC_B_02_CSMS must pass: the harness station answers while Pending.
import type { CsmsAction } from '../../../src/drivers/csms-actions';
import { outcome, plainAnswer, runCsmsCases, ScriptedCsms, scriptedDriver, type Payload, type ScriptedSession } from '../scripted-csms';

/** The requestId of the scripted CSMS's GetBaseReport. */
const REPORT_REQUEST_ID = 4242;

/** What the CSMS asked while the station was Pending, and what it got. */
interface PendingExchange {
  baseReport?: Payload;
  getVariables?: Payload;
  setVariables?: Payload;
  trigger?: Payload;
  failure?: string;
}

/** The requests a back office sends to a Pending station, one after the other, each after the previous answer. */
async function provision(session: ScriptedSession, exchange: PendingExchange): Promise<void> {
  try {
    exchange.baseReport = await session.call('GetBaseReport', { requestId: REPORT_REQUEST_ID, reportBase: 'FullInventory' });
    exchange.getVariables = await session.call('GetVariables', { getVariableData: [{ component: { name: 'OCPPCommCtrlr' }, variable: { name: 'HeartbeatInterval' } }] });
    exchange.setVariables = await session.call('SetVariables', { setVariableData: [{ component: { name: 'OCPPCommCtrlr' }, variable: { name: 'HeartbeatInterval' }, attributeValue: '120' }] });
    exchange.trigger = await session.call('TriggerMessage', { requestedMessage: 'BootNotification' });
  } catch (error) {
    exchange.failure = (error as Error).message;
  }
}

/** The full report the station sent for REPORT_REQUEST_ID: complete when its parts run seqNo 0..n and only the last has tbc false. */
function reportComplete(csms: ScriptedCsms): boolean {
  const parts = csms.received.filter((c) => c.action === 'NotifyReport' && c.payload.requestId === REPORT_REQUEST_ID).map((c) => c.payload);
  return parts.length > 0 && parts.every((p, i) => p.seqNo === i && p.tbc === (i < parts.length - 1));
}

/** A CSMS that answers Pending (interval 2 s, time enough to provision a loaded test machine) after the set-up action, provisions the station meanwhile, and accepts it only when provisioned. */
async function provisioningCsms(): Promise<{ csms: ScriptedCsms; exchange: PendingExchange; perform(action: CsmsAction): void }> {
  const exchange: PendingExchange = {};
  let pendingNext = false;
  let pended = false;
  const provisioned = () => exchange.trigger !== undefined && exchange.failure === undefined && reportComplete(csms);
  const csms: ScriptedCsms = await ScriptedCsms.start({
    answer: (action, payload, session) => {
      if (action !== 'BootNotification') return plainAnswer(action, payload);
      const currentTime = new Date().toISOString();
      if (pendingNext) {
        pendingNext = false;
        // After the Pending answer has gone out.
        pended = true;
        setImmediate(() => void provision(session, exchange));
        return { status: 'Pending', currentTime, interval: 2 };
      }
      // Not set up for Pending (the precondition of other cases): Accepted; after a Pending answer, only once provisioned.
      const accepted = !pended || provisioned();
      return { status: accepted ? 'Accepted' : 'Pending', currentTime, interval: accepted ? 300 : 1 };
    },
  });
  const perform = (action: CsmsAction) => {
    if (action.kind !== 'answerNextBootWithPending') throw new Error(`the provisioning CSMS has no ${action.kind}`);
    pendingNext = true;
  };
  return { csms, exchange, perform };
}

test('TC_B_02_CSMS passes against a CSMS that provisions the station while it is Pending', async () => {
  const { csms, exchange, perform } = await provisioningCsms();
  try {
    const [result] = await runCsmsCases(csms.url, ['TC_B_02_CSMS'], scriptedDriver(perform));
    expect(outcome(result)).toBe('passed: every step and validation passed');
    // The harness station answered every request of the Pending period, as a station does.
    expect(exchange.failure).toBeUndefined();
    expect(exchange.baseReport).toEqual({ status: 'Accepted' });
    expect(exchange.getVariables?.getVariableResult).toEqual([expect.objectContaining({ attributeStatus: 'Accepted', component: { name: 'OCPPCommCtrlr' }, variable: { name: 'HeartbeatInterval' } })]);
    expect(exchange.setVariables?.setVariableResult).toEqual([expect.objectContaining({ attributeStatus: 'Accepted' })]);
    expect(exchange.trigger).toEqual({ status: 'Accepted' });
    expect(reportComplete(csms)).toBe(true);
    expect(csms.received.filter((c) => c.action === 'BootNotification').map((c) => c.payload.reason)).toEqual(['PowerUp', 'Triggered', 'PowerUp']);
  } finally {
    await csms.close();
  }
});
