/** CALLs a CSMS only sends when someone asks it to: the harness asks through the driver and waits for the CALL that should follow. */
import type { CsmsAction } from '../../../src/drivers/actions';
import type { CsmsCaseContext } from '../../../src/engine/testcase';
import { sutFailed } from '../../../src/engine/verdict';
import type { IncomingCall } from '../../../src/ocpp/connection';
import type { OcppAction } from '../../../src/ocpp/generated';

/**
 * A step before each CSMS action: the harness lets `timeouts.settleMs` pass since the last message it exchanged with the
 * CSMS. A CSMS may store what it just read, set or received only after it answered, so an action asked for at once could
 * meet the old value; a real station is never that quick either. Waits only what is left of the settle time.
 */
export function settleBeforeAction(ctx: CsmsCaseContext): Promise<void> {
  const { settleMs } = ctx.config.timeouts;
  return ctx.step(`harness lets timeouts.settleMs (${settleMs} ms) pass since its last message with the CSMS before asking the CSMS side`, async () => {
    const waitMs = ctx.station.settleRemainingMs(settleMs);
    if (waitMs > 0) await new Promise<void>((resolve) => setTimeout(resolve, waitMs));
  });
}

/** Asks the CSMS side for `action` (operator, webhook or reference) once the settle time has passed. */
export async function askCsms(ctx: CsmsCaseContext, action: CsmsAction): Promise<void> {
  await settleBeforeAction(ctx);
  await ctx.perform(action);
}

/**
 * Asks the CSMS side for `action` (operator, webhook or reference), after the settle time, and waits for the CSMS to send `message` (or one of
 * several), which `answer` answers the moment it arrives (even while an operator is still confirming). After the action is
 * done, the CSMS has the run's message timeout to send it. Returns the CALL.
 */
export async function csmsSendsAfter<A extends OcppAction>(
  ctx: CsmsCaseContext,
  action: CsmsAction,
  message: A | readonly A[],
  answer: (call: IncomingCall<A>) => void,
): Promise<IncomingCall<A>> {
  const { messageMs, operatorMs } = ctx.config.timeouts;
  const arrived = ctx.station.expect(message, { timeoutMs: operatorMs + messageMs }).then((call) => {
    answer(call);
    return call;
  });
  arrived.catch(() => undefined); // awaited below; this only keeps an early rejection from counting as unhandled
  await askCsms(ctx, action);
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    const what = (typeof message === 'string' ? [message] : message).map((m) => `${m}Request`).join(' or ');
    timer = setTimeout(() => reject(sutFailed('OCPPCT_EXPECT_TIMEOUT', `the CSMS did not send ${what} within ${messageMs} ms after it was asked to`)), messageMs);
  });
  try {
    return await Promise.race([arrived, late]);
  } finally {
    clearTimeout(timer);
  }
}
