/** TC_G_17_CSMS: the CSMS sets a connector Inoperative during its transaction; the station schedules it and turns it Unavailable once the session is over. */
import { defineTestCase } from '../../../src/engine/testcase';
import { availabilityChangedBy, connectorsBackToAvailable, connectorsReportedTo, energyTransferStarted, evDisconnected, leaveIdle, newTransaction } from '../states';

export default defineTestCase({
  id: 'TC_G_17_CSMS',
  name: 'Change Availability Connector - With ongoing transaction',
  sut: 'CSMS',
  useCases: ['G03'],
  requirements: [],
  detects: ['availability.evseDropped'],
  notes: 'Before: EnergyTransferStarted on the configured connector. The harness answers Scheduled, runs StopAuthorized, EVConnectedPostSession and EVDisconnected, then reports the connector Unavailable.',
  async run(ctx) {
    const tx = newTransaction(ctx.config);
    const { evseId, connectorId } = ctx.config.configured;
    await energyTransferStarted(ctx, tx);
    await availabilityChangedBy(ctx, { evseId, connectorId }, 'Inoperative', 'Scheduled');
    await ctx.step('3-5. Reusable States StopAuthorized, EVConnectedPostSession and EVDisconnected', () => evDisconnected(ctx, tx));
    await connectorsReportedTo(ctx, '6-7. harness reports the connector Unavailable; the CSMS answers', [tx.evse], 'Unavailable');
    await leaveIdle(ctx, tx);
    await connectorsBackToAvailable(ctx);
  },
});
