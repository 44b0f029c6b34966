/** TC_B_52_CS: the EV is plugged in while the station is offline shorter than OfflineThreshold; back online the station reports the changed connector. */
import { defineTestCase } from '../../../src/engine/testcase';
import { inconclusive } from '../../../src/engine/verdict';
import { attemptLog, connectionClosed, offlineThresholdSettings, statusesAfterOffline, withSession } from '../states';

export default defineTestCase({
  id: 'TC_B_52_CS',
  name: 'Status change during offline period - < Offline Threshold',
  sut: 'CS',
  useCases: ['B04'],
  requirements: ['B04.FR.02'],
  detects: ['offline.statusChangesLost'],
  configuration: offlineThresholdSettings(-2),
  notes:
    'The harness refuses reconnection attempts only until the EV is connected, then accepts the next one. The offline period must stay ' +
    'below <Configured offlineThreshold> for B04.FR.02 to apply: when the accepted attempt comes later than that after the close (e.g. an ' +
    'attempt was refused during a slow manual action and the back-off doubled), the case is inconclusive. The configured connector must ' +
    'then be reported Occupied, by StatusNotificationRequest or NotifyEventRequest; Part 6 does not validate whether the other connectors ' +
    'are reported too (a station that sends a BootNotification on reconnecting reports them all, B01.FR.05), so that is not checked.',
  async run(ctx) {
    const threshold = ctx.config.configured.offlineThreshold;
    const attempts = attemptLog(ctx);
    try {
      await withSession(ctx, async (session) => {
        const offlineFrom = ctx.csms.connection;
        const closedAt = Date.now();
        const offline = await connectionClosed(ctx, '1. harness closes the WebSocket and refuses reconnects');
        await session.act('2. Manual action: connect the EV and EVSE', { kind: 'plugIn', side: 'both', ...session.evse });
        session.evConnected = true;
        await offline.reconnect('3. harness accepts the next reconnection attempt');
        const accepted = [...attempts.attempts].reverse().find((a) => !a.refused);
        const offlineS = ((accepted?.at ?? Date.now()) - closedAt) / 1000;
        if (offlineS >= threshold) throw inconclusive('OCPPCT_PRECONDITION', `the station was offline ${offlineS.toFixed(1)} s, not less than <Configured offlineThreshold> (${threshold} s)`);
        await statusesAfterOffline(session, '4-5. station reports the status of the configured connector, harness answers', closedAt, [session.evse], () => 'Occupied', offlineFrom);
      });
    } finally {
      attempts.stop();
    }
  },
});
