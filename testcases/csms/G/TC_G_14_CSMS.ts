/** TC_G_14_CSMS: the CSMS sets the station Inoperative during a transaction; idle connectors turn Unavailable at once, the busy one after the session. */
import { defineTestCase } from '../../../src/engine/testcase';
import { availabilityChangedBy, connectorsBackToAvailable, connectorsReportedTo, energyTransferStarted, evDisconnected, leaveIdle, newTransaction, targetConnectors } from '../states';

export default defineTestCase({
  id: 'TC_G_14_CSMS',
  name: 'Change Availability Charging Station - With ongoing transaction',
  sut: 'CSMS',
  useCases: ['G04'],
  requirements: [],
  detects: ['availability.connectorAdded'],
  notes:
    'Before: EnergyTransferStarted on <Configured evseId>. The harness answers Scheduled, reports every connector of the other ' +
    'EVSEs Unavailable (none on a station with one EVSE), runs StopAuthorized, EVConnectedPostSession and EVDisconnected, then ' +
    'reports the configured connector Unavailable.',
  async run(ctx) {
    const tx = newTransaction(ctx.config);
    await energyTransferStarted(ctx, tx);
    await availabilityChangedBy(ctx, {}, 'Inoperative', 'Scheduled');
    const idle = targetConnectors(ctx, {}).filter((c) => c.id !== tx.evse.id);
    await connectorsReportedTo(ctx, '3-4. harness reports the connectors without a transaction Unavailable; the CSMS answers', idle, 'Unavailable');
    await ctx.step('5-7. Reusable States StopAuthorized, EVConnectedPostSession and EVDisconnected', () => evDisconnected(ctx, tx));
    await connectorsReportedTo(ctx, '8-9. harness reports the configured connector Unavailable; the CSMS answers', [tx.evse], 'Unavailable');
    await leaveIdle(ctx, tx);
    await connectorsBackToAvailable(ctx);
  },
});
