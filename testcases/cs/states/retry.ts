/** The retry cases of E13 (TC_E_41/42/50/51_CS): the harness fails to take a TransactionEventRequest and times the station's retransmissions. */
import type { IncomingCall } from '../../../src/ocpp/connection';
import type { TransactionEventRequest } from '../../../src/ocpp/generated';
import type { ConfigurationSetting, CsCaseContext } from '../../../src/engine/testcase';
import type { RunConfig } from '../../../src/engine/config';
import { inconclusive } from '../../../src/engine/verdict';
import { setting } from './configuration';
import { isMeterOnly, type SessionCall } from './monitor';
import { authorized } from './authorization';
import type { ChargingSession } from './session';
import { evConnectedPreSession, withSession } from './transaction';

/** How much earlier or later than Part 6's interval a retransmission may come (timer and clock granularity of whole seconds), in ms. */
export const RETRY_TOLERANCE_MS = 1_000;

/** The Before configuration of the E13 cases: MessageAttempts / MessageAttemptInterval of TransactionEvent as configured. */
export const RETRY_SETTINGS: readonly ConfigurationSetting[] = [
  setting('OCPPCommCtrlr', 'MessageAttempts', (c: RunConfig) => String(c.configured.messageAttemptsTransactionEvent), 'TransactionEvent'),
  setting('OCPPCommCtrlr', 'MessageAttemptInterval', (c: RunConfig) => String(c.configured.messageAttemptIntervalTransactionEvent), 'TransactionEvent'),
];

/** How the harness treats each transmission of the event: no answer, CALLERROR InternalError, or a normal answer. */
export type Treatment = 'silence' | 'callError' | 'answer';

/** Options of a retry scenario. */
export interface RetryScenario {
  /** The treatment of transmission n (1-based). */
  readonly treat: (transmission: number) => Treatment;
  /** How many transmissions the station must make. */
  readonly transmissions: number;
  /** Whether each interval also includes OCPPCommCtrlr.MessageTimeout.Default (the station waits that long for an answer that does not come). */
  readonly withMessageTimeout: boolean;
}

/** The optional events of steps 1-4 (signed meter data, power path closed), answered normally before the event the case fails to take. */
const isOptionalStep = (event: TransactionEventRequest): boolean =>
  event.triggerReason === 'SignedDataReceived' || (event.triggerReason === 'ChargingStateChanged' && event.transactionInfo.chargingState === 'SuspendedEVSE');

/** Before: the station's OCPPCommCtrlr.MessageTimeout[Default], in seconds. */
async function readMessageTimeout(ctx: CsCaseContext): Promise<number> {
  return ctx.step('Before: read OCPPCommCtrlr.MessageTimeout[Default]', async () => {
    const read = await ctx.csms.call('GetVariables', { getVariableData: [{ component: { name: 'OCPPCommCtrlr' }, variable: { name: 'MessageTimeout', instance: 'Default' } }] });
    const value = Number(read.getVariableResult[0]?.attributeValue);
    if (!Number.isFinite(value)) throw inconclusive('OCPPCT_PRECONDITION', 'the station did not report OCPPCommCtrlr.MessageTimeout[Default]');
    return value;
  });
}

/**
 * Steps 1-6 of the E13 cases: answers the optional events of steps 1-4 normally, then treats each transmission of the
 * next event as told, checks that the station sends it `transmissions` times, each (MessageAttemptInterval × the number
 * of earlier transmissions) [+ MessageTimeout] after the previous one (± RETRY_TOLERANCE_MS), and that it does not send
 * it once more within a further such interval.
 * The station's MessageTimeout[Default] (`timeoutS`) is read beforehand, so the treatment is armed before the event can come.
 */
