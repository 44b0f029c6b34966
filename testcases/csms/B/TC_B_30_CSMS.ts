/** TC_B_30_CSMS: a CSMS that has not accepted a station's boot refuses its other CALLs with CALLERROR SecurityError. */
import { defineTestCase } from '../../../src/engine/testcase';
import { askCsms, bootNotAccepted, connectorReports, refusedWith } from '../states';

export default defineTestCase({
  id: 'TC_B_30_CSMS',
  name: 'Cold Boot Charging Station - Pending/Rejected - SecurityError',
  sut: 'CSMS',
  useCases: ['B02', 'B03'],
  requirements: ['B02.FR.09', 'B03.FR.07'],
  precondition: 'none',
  detects: ['boot.ignoresPendingSetup', 'boot.pendingAcceptsMessages'],
  notes:
    'The prerequisite (the CSMS answers the first BootNotification with Pending or Rejected) is the answerNextBootWithPending driver ' +
    'action; a CSMS that answers Rejected instead passes step 2 as well. Step 4 is the purpose of the case, so each connector report is ' +
    'judged: the CSMS must answer every StatusNotificationRequest and the NotifyEventRequest with CALLERROR SecurityError. The station is ' +
    'left unaccepted; the next case boots it again.',
  async run(ctx) {
    const { step, config } = ctx;
    await step('Prerequisite: the CSMS answers the next BootNotification with Pending (or Rejected)', () => askCsms(ctx, { kind: 'answerNextBootWithPending', stationId: config.station.id }));
    await bootNotAccepted(ctx, '1-2. harness connects and sends BootNotificationRequest (PowerUp)');
    await step('3-4. harness reports every connector as Available, CSMS refuses each report with CALLERROR SecurityError', async () => {
      const reports = connectorReports(config);
      for (const status of reports.statusNotifications) await refusedWith(ctx, 'StatusNotification', status, 'SecurityError');
      await refusedWith(ctx, 'NotifyEvent', reports.notifyEvent, 'SecurityError');
    });
  },
});
