/** TC_K_12_CS: a profile in a rate unit the station does not take is refused. */
import { defineTestCase } from '../../../src/engine/testcase';
import { buildProfile, setChargingProfile, smartChargingRequired } from '../states';

export default defineTestCase({
  id: 'TC_K_12_CS',
  name: 'Set Charging Profile - ChargerRateUnit Rejected',
  sut: 'CS',
  useCases: ['K01'],
  requirements: ['K01.FR.26'],
  detects: ['smartCharging.unsupportedUnitAccepted'],
  applicable: (config) => smartChargingRequired(config) ?? (config.configured.chargingProfile.rateUnits.length > 1 ? 'the station takes both rate units (configured.chargingProfile.rateUnits); the case needs one it does not take' : undefined),
  notes:
    'Part 6 sends <Configured chargingRateUnit> and expects a refusal, so here it is the unit missing from configured.chargingProfile.rateUnits. ' +
    'The profile is otherwise the TxDefaultProfile of TC_K_01_CS on <Configured evseId>.',
  async run(ctx) {
    const unit = ctx.config.configured.chargingProfile.rateUnits.includes('A') ? 'W' : 'A';
    const profile = buildProfile(ctx.config, { purpose: 'TxDefaultProfile', unit });
    await setChargingProfile(ctx, `1-2. harness sends a profile in ${unit}, which the station does not take; station refuses it`, ctx.config.configured.evseId, profile, 'Rejected');
  },
});
