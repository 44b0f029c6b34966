/** TC_G_20_CSMS: the CSMS takes the station's report that a connector failed to lock. */
import { defineTestCase } from '../../../src/engine/testcase';
import { nextEventId } from '../../../src/actors/ids';

export default defineTestCase({
  id: 'TC_G_20_CSMS',
  name: 'Connector status Notification - Lock Failure',
  sut: 'CSMS',
  useCases: ['G05'],
  requirements: ['G05.FR.03'],
  detects: ['lockEvent.refused'],
  notes: 'The event names ConnectorPlugRetentionLock of the configured connector, variable Problem, actualValue true, trigger Delta; the CSMS must answer with a NotifyEventResponse.',
  async run(ctx) {
    const { evseId, connectorId } = ctx.config.configured;
    await ctx.step('1-2. harness sends NotifyEventRequest (ConnectorPlugRetentionLock.Problem true); the CSMS answers', () => {
      const timestamp = new Date().toISOString();
      return ctx.station.call('NotifyEvent', {
        generatedAt: timestamp,
        seqNo: 0,
        eventData: [
          {
            eventId: nextEventId(),
            timestamp,
            trigger: 'Delta',
            actualValue: 'true',
            eventNotificationType: 'HardWiredNotification',
            component: { name: 'ConnectorPlugRetentionLock', evse: { id: evseId, connectorId } },
            variable: { name: 'Problem' },
          },
        ],
      });
    });
  },
});
