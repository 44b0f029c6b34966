/** TC_B_51_CS: the EV is plugged in while the station is offline longer than OfflineThreshold; back online the station reports every connector. */
import { defineTestCase } from '../../../src/engine/testcase';
import { connectionClosed, offlineThresholdSettings, statusesAfterOffline, withSession } from '../states';

export default defineTestCase({
  id: 'TC_B_51_CS',
  name: 'Status change during offline period - > Offline Threshold',
  sut: 'CS',
  useCases: ['B04'],
  requirements: ['B04.FR.01'],
  detects: ['offline.onlyChangedReported', 'offline.statusChangesLost'],
  configuration: offlineThresholdSettings(2),
  notes:
    'The harness refuses every reconnection attempt until <Configured offlineThreshold> has passed since it closed the connection (a wait ' +
    'Part 6 prescribes), then accepts the next one, so the station comes back after more than the threshold. Each connector of the ' +
    'configured layout (station.evses) must then be reported once, by StatusNotificationRequest or NotifyEventRequest, in any order: the ' +
    'configured one Occupied, every other one Available. Part 6 names eventData[0].evse.id; the EVSE and connector of a NotifyEvent are read ' +
    'from eventData.component.evse, where OCPP puts them. A BootNotification on the new connection is accepted. With a single EVSE ' +
    'this is the check of TC_B_52_CS, as Part 6 says.',
  async run(ctx) {
    const { config } = ctx;
    const threshold = config.configured.offlineThreshold;
    await withSession(ctx, async (session) => {
      const offlineFrom = ctx.csms.connection;
      const closedAt = Date.now();
      const offline = await connectionClosed(ctx, '1. harness closes the WebSocket and refuses reconnects');
      await session.act('2. Manual action: connect the EV and EVSE', { kind: 'plugIn', side: 'both', ...session.evse });
      session.evConnected = true;
      await ctx.step(`Wait until <Configured offlineThreshold> (${threshold} s) has passed since the connection closed`, () =>
        session.monitor.watch(Math.max(0, closedAt + threshold * 1000 - Date.now())),
      );
      await offline.reconnect('3. harness accepts the next reconnection attempt');
      const connectors = config.station.evses.flatMap((evse) => evse.connectors.map((connectorId) => ({ evseId: evse.id, connectorId })));
      const configured = (c: { evseId: number; connectorId: number }) => c.evseId === session.evse.evseId && c.connectorId === session.evse.connectorId;
      await statusesAfterOffline(session, '4-5. station reports the status of every connector, harness answers', closedAt, connectors, (c) => (configured(c) ? 'Occupied' : 'Available'), offlineFrom);
    });
  },
});
