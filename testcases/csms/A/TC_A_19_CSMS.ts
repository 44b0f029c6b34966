/** TC_A_19_CSMS: the CSMS moves a station to the next security profile and from then on refuses it on the lower one. */
import { defineTestCase } from '../../../src/engine/testcase';
import type { Credential } from '../../../src/pki';
import type { SecurityProfile } from '../../../src/transport/security';
import { connectAndBoot, credentialsFor, csmsProfileIn, csmsSendsAfter, goDownAfterReset, refusedConnection, renewChargingStationCertificate, reportConnectorsAvailable } from '../states';

export default defineTestCase({
  id: 'TC_A_19_CSMS',
  name: 'Upgrade Charging Station Security Profile - Accepted',
  sut: 'CSMS',
  useCases: ['A05'],
  requirements: ['A05.FR.04', 'A05.FR.07'],
  detects: ['security.acceptsLowerProfileAfterUpgrade'],
  notes:
    'Follows errata 2024-09 and 2025-04: ocppCsmsUrl is not checked (it may change with the profile) but used to connect; from security profile 2 ' +
    'the certificate renewed before the case is the client certificate of profile 3; after the refused attempt with the old profile the harness ' +
    'connects again with the new one and keeps it for the rest of the run. Booted (step 9) is the BootNotification and the connector reports.',
  async run(ctx) {
    const { step, station, check, config } = ctx;
    const from = await csmsProfileIn(ctx, [1, 2], { connected: true });
    const to = (from + 1) as SecurityProfile;
    const previous = station.connectionSettings;
    const client: Credential | undefined = from === 2 ? await renewChargingStationCertificate(ctx, 'Before: Memory State RenewChargingStationCertificate') : undefined;
    const profile = await step(`1-2. CSMS sends SetNetworkProfileRequest (security profile ${to}), harness accepts it`, async () => {
      const call = await csmsSendsAfter(ctx, { kind: 'setNetworkProfile', stationId: config.station.id, securityProfile: to }, 'SetNetworkProfile', (c) => c.respond({ status: 'Accepted' }));
      const data = call.payload.connectionData;
      check.equal('connectionData.messageTimeout', data.messageTimeout, config.security.messageTimeout);
      check.equal('connectionData.ocppInterface', data.ocppInterface, config.security.ocppInterface);
      check.equal('connectionData.ocppTransport', data.ocppTransport, 'JSON');
      check.equal('connectionData.ocppVersion', data.ocppVersion, 'OCPP20');
      check.equal('connectionData.securityProfile', data.securityProfile, to);
      return call.payload;
    });
    await step('3-4. CSMS sends SetVariablesRequest for NetworkConfigurationPriority, harness accepts it', async () => {
      const call = await csmsSendsAfter(ctx, { kind: 'setNetworkConfigurationPriority', stationId: config.station.id }, 'SetVariables', (c) =>
        c.respond({ setVariableResult: c.payload.setVariableData.map((d) => ({ component: d.component, variable: d.variable, attributeType: d.attributeType, attributeStatus: 'Accepted' as const })) }),
      );
      const data = call.payload.setVariableData[0];
      check.equal('setVariableData variable.name', data?.variable.name, 'NetworkConfigurationPriority');
      check.equal('setVariableData component.name', data?.component.name, 'OCPPCommCtrlr');
      const slots = (data?.attributeValue ?? '').split(',').map((slot) => Number(slot.trim()));
      check.that('setVariableData attributeValue', slots.includes(profile.configurationSlot), `contains slot ${profile.configurationSlot}`, data?.attributeValue ?? '(none)');
    });
    await step('5-6. CSMS sends ResetRequest, harness accepts it', () => csmsSendsAfter(ctx, { kind: 'resetStation', stationId: config.station.id }, 'Reset', (c) => c.respond({ status: 'Accepted' })));
    await goDownAfterReset(ctx);
    const upgraded = await credentialsFor(ctx, to, profile.connectionData.ocppCsmsUrl, client);
    await connectAndBoot(ctx, `7-8. harness connects with security profile ${to} to the new URL, CSMS accepts the connection`, '9. Reusable State Booted: harness sends BootNotificationRequest, CSMS accepts it', upgraded);
    await reportConnectorsAvailable(ctx, '9. Reusable State Booted: harness reports every connector as Available');
    await refusedConnection(ctx, `10-11. harness connects with security profile ${from} again, CSMS refuses`, previous);
    await step(`12. harness connects with security profile ${to} again`, () => station.connect(upgraded));
    station.useCredentials(upgraded);
  },
});
