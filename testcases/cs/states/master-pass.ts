/** The master pass sequences of TC_C_47_CS to TC_C_49_CS (C16): charging on several EVSEs at once, the master pass presented, and the stops it causes. */
import type { ConfiguredIdToken } from '../../../src/engine/config';
import type { CsCaseContext } from '../../../src/engine/testcase';
import type { IncomingCall } from '../../../src/ocpp/connection';
import type { TransactionEventRequest } from '../../../src/ocpp/generated';
import { monitorOf } from './monitor';
import { ChargingSession } from './session';
import { energyTransferStarted, evConnectedPostSession, evDisconnected, parkingBayUnoccupied, returnToIdle } from './transaction';

/** A session charging on one EVSE, with the transaction the station opened for it. */
export interface EvseCharging {
  readonly session: ChargingSession;
  transactionId: string;
}

/**
 * EnergyTransferStarted on each of `evses` (connector 1 unless the configured one), one after the other, with
 * <Configured valid_idtoken> on the first, <Configured valid_idtoken2> on the second (and so on in turn); runs `body`
 * with the sessions, then brings every EVSE back to idle.
 */
export async function withChargingOn(ctx: CsCaseContext, evses: readonly number[], body: (charging: EvseCharging[]) => Promise<void>): Promise<void> {
  const { configured, station } = ctx.config;
  const tokens: ConfiguredIdToken[] = [configured.idTokens.valid, configured.idTokens.valid2];
  const charging: EvseCharging[] = [];
  try {
    for (const [index, evseId] of evses.entries()) {
      const connectorId = evseId === configured.evseId ? configured.connectorId : (station.evses.find((e) => e.id === evseId)?.connectors[0] ?? 1);
      const session = new ChargingSession(ctx, { evse: { evseId, connectorId }, idToken: tokens[index % tokens.length] });
      await ctx.step(`Before: EnergyTransferStarted on EVSE ${evseId} with '${session.idToken.idToken}'`, () => energyTransferStarted(session));
      charging.push({ session, transactionId: session.transactionId ?? '' });
    }
    await body(charging);
  } finally {
    for (const { session } of charging.reverse()) await returnToIdle(session);
  }
}

/** Manual action and steps 1-2: the master pass token is presented; the station asks the CSMS, which answers Accepted in <Configured masterPassGroupId>. */
export async function masterPassPresented(ctx: CsCaseContext, charging: readonly EvseCharging[]): Promise<void> {
  const { check, config } = ctx;
  const { masterPass } = config.configured.idTokens;
  const [{ session }] = charging;
  await session.act(`Manual action: present the master pass idToken '${masterPass.idToken}'`, { kind: 'presentIdToken', idToken: masterPass });
  await ctx.step('1-2. station sends AuthorizeRequest for the master pass; harness answers Accepted with <Configured masterPassGroupId>', async () => {
    const call = (await session.monitor.next('an AuthorizeRequest for the master pass', (c) => c.action === 'Authorize')) as IncomingCall<'Authorize'>;
    check.equal('AuthorizeRequest.idToken.idToken', call.payload.idToken.idToken, masterPass.idToken);
    check.equal('AuthorizeRequest.idToken.type', call.payload.idToken.type, masterPass.type);
  });
}

/**
 * Steps 3-4 for each of `stopped`: the station reports the master pass stop of its transaction (triggerReason
 * StopAuthorized, idToken omitted or the master pass, once per transaction); the sessions are marked stopped so the
 * post-session states follow. Returns once each has been reported.
 */
export async function stopsReported(ctx: CsCaseContext, stopped: readonly EvseCharging[], title: string): Promise<void> {
  const { check, config } = ctx;
  const { masterPass } = config.configured.idTokens;
  // The stops of several EVSEs' transactions, in any order: the case's view of every transaction, not one session's.
  const monitor = monitorOf(ctx);
  await ctx.step(title, async () => {
    const waiting = new Map(stopped.map((c) => [c.transactionId, c]));
    while (waiting.size > 0) {
      const isStop = (e: TransactionEventRequest) => waiting.has(e.transactionInfo.transactionId) && (e.triggerReason === 'StopAuthorized' || e.eventType === 'Ended');
      const event = await monitor.nextEvent(`the stop of transaction(s) ${[...waiting.keys()].join(', ')}`, {}, isStop);
      const charging = waiting.get(event.transactionInfo.transactionId) as EvseCharging;
      waiting.delete(event.transactionInfo.transactionId);
      const label = `TransactionEventRequest for EVSE ${charging.session.evse.evseId}`;
      check.that(`${label}.idToken`, event.idToken === undefined || (event.idToken.idToken === masterPass.idToken && event.idToken.type === masterPass.type), 'omitted, or the master pass idToken', JSON.stringify(event.idToken));
      if (event.eventType === 'Ended') check.equal(`${label}.transactionInfo.stoppedReason`, event.transactionInfo.stoppedReason, 'MasterPass');
      Object.assign(charging.session, { authorized: false, energyStarted: false, stoppedVia: 'remote', evConnectedReported: event.transactionInfo.chargingState === 'EVConnected' });
    }
  });
}

/**
 * Steps 5-7 for each of `stopped` (EVConnectedPostSession, EVDisconnected, ParkingBayUnoccupied), then the validation
 * of errata 2025-09 6.2.32: the last TransactionEventRequest of each transaction is Ended with stoppedReason MasterPass.
 */
export async function afterMasterPassStop(ctx: CsCaseContext, stopped: readonly EvseCharging[]): Promise<void> {
  for (const { session } of stopped) await ctx.step(`5. EVConnectedPostSession on EVSE ${session.evse.evseId}`, () => evConnectedPostSession(session));
  for (const { session } of stopped) await ctx.step(`6. EVDisconnected on EVSE ${session.evse.evseId}`, () => evDisconnected(session));
  for (const { session } of stopped) await ctx.step(`7. ParkingBayUnoccupied on EVSE ${session.evse.evseId}`, () => parkingBayUnoccupied(session));
  await ctx.step('3. (errata 2025-09 6.2.32) the last TransactionEventRequest of each stopped transaction: Ended, stoppedReason MasterPass', () => {
    for (const { session, transactionId } of stopped) {
      const last = session.monitor.transaction(transactionId)?.events.at(-1);
      ctx.check.equal(`last TransactionEventRequest on EVSE ${session.evse.evseId}: eventType`, last?.eventType, 'Ended');
      ctx.check.equal(`last TransactionEventRequest on EVSE ${session.evse.evseId}: transactionInfo.stoppedReason`, last?.transactionInfo.stoppedReason, 'MasterPass');
    }
  });
}
