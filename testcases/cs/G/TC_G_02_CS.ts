/** TC_G_02_CS: unplugging the EV turns the connector Available again, and the station says so. */
import { defineTestCase } from '../../../src/engine/testcase';
import { connectorReported, evConnectedPreSession, withSession } from '../states';

export default defineTestCase({
  id: 'TC_G_02_CS',
  name: 'Connector status Notification - Occupied to Available',
  sut: 'CS',
  useCases: ['G01', 'N07'],
  requirements: ['G01.FR.01', 'N07.FR.19'],
  detects: ['connector.noAvailableStatus'],
  notes:
    'Before: EVConnectedPreSession. The EV is then unplugged at both ends and the connector must be reported Available, by ' +
    'StatusNotification or by NotifyEvent (trigger Delta, Connector.AvailabilityState). Whatever the station does with a ' +
    'transaction it started on plugging in is not judged here; the clean-up ends it.',
  async run(ctx) {
    await withSession(ctx, async (session) => {
      await ctx.step('Before: reach state EVConnectedPreSession', () => evConnectedPreSession(session));
      await session.act('Manual action: disconnect the EV and EVSE', { kind: 'unplug', side: 'both', ...session.evse });
      session.evConnected = false;
      await connectorReported(session, 'Available', '3-4. station reports the connector Available');
    });
  },
});
