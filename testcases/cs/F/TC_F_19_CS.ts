/** TC_F_19_CS: asked for its firmware status while it downloads an image, the station reports Downloading. */
import { defineTestCase } from '../../../src/engine/testcase';
import type { IncomingCall } from '../../../src/ocpp/connection';
import { triggerAnswered, updateFirmware, withFirmwareFiles } from '../states';

/** Statuses that end a firmware update which failed its signature or download. */
const END_STATES = new Set(['InvalidSignature', 'DownloadFailed', 'InstallVerificationFailed', 'InstallationFailed', 'Installed', 'SignatureVerified']);

export default defineTestCase({
  id: 'TC_F_19_CS',
  name: 'Trigger message - FirmwareStatusNotification - Downloading',
  sut: 'CS',
  useCases: ['F06'],
  requirements: ['F06.FR.04', 'F06.FR.05', 'F06.FR.10', 'L01.FR.26'],
  detects: ['trigger.rejected', 'trigger.notSent'],
  notes:
    'Errata 2025-02 6.2.59: the update is given an invalid signature so it never installs; the harness serves its slow image ' +
    '(configured.firmware.slowTransferSeconds) so the download is still running when the trigger comes, with the signature of ' +
    'another image. What the station sends after step 8 (the failed signature check) is taken by the clean-up and not judged.',
  async run(ctx) {
    await withFirmwareFiles(ctx, async (files) => {
      const offer = { ...files.slow, signature: files.badSignature.signature };
      const { response, flow } = await ctx.step('1-2. harness sends UpdateFirmwareRequest (slow image, invalid signature), station accepts', async () => {
        const update = await updateFirmware(ctx, { offer });
        ctx.check.equal('UpdateFirmwareResponse.status', update.response.status, 'Accepted');
        return update;
      });
      if (response.status !== 'Accepted') return;
      await ctx.step('3-4. station sends FirmwareStatusNotificationRequest (Downloading)', () => flow.status('Downloading'));
      await triggerAnswered(ctx, '5-6. harness sends TriggerMessageRequest (FirmwareStatusNotification), station accepts', { requestedMessage: 'FirmwareStatusNotification' }, 'Accepted');
      await ctx.step('7-8. station sends FirmwareStatusNotificationRequest (Downloading) again', () => flow.status('Downloading'));
      await ctx.step('Afterwards: the update ends on its invalid signature (clean-up, not judged; errata 2025-02 6.2.59)', async () => {
        const limitMs = (ctx.config.configured.firmware.slowTransferSeconds + 1) * 1000 + 2 * ctx.config.timeouts.messageMs;
        const deadline = Date.now() + limitMs;
        try {
          for (;;) {
            const call = (await ctx.csms.expect(['FirmwareStatusNotification', 'SecurityEventNotification'], { timeoutMs: Math.max(1, deadline - Date.now()), description: 'the end of the firmware update' })) as IncomingCall<'FirmwareStatusNotification'>;
            if (!call.isAnswered) call.respond({});
            if (call.action === 'FirmwareStatusNotification' && END_STATES.has(call.payload.status)) return;
          }
        } catch {
          // Not judged: the case is over.
        }
      });
    });
  },
});
