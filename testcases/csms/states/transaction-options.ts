/** Sequences the E01 start-option and E06 stop-option cases share: authorize, plug in and start one way; or end with a local stop. */
import type { CsmsCaseContext } from '../../../src/engine/testcase';
import { accepted, authorizeStep, reportConnector, transactionEventStep, type EventFields, type SimulatedTransaction } from './transaction';

/**
 * Steps 1-6 of the E01 start-option cases: the valid idToken is authorized, the connector turns Occupied, and the transaction
 * starts (eventType Started, with idToken and evse) the way `start` says; both answers must be Accepted.
 */
export async function authorizePlugInAndStart(ctx: CsmsCaseContext, tx: SimulatedTransaction, startTitle: string, start: Pick<EventFields, 'triggerReason' | 'chargingState' | 'meterValue'>): Promise<void> {
  await authorizeStep(ctx, '1-2. harness sends AuthorizeRequest for the valid idToken', tx.idToken, accepted());
  await reportConnector(ctx, '3-4. harness reports the connector Occupied', tx.evse, 'Occupied');
  tx.evConnected = true;
  await transactionEventStep(ctx, startTitle, tx, { ...start, eventType: 'Started', idToken: tx.idToken, withEvse: true }, accepted());
  tx.authorized = true;
}

/** The charging event that follows a start before the energy flowed (Updated, ChargingStateChanged, Charging). */
export async function reportCharging(ctx: CsmsCaseContext, title: string, tx: SimulatedTransaction): Promise<void> {
  await transactionEventStep(ctx, title, tx, { eventType: 'Updated', triggerReason: 'ChargingStateChanged', chargingState: 'Charging' });
  tx.phase = 'charging';
  tx.chargingSince = new Date();
}

/** The E06 local stop: the driver stops at the station and the transaction ends there (StopAuthorized, stoppedReason Local, Ended). */
export function endWithLocalStop(ctx: CsmsCaseContext, title: string, tx: SimulatedTransaction): Promise<unknown> {
  return transactionEventStep(ctx, title, tx, { eventType: 'Ended', triggerReason: 'StopAuthorized', stoppedReason: 'Local' });
}
