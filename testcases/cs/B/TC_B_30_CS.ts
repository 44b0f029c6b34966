/** TC_B_30_CS: a station whose boot was Rejected answers a CSMS request with CALLERROR SecurityError. */
import { defineTestCase } from '../../../src/engine/testcase';

export default defineTestCase({
  id: 'TC_B_30_CS',
  name: 'Cold Boot Charging Station - Pending/Rejected - SecurityError',
  sut: 'CS',
  useCases: ['B03'],
  requirements: ['B03.FR.08'],
  precondition: 'none',
  detects: ['boot.rejectedAnswersCalls'],
  notes:
    'The station is rebooted (manual action) so that its first BootNotification can be rejected. The interval of the Rejected answer is the ' +
    'message timeout in seconds (Part 6 gives none): long enough for the GetBaseReport exchange, short enough for the next case to find the station ' +
    'booting again and accept it. Part 6 lists no tool validation, yet its step 4 is the point of the case: any answer other than CALLERROR ' +
    'SecurityError fails it. A station that closes the connection after the Rejected answer is not sent the request (Part 6 note), and the case ' +
    'passes without it.',
  async run(ctx) {
    const { step, csms, check, config } = ctx;
    // Armed before the reboot: the harness answers this BootNotification itself, whenever it comes. Only a boot on the
    // connection the reboot opens counts (a slow boot still in flight on the old one is not this case's).
    const before = csms.connection;
    const booting = csms.expect('BootNotification', { acrossReconnect: true, timeoutMs: config.timeouts.connectMs, where: (c) => c.connection !== before, description: 'a BootNotification on the connection after the reboot' });
    await step('Manual action: reboot the station', () => ctx.perform({ kind: 'reboot' }));
    await step('1-2. station sends BootNotificationRequest, harness answers Rejected', async () => {
      csms.answerBoot(await booting, 'Rejected', Math.ceil(config.timeouts.messageMs / 1000));
    });
    await step('3-4. harness asks for a FullInventory base report, station answers CALLERROR SecurityError', async () => {
      if (!csms.connection) {
        await step('The station closed the connection after the Rejected answer: the request is not sent', () => undefined);
        return;
      }
      // Silence, a bad answer or a close fail the case like any other exchange; only the answer's kind is judged here.
      const answer = await csms.tryCall('GetBaseReport', { requestId: Math.floor(Math.random() * 1_000_000), reportBase: 'FullInventory' });
      if ('response' in answer) check.that('answer to GetBaseReportRequest', false, 'CALLERROR SecurityError', `a CALLRESULT with status ${answer.response.status}`);
      else check.equal('answer to GetBaseReportRequest (CALLERROR code)', answer.error.code, 'SecurityError');
    });
  },
});
