/** TC_G_11_CSMS: the CSMS sets an EVSE Inoperative during its transaction; the station schedules it and turns it Unavailable once the session is over. */
import { defineTestCase } from '../../../src/engine/testcase';
import { availabilityChangedBy, connectorsBackToAvailable, connectorsReportedTo, energyTransferStarted, evDisconnected, leaveIdle, newTransaction, targetConnectors } from '../states';

export default defineTestCase({
  id: 'TC_G_11_CSMS',
  name: 'Change Availability EVSE - With ongoing transaction',
  sut: 'CSMS',
  useCases: ['G03'],
  requirements: [],
  detects: ['availability.evseDropped', 'availability.connectorAdded'],
  notes:
    'Before: EnergyTransferStarted on <Configured evseId>. The harness answers Scheduled, then runs StopAuthorized (which waits ' +
    '<Configured Transaction Duration> first), EVConnectedPostSession and EVDisconnected, and reports the connectors of the EVSE ' +
    'Unavailable. The post scenario validation (the CSMS answered a report of every connector) is met when every report step passed.',
  async run(ctx) {
    const tx = newTransaction(ctx.config);
    const { evseId } = ctx.config.configured;
    await energyTransferStarted(ctx, tx);
    await availabilityChangedBy(ctx, { evseId }, 'Inoperative', 'Scheduled');
    await ctx.step('3-5. Reusable States StopAuthorized, EVConnectedPostSession and EVDisconnected', () => evDisconnected(ctx, tx));
    await connectorsReportedTo(ctx, '6-7. harness reports the connectors of the EVSE Unavailable; the CSMS answers', targetConnectors(ctx, { evseId }), 'Unavailable');
    await leaveIdle(ctx, tx);
    await connectorsBackToAvailable(ctx);
  },
});
