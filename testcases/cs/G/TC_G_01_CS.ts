/** TC_G_01_CS: plugging in the EV turns the connector Occupied, and the station says so. */
import { defineTestCase } from '../../../src/engine/testcase';
import { evConnectedPreSession, withSession } from '../states';

export default defineTestCase({
  id: 'TC_G_01_CS',
  name: 'Connector status Notification - Available to Occupied',
  sut: 'CS',
  useCases: ['G01', 'N07'],
  requirements: ['G01.FR.01', 'N07.FR.19'],
  detects: ['connector.noOccupiedStatus'],
  notes:
    'The whole case is the reusable state EVConnectedPreSession; its step that the connector is reported Occupied (by ' +
    'StatusNotification or by NotifyEvent on Connector.AvailabilityState) is what this case is about. A transaction the ' +
    'station starts on plugging in is ended afterwards by the clean-up.',
  async run(ctx) {
    await withSession(ctx, async (session) => {
      await ctx.step('1. connect the EV (EVConnectedPreSession)', () => evConnectedPreSession(session));
    });
  },
});
