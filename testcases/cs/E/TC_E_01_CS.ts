/** TC_E_01_CS: with TxStartPoint PowerPathClosed, an authorized session starts its transaction only when the power path closes. */
import { defineTestCase } from '../../../src/engine/testcase';
import { authorized, energyTransferStarted, evConnectedPreSession, txStartPoint, withSession } from '../states';

export default defineTestCase({
  id: 'TC_E_01_CS',
  name: 'Start transaction options - PowerPathClosed',
  sut: 'CS',
  useCases: ['E01'],
  requirements: ['E01.FR.05', 'E01.FR.07', 'E01.FR.10', 'E01.FR.15', 'E01.FR.16'],
  detects: ['txStartPoint.ignored', 'transaction.noEvse', 'transaction.noIdToken'],
  configuration: [txStartPoint('PowerPathClosed')],
  notes:
    'TxStartPoint is set to PowerPathClosed alone (the prerequisite excludes the other start points). The main scenario follows ' +
    'errata 2025-09 6.2.44: EVConnectedPreSession, then EnergyTransferStarted until the station charges. The Before state Authorized ' +
    'uses configured.startTransactionVia.',
  async run(ctx) {
    await withSession(ctx, async (session) => {
      await ctx.step('Before: reach state Authorized', () => authorized(session));
      await ctx.step('1. connect the EV (EVConnectedPreSession)', () => evConnectedPreSession(session));
      await ctx.step('2. energy starts to flow (EnergyTransferStarted)', () => energyTransferStarted(session));
    });
  },
});
