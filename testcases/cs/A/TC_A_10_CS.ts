/** TC_A_10_CS: the station rejects a BasicAuthPassword shorter than 16 characters and keeps connecting with the old one. */
import { defineTestCase } from '../../../src/engine/testcase';
import { basicAuthHeader } from '../../../src/transport/security';
import { booted, endpointsOf, withSecurityProfile } from '../states';

export default defineTestCase({
  id: 'TC_A_10_CS',
  name: 'Update Charging Station Password for HTTP Basic Authentication - Rejected',
  sut: 'CS',
  useCases: ['A01'],
  requirements: ['A01.FR.01', 'A01.FR.11', 'A01.FR.12'],
  detects: ['security.acceptsShortPassword'],
  applicable: (config) => (config.station.basicAuthPassword === undefined ? 'no station.basicAuthPassword is configured' : undefined),
  notes:
    'The reconnection of steps 3-4 is the one of Reusable State Booted (step 5), entered with a ResetRequest; its Authorization header ' +
    'is checked after Booted, which also covers the post scenario validation (the password is still the configured one).',
  async run(ctx) {
    const { step, csms, check, config } = ctx;
    await withSecurityProfile(ctx, [1, 2], async () => {
      const watch = endpointsOf(ctx).watch();
      try {
        await step('1-2. harness sends SetVariablesRequest with a 15-character BasicAuthPassword, station answers', async () => {
          const response = await csms.call('SetVariables', { setVariableData: [{ component: { name: 'SecurityCtrlr' }, variable: { name: 'BasicAuthPassword' }, attributeValue: 'ocppct-tooshort' }] });
          check.equal('SetVariablesResponse setVariableResult[0].attributeStatus', response.setVariableResult[0].attributeStatus, 'Rejected');
        });
        await step('5. Reusable State Booted', () => booted(ctx, 'reset'));
        await step('3-4. the reconnection carried the old password, and the harness accepted it', async () => {
          const attempt = await watch.nextAttempt(0, (a) => !a.refusal);
          check.equal('Authorization header', attempt?.authorization, basicAuthHeader(config.station.id, config.station.basicAuthPassword as string));
        });
      } finally {
        watch.stop();
      }
    });
  },
});
