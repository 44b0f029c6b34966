/** TC_E_13_CS: with TxStartPoint Authorized, RequestStartTransaction starts the transaction with triggerReason RemoteStart. */
import { defineTestCase } from '../../../src/engine/testcase';
import { AUTHORIZATION_ON, authorized, energyTransferStarted, evConnectedPreSession, txStartPoint, withSession } from '../states';

export default defineTestCase({
  id: 'TC_E_13_CS',
  name: 'Start transaction options - Authorized - Remote',
  sut: 'CS',
  useCases: ['E01', 'F02'],
  requirements: ['E01.FR.03', 'F01.FR.03', 'F01.FR.04', 'F01.FR.06', 'F01.FR.19', 'F02.FR.01'],
  detects: ['remoteStart.notRemote', 'transaction.noIdToken'],
  configuration: [txStartPoint('Authorized'), ...AUTHORIZATION_ON],
  notes:
    'TxStartPoint is set to Authorized alone. Main scenario as extended by errata 2025-09 6.2.44 (Authorized remote, EVConnectedPreSession, ' +
    'EnergyTransferStarted); the checks of the original steps 2-5 are those of Authorized (remote).',
  async run(ctx) {
    await withSession(ctx, async (session) => {
      await ctx.step('1-6. start remotely (Authorized, remote)', () => authorized(session, 'remote'));
      await ctx.step('7. connect the EV (EVConnectedPreSession)', () => evConnectedPreSession(session));
      await ctx.step('8. energy starts to flow (EnergyTransferStarted)', () => energyTransferStarted(session));
    });
  },
});