export async function retransmissions(session: ChargingSession, scenario: RetryScenario, timeoutS: number): Promise<void> {
  const { ctx, monitor } = session;
  const { check, step, config } = ctx;
  const intervalS = config.configured.messageAttemptIntervalTransactionEvent;
  const expectedGapMs = (earlier: number) => (intervalS * earlier + (scenario.withMessageTimeout ? timeoutS : 0)) * 1000;
  let target: { transactionId: string; seqNo: number } | undefined;
  let count = 0;
  const isTarget = (call: SessionCall): boolean => {
    if (call.action !== 'TransactionEvent') return false;
    const event = call.payload as TransactionEventRequest;
    return target !== undefined && event.transactionInfo.transactionId === target.transactionId && event.seqNo === target.seqNo;
  };
  monitor.answerTransactionEvent = (call: IncomingCall<'TransactionEvent'>) => {
    const event = call.payload;
    if (!target && !isMeterOnly(event) && !isOptionalStep(event)) target = { transactionId: event.transactionInfo.transactionId, seqNo: event.seqNo };
    if (!isTarget(call)) return false;
    count++;
    const treatment = scenario.treat(count);
    if (treatment === 'callError') call.respondError('InternalError', 'the harness fails this TransactionEventRequest on purpose (E13)');
    if (treatment === 'silence') {
      call.leaveUnanswered(); // on purpose: the station must give up on it and send it again (E13)
      answerLate(call, count);
    }
    return treatment !== 'answer';
  };
  // The harness's OCPP-J connection takes a new CALL only once the previous one is answered, so "no answer" is an answer
  // sent after the station has given up (MessageTimeout) and before it may resend (half the next interval later).
  const late = new Set<NodeJS.Timeout>();
  const answerLate = (call: IncomingCall<'TransactionEvent'>, transmission: number) => {
    const timer = setTimeout(() => {
      late.delete(timer);
      if (!call.isAnswered && call.connection.isOpen) call.respond({});
    }, (timeoutS + (intervalS * transmission) / 2) * 1000);
    late.add(timer);
  };
  try {
    let previous = 0;
    for (let n = 1; n <= scenario.transmissions; n++) {
      const gap = expectedGapMs(n - 1);
      const treatment = scenario.treat(n);
      const title =
        n === 1
          ? `5-6. station sends the TransactionEventRequest; harness ${describe(treatment)}`
          : `5-6. station sends it again (transmission ${n}) after ${gap / 1000} s (interval × ${n - 1}${scenario.withMessageTimeout ? ' + MessageTimeout' : ''}); harness ${describe(treatment)}`;
      await step(title, async () => {
        const call = await monitor.next(`transmission ${n} of the TransactionEventRequest`, (c) => isTarget(c), { timeoutMs: n === 1 ? undefined : gap + RETRY_TOLERANCE_MS + config.timeouts.messageMs });
        const at = call.receivedAt.getTime();
        if (n > 1) {
          const waited = at - previous;
          check.that(`time since transmission ${n - 1}`, Math.abs(waited - gap) <= RETRY_TOLERANCE_MS, `${gap} ms ± ${RETRY_TOLERANCE_MS} ms`, `${waited} ms`);
        }
        previous = at;
      });
    }
    const extra = expectedGapMs(scenario.transmissions) + RETRY_TOLERANCE_MS;
    await step(`Wait one more interval (${extra / 1000} s): the station must not send the event again`, () =>
      monitor.watch(extra, (c) => (isTarget(c) ? `the station sent the TransactionEventRequest (seqNo ${target?.seqNo}) more than ${scenario.transmissions} times` : undefined)),
    );
  } finally {
    monitor.answerTransactionEvent = undefined;
    for (const timer of late) clearTimeout(timer);
  }
}

const describe = (treatment: Treatment): string => ({ silence: 'does not answer', callError: 'answers CALLERROR InternalError', answer: 'answers it' })[treatment];

/** The whole E13 scenario: Before states Authorized and EVConnectedPreSession, then {@link retransmissions}; the session ends afterwards. */
export function retriesAfterConnection(ctx: CsCaseContext, scenario: RetryScenario): Promise<void> {
  return withSession(ctx, async (session) => {
    const timeoutS = await readMessageTimeout(ctx);
    await ctx.step('Before: reach state Authorized', () => authorized(session));
    await ctx.step('Before: reach state EVConnectedPreSession', () => evConnectedPreSession(session));
    await retransmissions(session, scenario, timeoutS);
  });
}
