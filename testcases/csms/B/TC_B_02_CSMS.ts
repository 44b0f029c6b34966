/** TC_B_02_CSMS: a CSMS set up to hold a station in Pending answers Pending first, then Accepted after the interval. */
import { defineTestCase } from '../../../src/engine/testcase';
import { askCsms, powerUp, reportConnectorsAvailable } from '../states';

export default defineTestCase({
  id: 'TC_B_02_CSMS',
  name: 'Cold Boot Charging Station - Pending',
  sut: 'CSMS',
  useCases: ['B02'],
  requirements: ['B02.FR.01', 'B02.FR.06'],
  precondition: 'none',
  detects: ['boot.ignoresPendingSetup', 'boot.rejectsStation'],
  notes:
    'The Part 6 prerequisite (the CSMS answers the first BootNotification with Pending) is a driver action. Between the two ' +
    'BootNotifications the harness serves the CSMS for the interval it returned (or the configured heartbeatInterval when it returned 0). ' +
    'Part 6 has the tool answer whatever the CSMS asks meanwhile, so a Pending station answers as a real one does, from its simulated ' +
    'device model: GetVariables and SetVariables, GetBaseReport and GetReport (Accepted, then the NotifyReport parts), TriggerMessage ' +
    '(a BootNotification with reason Triggered while still Pending), and schema-valid defaults for the rest; none of it is judged. The second tool validation is listed under step 3 in Part 6; it is the answer of step 4.',
  async run(ctx) {
    const { step, station, check, config } = ctx;
    await step('Prerequisite: the CSMS answers the next BootNotification with Pending', () => askCsms(ctx, { kind: 'answerNextBootWithPending', stationId: config.station.id }));
    const first = await powerUp(ctx, '1-2. harness connects and sends BootNotificationRequest (PowerUp)', 'Pending');
    const waitSeconds = first.interval > 0 ? first.interval : config.configured.heartbeatInterval;
    await step(`harness waits ${waitSeconds} s, answering the CSMS's requests`, () => station.serveFor(waitSeconds * 1000));
    await step('3-4. harness sends BootNotificationRequest (PowerUp) again', async () => {
      const second = await station.boot('PowerUp');
      check.equal('BootNotificationResponse.status', second.status, 'Accepted');
    });
    await reportConnectorsAvailable(ctx, '5-6. harness reports every connector as Available');
  },
});
