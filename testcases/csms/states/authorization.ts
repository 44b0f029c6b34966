/** Sequences of the C (authorization) cases: the cache clearing the CSMS is asked for, and the master pass stopping transactions. */
import type { ConfiguredIdToken } from '../../../src/engine/config';
import type { CsmsCaseContext } from '../../../src/engine/testcase';
import { csmsSendsAfter } from './operator';
import {
  accepted,
  authorizeStep,
  checkIdTokenInfo,
  energyTransferStarted,
  evConnectedPostSession,
  evDisconnected,
  idTokenOf,
  leaveIdle,
  newTransaction,
  otherEvses,
  sendStopAuthorized,
  sendTransactionEvent,
  type SimulatedTransaction,
} from './transaction';

/** Steps 1-2 of the C11 cases: the CSMS, asked through the driver, sends ClearCacheRequest; the harness answers with `status`. */
export function cacheClearRequested(ctx: CsmsCaseContext, title: string, status: 'Accepted' | 'Rejected'): Promise<void> {
  return ctx.step(title, async () => {
    await csmsSendsAfter(ctx, { kind: 'clearCache', stationId: ctx.config.station.id }, 'ClearCache', (call) => call.respond({ status }));
  });
}

/**
 * A step of the C16 cases: the master pass ends each of `transactions` (Ended, stoppedReason MasterPass, carrying `token`);
 * each answer must be Accepted with the master pass group id.
 */
export function endWithMasterPass(ctx: CsmsCaseContext, title: string, token: ConfiguredIdToken, transactions: readonly SimulatedTransaction[]): Promise<void> {
  const group = ctx.config.configured.masterPassGroupId;
  return ctx.step(title, async () => {
    for (const tx of transactions) {
      const response = await sendTransactionEvent(ctx, tx, { eventType: 'Ended', triggerReason: 'StopAuthorized', stoppedReason: 'MasterPass', idToken: idTokenOf(token) });
      checkIdTokenInfo(ctx, `TransactionEventResponse (EVSE ${tx.evse.id})`, response.idTokenInfo, accepted(group));
    }
  });
}

/** Why a case that needs two EVSEs does not apply, or undefined when the station layout has a second one. */
export function needsTwoEvses(config: CsmsCaseContext['config']): string | undefined {
  return otherEvses(config).length > 0
    ? undefined
    : `needs a second EVSE besides the configured evseId ${config.configured.evseId} (station.evses lists no other)`;
}

/**
 * The Before of the C16 cases: energy flows on the configured EVSE for valid_idtoken and on a second EVSE for valid_idtoken2.
 * Returns both transactions, the configured EVSE's first.
 */
export async function twoCharging(ctx: CsmsCaseContext): Promise<[SimulatedTransaction, SimulatedTransaction]> {
  const { config, step } = ctx;
  const first = newTransaction(config);
  const second = newTransaction(config, { evse: otherEvses(config)[0], token: config.configured.idTokens.valid2 });
  await step(`Before: energy flows on EVSE ${first.evse.id} for valid_idtoken`, () => energyTransferStarted(ctx, first));
  await step(`Before: energy flows on EVSE ${second.evse.id} for valid_idtoken2`, () => energyTransferStarted(ctx, second));
  return [first, second];
}

/** Step titles of the end of a C09 case, in that case's numbering. */
export interface GroupStopTitles {
  /** Given when the station asks the CSMS about valid_idtoken2 (AuthorizeRequest) before the stop. */
  readonly authorize?: string;
  readonly stop: string;
  readonly postSession: string;
  readonly unplug: string;
}

/**
 * The end of the C09 cases: valid_idtoken2, of the same group as the idToken that started `tx`, stops it (after an
 * AuthorizeRequest when `titles.authorize` is given); every answer must be Accepted with <Configured groupIdToken>. Then the
 * energy transfer stops and the EV is unplugged.
 */
export async function groupMemberStops(ctx: CsmsCaseContext, tx: SimulatedTransaction, titles: GroupStopTitles): Promise<void> {
  const { step, config } = ctx;
  const group = config.configured.idTokens.group;
  const member = idTokenOf(config.configured.idTokens.valid2);
  if (titles.authorize) await authorizeStep(ctx, titles.authorize, member, accepted(group));
  await sendStopAuthorized(ctx, titles.stop, tx, member, accepted(group));
  await step(titles.postSession, () => evConnectedPostSession(ctx, tx));
  await step(titles.unplug, () => evDisconnected(ctx, tx));
}

/**
 * The C16 cases: energy flows on two EVSEs (Before), the master pass is presented (Accepted, in <Configured
 * masterPassGroupId>), and it ends all transactions or only the first (the configured EVSE's), as the user chose.
 */
export async function masterPassStops(ctx: CsmsCaseContext, stopTitle: string, stop: 'all' | 'first'): Promise<void> {
  const { config } = ctx;
  const masterPass = config.configured.idTokens.masterPass;
  const transactions = await twoCharging(ctx);
  await authorizeStep(ctx, '1-2. harness sends AuthorizeRequest for the master pass idToken', idTokenOf(masterPass), accepted(config.configured.masterPassGroupId));
  await endWithMasterPass(ctx, stopTitle, masterPass, stop === 'all' ? transactions : transactions.slice(0, 1));
  await leaveIdle(ctx, ...transactions);
}
