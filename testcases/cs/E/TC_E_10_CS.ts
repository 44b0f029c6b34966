/** TC_E_10_CS: with TxStartPoint Authorized, a token presented at the station starts the transaction. */
import { defineTestCase } from '../../../src/engine/testcase';
import { AUTHORIZATION_ON, authorized, energyTransferStarted, evConnectedPreSession, txStartPoint, withSession } from '../states';

export default defineTestCase({
  id: 'TC_E_10_CS',
  name: 'Start transaction options - Authorized - Local',
  sut: 'CS',
  useCases: ['E01', 'C01', 'C02', 'C04', 'C06'],
  requirements: ['E01.FR.03', 'E01.FR.07', 'E01.FR.10', 'E01.FR.15', 'E01.FR.16', 'C01.FR.02', 'C02.FR.01', 'C06.FR.02'],
  detects: ['auth.noAuthorizeRequest', 'transaction.noIdToken', 'transaction.noStartedEvent'],
  configuration: [txStartPoint('Authorized'), ...AUTHORIZATION_ON],
  notes: 'TxStartPoint is set to Authorized alone. Main scenario as extended by errata 2025-09 6.2.44 (Authorized local, EVConnectedPreSession, EnergyTransferStarted); the eventType of the authorization event is checked after the state.',
  async run(ctx) {
    await withSession(ctx, async (session) => {
      await ctx.step('1. authorize locally (Authorized, local)', () => authorized(session, 'local'));
      await ctx.step('1. the authorization event started the transaction', () => ctx.check.equal('TransactionEventRequest.eventType', session.authorizationEvent?.eventType, 'Started'));
      await ctx.step('2. connect the EV (EVConnectedPreSession)', () => evConnectedPreSession(session));
      await ctx.step('3. energy starts to flow (EnergyTransferStarted)', () => energyTransferStarted(session));
    });
  },
});
