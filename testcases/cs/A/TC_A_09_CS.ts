/** TC_A_09_CS: the station accepts a new BasicAuthPassword and connects again with it. */
import { randomBytes } from 'node:crypto';
import { defineTestCase } from '../../../src/engine/testcase';
import { acceptedUpgrade, allConnectorsReported, bootAccepted, endpointsOf, withSecurityProfile } from '../states';

/** A fresh passwordString of 24 characters: a new one each run. */
const newPassword = (): string => `ocppct-${randomBytes(12).toString('base64').replace(/[^A-Za-z0-9]/g, 'x').slice(0, 17)}`;

const BASIC_AUTH_PASSWORD = { component: { name: 'SecurityCtrlr' }, variable: { name: 'BasicAuthPassword' } } as const;

export default defineTestCase({
  id: 'TC_A_09_CS',
  name: 'Update Charging Station Password for HTTP Basic Authentication - Accepted',
  sut: 'CS',
  useCases: ['A01'],
  requirements: ['A01.FR.01', 'A01.FR.11', 'A01.FR.12', 'B01.FR.01'],
  detects: ['security.keepsOldPassword', 'variables.setRejected'],
  applicable: (config) => (config.station.basicAuthPassword === undefined ? 'no station.basicAuthPassword is configured' : undefined),
  notes:
    'The new password is random for each run. When the station answers RebootRequired, the harness asks for a reboot (driver action) and ' +
    'steps 5-8 follow; otherwise the station connects again by itself and any BootNotification it sends is accepted. Afterwards the ' +
    'configured password is set back the same way, so the cases after this one connect as configured.',
  async run(ctx) {
    const { step, csms, check, config } = ctx;
    await withSecurityProfile(ctx, [1, 2], async (profile) => {
      const endpoints = endpointsOf(ctx);
      const configured = config.station.basicAuthPassword as string;
      const password = newPassword();
      const watch = endpoints.watch();
      try {
        const status = await step('1-2. harness sends SetVariablesRequest with a new BasicAuthPassword, station answers', async () => {
          endpoints.password = password;
          const response = await csms.call('SetVariables', { setVariableData: [{ ...BASIC_AUTH_PASSWORD, attributeValue: password }] });
          const result = response.setVariableResult[0].attributeStatus;
          if (result !== 'Accepted' && result !== 'RebootRequired') endpoints.password = configured;
          check.oneOf('SetVariablesResponse setVariableResult[0].attributeStatus', result, ['Accepted', 'RebootRequired']);
          return result;
        });
        if (status === 'RebootRequired') await step('Manual action: reboot the station so the new password takes effect', () => ctx.perform({ kind: 'reboot' }));
        await step('3-4. station connects again with the new password, harness accepts it', () => acceptedUpgrade(ctx, watch, profile === 3 ? undefined : password));
        if (status === 'RebootRequired') {
          await bootAccepted(ctx, '5-6. station sends BootNotificationRequest, harness accepts it');
          await allConnectorsReported(ctx, '7-8. station reports every connector as Available');
        } else {
          await csms.ensureAccepted();
        }
      } finally {
        if (endpoints.password !== configured && csms.connection) {
          await step('Afterwards: set the configured BasicAuthPassword back', async () => {
            endpoints.password = configured;
            await csms.call('SetVariables', { setVariableData: [{ ...BASIC_AUTH_PASSWORD, attributeValue: configured }] });
            await watch.nextAttempt(config.timeouts.connectMs, (a) => !a.refusal);
            await csms.ensureAccepted();
          });
        }
        endpoints.password = configured;
        watch.stop();
      }
    });
  },
});
