/** TC_A_09_CSMS: the CSMS gives the station a new Basic-auth password and then takes the station with it. */
import { defineTestCase } from '../../../src/engine/testcase';
import { connectAndBoot, csmsProfileIn, csmsSendsAfter, reportConnectorsAvailable } from '../states';

export default defineTestCase({
  id: 'TC_A_09_CSMS',
  name: 'Update Charging Station Password for HTTP Basic Authentication - Accepted',
  sut: 'CSMS',
  useCases: ['A01'],
  requirements: ['A01.FR.02', 'A01.FR.03'],
  detects: ['security.forgetsNewPassword'],
  applicable: (config) => (config.station.basicAuthPassword === undefined ? 'no station.basicAuthPassword is configured' : undefined),
  notes: 'The CSMS is asked through the driver to set a new password. The harness keeps using the new password for the rest of the run (A01.FR.03: the old one is no longer valid).',
  async run(ctx) {
    const { step, station, check, config } = ctx;
    await csmsProfileIn(ctx, [1, 2], { connected: true });
    const password = await step('1-2. CSMS sends SetVariablesRequest with a new BasicAuthPassword, harness accepts it', async () => {
      const call = await csmsSendsAfter(ctx, { kind: 'updateBasicAuthPassword', stationId: config.station.id }, 'SetVariables', (c) =>
        c.respond({ setVariableResult: c.payload.setVariableData.map((d) => ({ component: d.component, variable: d.variable, attributeType: d.attributeType, attributeStatus: 'Accepted' as const })) }),
      );
      const data = call.payload.setVariableData[0];
      check.equal('SetVariablesRequest variable.name', data?.variable.name, 'BasicAuthPassword');
      check.equal('SetVariablesRequest component.name', data?.component.name, 'SecurityCtrlr');
      return data.attributeValue;
    });
    station.useCredentials({ password });
    await connectAndBoot(ctx, '3-4. harness connects again with the new password, CSMS upgrades', '5-6. harness sends BootNotificationRequest, CSMS accepts it');
    await reportConnectorsAvailable(ctx, '7-8. harness reports every connector as Available');
  },
});
