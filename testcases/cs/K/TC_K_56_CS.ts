/** TC_K_56_CS: an ISO 15118 EV that negotiates while the station is offline charges within the TxDefaultProfile, reported once the station is back. */
import type { RunConfig } from '../../../src/engine/config';
import { defineTestCase } from '../../../src/engine/testcase';
import {
  buildProfile,
  chargingReported,
  connectionClosed,
  evScheduleReported,
  iso15118ChargingRequired,
  iso15118SessionAuthorized,
  profileInstalled,
  secondsFromNow,
  setting,
  waitRetryBackOff,
  withSession,
} from '../states';

export default defineTestCase({
  id: 'TC_K_56_CS',
  name: 'Charging with load leveling based on High Level Communication - Offline',
  sut: 'CS',
  useCases: ['K15', 'K17'],
  requirements: ['K15.FR.15', 'K17.FR.15'],
  detects: ['iso15118.offlineNoFallback'],
  applicable: iso15118ChargingRequired,
  configuration: [setting('OCPPCommCtrlr', 'RetryBackOffWaitMinimum', (c: RunConfig) => String(c.configured.retryBackOffWaitMinimum))],
  notes:
    'Errata 2025-09 6.2.78 and 6.2.80: EVConnectedPreSession comes before Authorized (local); the EV schedule must be in <Configured chargingRateUnit>, ' +
    'start at 0 and stay at or below 8 times the limit multiplier (6.2.69; the TxDefaultProfile of the Before has 6). The NotifyEVChargingNeedsRequest the ' +
    'authorization brings is left unanswered: the harness closes the connection then (step 1), so the station negotiates offline. Part 6 lets the station ' +
    'back after 90 s; the harness waits <Configured RetryBackOffWaitMinimum> (the Before sets it) and then accepts the reconnection.',
  async run(ctx) {
    const { evseId, maxTimeDeviationSeconds: deviation } = ctx.config.configured;
    const now = Date.now();
    const start = secondsFromNow(-deviation, now);
    await profileInstalled(
      ctx,
      'Before: a TxDefaultProfile with limit 6 is installed on the configured EVSE',
      evseId,
      buildProfile(ctx.config, { purpose: 'TxDefaultProfile', validFrom: start, validTo: secondsFromNow(deviation + 401, now), startSchedule: start, duration: 400 }),
    );
    await withSession(ctx, async (session) => {
      const { needs } = await iso15118SessionAuthorized(session);
      await ctx.step('Before: the station sends NotifyEVChargingNeedsRequest; the harness leaves it unanswered', () => needs);
      const offline = await connectionClosed(ctx, '1. harness closes the connection and refuses reconnects');
      await waitRetryBackOff(session, 0, ', while the EV negotiates offline');
      await offline.reconnect('2. harness accepts the reconnection of the station');
      await evScheduleReported(session, '3-4. station sends the EV schedule it made offline (NotifyEVChargingScheduleRequest, optional), harness accepts', buildProfile(ctx.config, { purpose: 'TxDefaultProfile', periods: [[0, 8]] }));
      await chargingReported(session, '5-6. station sends the queued TransactionEventRequest (Charging, offline)', { offline: true });
    });
  },
});
