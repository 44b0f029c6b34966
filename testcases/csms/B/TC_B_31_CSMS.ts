/** TC_B_31_CSMS: a CSMS holding a station in Pending triggers its BootNotification before the interval ends and then accepts it. */
import { defineTestCase } from '../../../src/engine/testcase';
import { askCsms, bootNotAccepted, csmsSendsAfter, reportConnectorsAvailable } from '../states';

export default defineTestCase({
  id: 'TC_B_31_CSMS',
  name: 'Cold Boot Charging Station - Pending/Rejected - TriggerMessage',
  sut: 'CSMS',
  useCases: ['B02', 'F06'],
  requirements: [],
  precondition: 'none',
  detects: ['boot.ignoresPendingSetup', 'boot.pendingAfterTrigger'],
  notes:
    'The prerequisite (the first answer is Pending or Rejected) is the answerNextBootWithPending driver action. Part 6 does not say ' +
    'what makes the CSMS send the TriggerMessageRequest, so the harness asks the CSMS side for it with the triggerBootNotification ' +
    'driver action (an operator of a CSMS that triggers by itself has nothing to do) and waits for it without waiting out the interval.',
  async run(ctx) {
    const { step, station, check, config } = ctx;
    await step('Prerequisite: the CSMS answers the next BootNotification with Pending (or Rejected)', () => askCsms(ctx, { kind: 'answerNextBootWithPending', stationId: config.station.id }));
    await bootNotAccepted(ctx, '1-2. harness connects and sends BootNotificationRequest (PowerUp)');
    await step('3-4. CSMS sends TriggerMessageRequest, harness accepts it', async () => {
      const call = await csmsSendsAfter(ctx, { kind: 'triggerBootNotification', stationId: config.station.id }, 'TriggerMessage', (c) => c.respond({ status: 'Accepted' }));
      check.equal('TriggerMessageRequest.requestedMessage', call.payload.requestedMessage, 'BootNotification');
    });
    await step('5-6. harness sends BootNotificationRequest (Triggered)', async () => {
      const response = await station.boot('Triggered');
      check.equal('BootNotificationResponse.status', response.status, 'Accepted');
    });
    await reportConnectorsAvailable(ctx, '7-8. harness reports every connector as Available');
  },
});
