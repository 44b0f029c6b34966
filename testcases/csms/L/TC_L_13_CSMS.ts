/** TC_L_13_CSMS: the CSMS updates the firmware of a station that is charging; the station waits for the transaction to end (its other connectors Unavailable), then downloads and installs. */
import { defineTestCase } from '../../../src/engine/testcase';
import { checkSignedRequest, configuredFirmware, energyTransferStarted, evConnectedPostSession, evDisconnected, firmwareStatuses, firmwareUpdateRequested, newTransaction, otherEvses, rebootedForFirmware, stopAuthorized, untilScheduled } from '../states';

export default defineTestCase({
  id: 'TC_L_13_CSMS',
  name: 'Secure Firmware Update - Unable to download/install firmware with ongoing transaction -',
  sut: 'CSMS',
  useCases: ['L01'],
  requirements: ['L01.FR.01', 'L01.FR.11'],
  detects: ['firmware.updateNotSent', 'firmware.unsigned'],
  notes: 'The harness plays a station with AllowNewSessionsPendingFirmwareUpdate false: it schedules the download until its transaction has ended and reports its other connectors Unavailable meanwhile. Downloading follows once retrieveDateTime (whatever the CSMS chose) has come.',
  async run(ctx) {
    const { step, station } = ctx;
    const tx = newTransaction(ctx.config);
    await energyTransferStarted(ctx, tx);
    const firmware = await configuredFirmware(ctx);
    const request = await firmwareUpdateRequested(ctx, '1-2. CSMS sends UpdateFirmwareRequest, harness answers Accepted', firmware, { retrieve: 'now', install: 'now' }, 'Accepted');
    await step('Step 1 validation: the request carries the configured signing certificate and signature', () => checkSignedRequest(ctx, request, firmware));
    await firmwareStatuses(ctx, request.requestId, 3, ['DownloadScheduled']);
    await step('5-6. harness reports every connector without a transaction as Unavailable', async () => {
      for (const evse of otherEvses(ctx.config)) await station.call('StatusNotification', { timestamp: new Date().toISOString(), connectorStatus: 'Unavailable', evseId: evse.id, connectorId: evse.connectorId });
    });
    await step('7. Reusable State StopAuthorized', () => stopAuthorized(ctx, tx));
    await step('8. Reusable State EVConnectedPostSession', () => evConnectedPostSession(ctx, tx));
    await step('9. Reusable State EVDisconnected', () => evDisconnected(ctx, tx));
    await step('harness waits until retrieveDateTime, if it is still ahead (the Part 6 wait before step 10)', () => untilScheduled(ctx, request.firmware.retrieveDateTime));
    const next = await firmwareStatuses(ctx, request.requestId, 10, ['Downloading', 'Downloaded', 'SignatureVerified', 'Installing', 'InstallRebooting']);
    const after = await rebootedForFirmware(ctx, next);
    await firmwareStatuses(ctx, request.requestId, after, ['Installed']);
  },
});
