/** TC_K_60_CS: a TxProfile for the transaction running on the EVSE is taken and reported back as sent. */
import { defineTestCase } from '../../../src/engine/testcase';
import { buildProfile, chargingProfilesReported, checkReported, energyTransferStarted, setChargingProfile, smartChargingRequired, withSession } from '../states';

export default defineTestCase({
  id: 'TC_K_60_CS',
  name: 'Set Charging Profile - TxProfile with ongoing transaction on the specified EVSE',
  sut: 'CS',
  useCases: ['K01'],
  requirements: ['K01.FR.04', 'K01.FR.07', 'K01.FR.15'],
  detects: ['smartCharging.txProfileRejected'],
  applicable: smartChargingRequired,
  notes: 'A Relative TxProfile for the transaction of EnergyTransferStarted on <Configured evseId>, stack level 0, <Configured duration>, one period at 6 times the limit multiplier.',
  async run(ctx) {
    const { evseId } = ctx.config.configured;
    await withSession(ctx, async (session) => {
      await ctx.step('Before: reach state EnergyTransferStarted', () => energyTransferStarted(session));
      const profile = buildProfile(ctx.config, { purpose: 'TxProfile', kind: 'Relative', transactionId: session.transactionId });
      await setChargingProfile(ctx, '1-2. harness sends a TxProfile for the running transaction, station accepts it', evseId, profile, 'Accepted');
      const report = await chargingProfilesReported(
        ctx,
        ['3-4. harness asks for the profile by its id, station accepts', '5-6. station reports the profile, harness answers'],
        { chargingProfile: { chargingProfileId: [profile.id] } },
        'Accepted',
      );
      await ctx.step('5. the profile reported is the one set in step 1', () => checkReported(ctx, report, [{ evseId, profile }]));
    });
  },
});
