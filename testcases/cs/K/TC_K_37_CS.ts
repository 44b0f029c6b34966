/** TC_K_37_CS: the TxProfile of a remote start becomes the profile of the transaction it starts. */
import { defineTestCase } from '../../../src/engine/testcase';
import { AUTHORIZATION_ON, authorized, buildProfile, chargingProfilesReported, checkReported, energyTransferStarted, evConnectedPreSession, smartChargingRequired, withSession } from '../states';

export default defineTestCase({
  id: 'TC_K_37_CS',
  name: 'Remote start transaction with charging profile - Success',
  sut: 'CS',
  useCases: ['K05', 'F01'],
  requirements: ['K05.FR.03', 'E01.FR.02', 'F01.FR.10', 'F01.FR.13'],
  detects: ['smartCharging.remoteStartProfileDropped', 'remoteStart.notRemote'],
  configuration: AUTHORIZATION_ON,
  applicable: smartChargingRequired,
  notes:
    'As TC_K_38_CS, for a station with Smart Charging: the TxProfile of the RequestStartTransactionRequest is Relative, without transactionId, ' +
    '<Configured chargingProfileId>, <Configured duration>, one period at 6 times the limit multiplier (errata 2025-09 6.2.69). Steps 1-6 are the ' +
    'Authorized state started remotely (it checks the Authorize and the RemoteStart event). The reported profile must be the one sent; the ' +
    'transactionId the station gives it is not compared, as the sent profile has none.',
  async run(ctx) {
    const { evseId } = ctx.config.configured;
    const chargingProfile = buildProfile(ctx.config, { purpose: 'TxProfile', kind: 'Relative' });
    await withSession(ctx, async (session) => {
      await ctx.step('Before: reach state EVConnectedPreSession', () => evConnectedPreSession(session));
      await ctx.step('1-6. the CSMS starts the transaction remotely with a TxProfile (Authorized, remote)', () => authorized(session, 'remote', { chargingProfile }));
      await ctx.step('7. Reusable State EnergyTransferStarted', () => energyTransferStarted(session));
      const report = await chargingProfilesReported(
        ctx,
        ['8-9. harness asks for the profile of step 1 by its id, station accepts', '10-11. station reports the profile, harness answers'],
        { chargingProfile: { chargingProfileId: [chargingProfile.id] } },
        'Accepted',
      );
      await ctx.step('10. the profile reported is the one of step 1', () => checkReported(ctx, report, [{ evseId, profile: chargingProfile }], ['transactionId']));
    });
  },
});
