/** TC_B_02_CS: a station held in Pending takes configuration and reports, refuses to start a transaction, and boots again on a trigger. */
import { defineTestCase } from '../../../src/engine/testcase';
import { allConnectorsReported } from '../states';

export default defineTestCase({
  id: 'TC_B_02_CS',
  name: 'Cold Boot Charging Station - Pending',
  sut: 'CS',
  useCases: ['B02', 'F06'],
  requirements: ['B02.FR.01', 'B02.FR.02', 'B02.FR.04', 'B02.FR.05', 'B02.FR.06', 'B02.FR.08', 'F06.FR.17'],
  precondition: 'none',
  detects: ['boot.pendingStartsTransaction', 'boot.triggerIgnored', 'variables.setRejected', 'boot.noConnectorStatus'],
  notes:
    'RequestStartTransaction is sent once the last NotifyReport (tbc false) has arrived. Step 15 checks reason Triggered only when the ' +
    'TriggerMessage was Accepted; when it was NotImplemented the station must still boot again after the Pending interval. ' +
    'The Part 6 prerequisites (TC_B_06/09/13) are not enforced by the harness.',
  async run(ctx) {
    const { step, csms, check, config } = ctx;
    // Armed before the reboot: the harness answers this BootNotification itself, whenever it comes. Only a boot on the
    // connection the reboot opens counts (a slow boot still in flight on the old one is not this case's).
    const before = csms.connection;
    const booting = csms.expect('BootNotification', { acrossReconnect: true, timeoutMs: config.timeouts.connectMs, where: (c) => c.connection !== before, description: 'a BootNotification on the connection after the reboot' });
    await step('Manual action: reboot the station', () => ctx.perform({ kind: 'reboot' }));
    await step('1-2. station sends BootNotificationRequest, harness answers Pending', async () => {
      csms.answerBoot(await booting, 'Pending');
    });
    const offlineThreshold = { component: { name: 'OCPPCommCtrlr' }, variable: { name: 'OfflineThreshold' } };
    await step('3-4. harness sets OCPPCommCtrlr.OfflineThreshold to 300', async () => {
      const set = await csms.call('SetVariables', { setVariableData: [{ ...offlineThreshold, attributeValue: '300' }] });
      check.equal('SetVariablesResponse.setVariableResult[0].attributeStatus', set.setVariableResult[0]?.attributeStatus, 'Accepted');
    });
    await step('5-6. harness reads OCPPCommCtrlr.OfflineThreshold', async () => {
      const get = await csms.call('GetVariables', { getVariableData: [offlineThreshold] });
      check.equal('GetVariablesResponse.getVariableResult[0].attributeStatus', get.getVariableResult[0]?.attributeStatus, 'Accepted');
    });
    const requestId = Math.floor(Math.random() * 1_000_000);
    await step('7-8. harness asks for a FullInventory base report', async () => {
      const report = await csms.call('GetBaseReport', { requestId, reportBase: 'FullInventory' });
      check.equal('GetBaseReportResponse.status', report.status, 'Accepted');
    });
    await step('9-10. station sends NotifyReportRequest until tbc is false', async () => {
      for (let seqNo = 0; ; seqNo++) {
        const notify = await csms.expect('NotifyReport', { where: (c) => c.payload.requestId === requestId, description: `NotifyReport ${seqNo} of request ${requestId}` });
        check.equal(`NotifyReportRequest[${seqNo}].seqNo`, notify.payload.seqNo, seqNo);
        notify.respond({});
        if (!notify.payload.tbc) break;
      }
    });
    await step('11-12. harness asks to start a transaction', async () => {
      const start = await csms.call('RequestStartTransaction', { idToken: { idToken: 'OCPPCT-PENDING', type: 'Central' }, remoteStartId: requestId, evseId: config.station.evses[0].id });
      check.equal('RequestStartTransactionResponse.status', start.status, 'Rejected');
    });
    const triggeredAt = Date.now();
    const trigger = await step('13-14. harness triggers a BootNotification', async () => {
      const response = await csms.call('TriggerMessage', { requestedMessage: 'BootNotification' });
      check.oneOf('TriggerMessageResponse.status', response.status, ['Accepted', 'NotImplemented']);
      return response;
    });
    await step('15-16. station sends BootNotificationRequest, harness accepts it', async () => {
      const boot = await csms.expect('BootNotification', { acrossReconnect: true, where: (c) => c.receivedAt.getTime() >= triggeredAt, timeoutMs: trigger.status === 'Accepted' ? config.timeouts.messageMs : config.configured.heartbeatInterval * 1000 + config.timeouts.messageMs });
      if (trigger.status === 'Accepted') check.equal('BootNotificationRequest.reason', boot.payload.reason, 'Triggered');
      csms.answerBoot(boot, 'Accepted');
    });
    await allConnectorsReported(ctx, '17-18. station reports every connector as Available');
  },
});
