/** Sequences of the tariff and cost cases (Block I, CS side): the tariff the harness hands out, the running-cost rounds, the final cost, and what the station's display shows. */
import type { RunConfig } from '../../../src/engine/config';
import { VerdictError } from '../../../src/engine/verdict';
import type { MessageContentType } from '../../../src/ocpp/generated/definitions';
import { authorized } from './authorization';
import { energyTransferStarted, evConnectedPreSession } from './transaction';
import { setting } from './configuration';
import { defaultTokenInfo, type TransactionEventCall } from './monitor';
import type { ChargingSession } from './session';

/** How many times the running-cost steps 6-9 are repeated (Part 6: n times). */
export const COST_ROUNDS = 2;

/** SampledDataCtrlr.TxUpdatedInterval as configured, so the station sends the TransactionEventRequests of step 6 during the transaction. */
export const COST_UPDATES_CONFIGURATION = [setting('SampledDataCtrlr', 'TxUpdatedInterval', (c: RunConfig) => String(c.configured.sampledDataTxUpdatedInterval))];

/** <Configured Cost>: the tariff text the harness-as-CSMS gives the driver (personalMessage, updatedPersonalMessage). */
export const TARIFF_MESSAGE: MessageContentType = { format: 'UTF8', content: 'Tariff: 0.25 per kWh' };

/** A cost the harness makes up (<Configured Cost2>, <Generated Cost>): random to the cent, so a display that shows an old or fixed amount does not match. */
export const generatedCost = (): number => Math.round((1 + Math.random() * 49) * 100) / 100;

/** The reading of the display steps, for the cases' notes. */
export const DISPLAY_READING =
  'Part 6 lists no tool validation for the display, yet the purpose of the case is what the station shows the driver. The harness ' +
  'therefore asks the station side to confirm the amount shown (driver action confirmCostShown): an operator looks at the display of a ' +
  'real station, the reference station answers from its display state. An answer that it shows another amount or none fails the case.';

/** Steps 1-4 of TC_I_01_CS / TC_I_07_CS: the valid idToken is presented; the AuthorizeResponse (and the TransactionEventResponse) carry the tariff as personal message; the Authorized event is Updated when the transaction was open, else Started. */
export async function authorizedWithTariff(session: ChargingSession): Promise<void> {
  const { ctx, monitor } = session;
  const valid = ctx.config.configured.idTokens.valid;
  monitor.tokenInfo = (token) => {
    const info = defaultTokenInfo(ctx, token);
    return token.idToken === valid.idToken && token.type === valid.type && info.status === 'Accepted' ? { ...info, personalMessage: TARIFF_MESSAGE } : info;
  };
  const wasOpen = session.transactionOpen;
  await authorized(session, 'local');
  const event = session.authorizationEvent;
  if (event) {
    await ctx.step('3. the authorization event is Updated when the transaction had started, else Started', () => {
      ctx.check.equal('TransactionEventRequest.eventType', event.eventType, wasOpen ? 'Updated' : 'Started');
    });
  }
}

/** Before and steps 1-5 of TC_I_01_CS and TC_I_07_CS: from EVConnectedPreSession, the valid idToken is authorized with the tariff in the answers (steps 1-4), then the energy flows (step 5). */
export async function chargingWithTariff(session: ChargingSession): Promise<void> {
  const { ctx } = session;
  await ctx.step('Before: reach state EVConnectedPreSession', () => evConnectedPreSession(session));
  await ctx.step('1-4. present the valid idToken; the answers carry the tariff', () => authorizedWithTariff(session));
  await ctx.step('5. Reusable State EnergyTransferStarted', () => energyTransferStarted(session));
}

/**
 * Steps 6-9 of TC_I_01_CS and TC_I_07_CS, `COST_ROUNDS` times: the station sends a TransactionEventRequest during the
 * transaction and the harness answers it with the tariff as updatedPersonalMessage (with `totalCost` in the answer, TC_I_07_CS);
 * then `afterAnswer` runs (TC_I_01_CS: the CostUpdatedRequest). Returns the running cost the driver should see last.
 */
export async function runningCostRounds(session: ChargingSession, inAnswer: boolean, afterAnswer?: (round: number) => Promise<number>): Promise<number> {
  const { ctx, monitor } = session;
  const answeredIn = new WeakMap<TransactionEventCall, number>();
  let round = 0;
  const costs: number[] = [];
  monitor.answerTransactionEvent = (call) => {
    if (round === 0 || call.payload.eventType !== 'Updated' || call.payload.transactionInfo.transactionId !== session.transactionId) return false;
    answeredIn.set(call, round);
    call.respond({ ...monitor.defaultAnswer(call.payload), updatedPersonalMessage: TARIFF_MESSAGE, ...(inAnswer ? { totalCost: costs[round - 1] } : {}) });
    return true;
  };
  let last = 0;
  for (round = 1; round <= COST_ROUNDS; round++) {
    const n = round;
    costs.push(generatedCost());
    await ctx.step(`6-7 (round ${n}). station sends TransactionEventRequest; harness answers with updatedPersonalMessage${inAnswer ? ` and totalCost ${costs[n - 1]}` : ''}`, () =>
      monitor.next(`a TransactionEventRequest during the transaction (round ${n})`, (c) => c.action === 'TransactionEvent' && answeredIn.get(c as TransactionEventCall) === n, {
        timeoutMs: ctx.config.configured.sampledDataTxUpdatedInterval * 1000 + ctx.config.timeouts.messageMs,
      }),
    );
    if (inAnswer) last = costs[n - 1];
    if (afterAnswer) last = await afterAnswer(n);
  }
  return last;
}

/** A step: the station side confirms the display of the session's EVSE shows `totalCost` (running, or `final`); see DISPLAY_READING. */
export function costShown(session: ChargingSession, title: string, totalCost: number, final: boolean): Promise<void> {
  const { ctx, evse } = session;
  const label = `the station shows the driver the ${final ? 'final total' : 'running'} cost`;
  return ctx.step(title, async () => {
    let confirmed = true;
    try {
      await ctx.perform({ kind: 'confirmCostShown', evseId: evse.evseId, totalCost, final });
    } catch (error) {
      if (!(error instanceof VerdictError && error.code === 'OCPPCT_OPERATOR' && /could not perform/.test(error.message))) throw error;
      confirmed = false;
    }
    ctx.check.that(label, confirmed, totalCost.toFixed(2), confirmed ? 'confirmed by the station side' : 'the station side says the display shows another amount or none');
  });
}

/** Answers the Ended event of the session's transaction with `totalCost` (TC_I_02_CS), whichever state ends it; returns a probe of whether it did. */
export function totalCostOnEnd(session: ChargingSession, totalCost: number): () => TransactionEventCall | undefined {
  const { monitor } = session;
  let ended: TransactionEventCall | undefined;
  monitor.answerTransactionEvent = (call) => {
    if (call.payload.eventType !== 'Ended') return false;
    ended = call;
    call.respond({ ...monitor.defaultAnswer(call.payload), totalCost });
    return true;
  };
  return () => ended;
}
