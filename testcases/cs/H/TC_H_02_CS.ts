/** TC_H_02_CS: an EVSE reserved for one idToken does not let another idToken charge. */
import { defineTestCase } from '../../../src/engine/testcase';
import type { TransactionEventRequest } from '../../../src/ocpp/generated';
import { connectEv, reservationEnabled, reserved, withReservationsCancelled, withSession } from '../states';

export default defineTestCase({
  id: 'TC_H_02_CS',
  name: 'Reserve a specific EVSE - Accepted - Different idToken',
  sut: 'CS',
  useCases: ['H01', 'H03'],
  requirements: ['H03.FR.01', 'F01.FR.22'],
  detects: ['reservation.otherTokenCharges'],
  configuration: [reservationEnabled(true)],
  notes:
    'Before: <Configured evseId> Reserved for <Configured valid_idtoken>, then the EV is plugged in. The connector is not expected ' +
    'to be reported Occupied then: G03.FR.09 keeps a reserved connector Reserved until the reserved idToken comes, so only the ' +
    'physical action of EVConnectedPreSession is taken. Main A or B follows configured.startTransactionVia: A presents ' +
    '<Configured valid_idtoken2> and passes when no TransactionEventRequest with chargingState Charging comes within the message ' +
    'timeout (the wait Part 6 gives); B sends RequestStartTransaction for valid_idtoken2, which must be Rejected.',
  async run(ctx) {
    const { valid2 } = ctx.config.configured.idTokens;
    await withReservationsCancelled(ctx, () =>
      withSession(ctx, async (session) => {
        await ctx.step('Before: <Configured evseId> Reserved for <Configured valid_idtoken>', () => reserved(ctx));
        await ctx.step('Before: EVConnectedPreSession (the EV is plugged in)', () => connectEv(session));
        if (ctx.config.configured.startTransactionVia === 'local') {
          await session.act(`Main A. Manual action: present <Configured valid_idtoken2> '${valid2.idToken}'`, { kind: 'presentIdToken', idToken: valid2, evseId: session.evse.evseId });
          const timeoutMs = ctx.config.timeouts.messageMs;
          await ctx.step(`Main A. no charging starts within the message timeout (${timeoutMs} ms)`, () =>
            session.monitor.watch(timeoutMs, (call) => {
              const event = call.payload as TransactionEventRequest;
              return call.action === 'TransactionEvent' && event.transactionInfo.chargingState === 'Charging' ? 'the station started charging for an idToken the EVSE is not reserved for' : undefined;
            }),
          );
        } else {
          await ctx.step('Main B. 1-2. harness sends RequestStartTransactionRequest for <Configured valid_idtoken2>, station rejects it', async () => {
            const answer = await ctx.csms.call('RequestStartTransaction', { idToken: { idToken: valid2.idToken, type: valid2.type }, evseId: session.evse.evseId, remoteStartId: 1 + Math.floor(Math.random() * 1_000_000) });
            ctx.check.equal('RequestStartTransactionResponse.status', answer.status, 'Rejected');
          });
        }
      }),
    );
  },
});
