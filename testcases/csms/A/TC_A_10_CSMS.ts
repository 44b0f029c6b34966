/** TC_A_10_CSMS: when the station rejects a new Basic-auth password, the CSMS keeps taking the old one. */
import { defineTestCase } from '../../../src/engine/testcase';
import { connectAndBoot, csmsProfileIn, csmsSendsAfter, reportConnectorsAvailable } from '../states';

export default defineTestCase({
  id: 'TC_A_10_CSMS',
  name: 'Update Charging Station Password for HTTP Basic Authentication - Rejected',
  sut: 'CSMS',
  useCases: ['A01'],
  requirements: ['A01.FR.02', 'A01.FR.04', 'A01.FR.05'],
  detects: ['security.dropsOldPasswordOnRejection'],
  applicable: (config) => (config.station.basicAuthPassword === undefined ? 'no station.basicAuthPassword is configured' : undefined),
  notes: 'The CSMS is asked through the driver to set a new password, which the harness rejects; it then connects with the password it had.',
  async run(ctx) {
    const { step, check, config } = ctx;
    await csmsProfileIn(ctx, [1, 2], { connected: true });
    await step('1-2. CSMS sends SetVariablesRequest with a new BasicAuthPassword, harness rejects it', async () => {
      const call = await csmsSendsAfter(ctx, { kind: 'updateBasicAuthPassword', stationId: config.station.id }, 'SetVariables', (c) =>
        c.respond({ setVariableResult: c.payload.setVariableData.map((d) => ({ component: d.component, variable: d.variable, attributeType: d.attributeType, attributeStatus: 'Rejected' as const })) }),
      );
      const data = call.payload.setVariableData[0];
      check.equal('SetVariablesRequest variable.name', data?.variable.name, 'BasicAuthPassword');
      check.equal('SetVariablesRequest component.name', data?.component.name, 'SecurityCtrlr');
    });
    await connectAndBoot(ctx, '3-4. harness connects again with the old password, CSMS upgrades', '5-6. harness sends BootNotificationRequest, CSMS accepts it');
    await reportConnectorsAvailable(ctx, '7-8. harness reports every connector as Available');
  },
});
