/** TC_K_42_CS: a composite schedule asked in a rate unit the station does not take is refused. */
import { defineTestCase } from '../../../src/engine/testcase';
import { compositeScheduleRefused, smartChargingRequired } from '../states';

export default defineTestCase({
  id: 'TC_K_42_CS',
  name: 'Get Composite Schedule - chargingRateUnit not supported',
  sut: 'CS',
  useCases: ['K08'],
  requirements: ['K08.FR.07'],
  detects: ['smartCharging.compositeAnyUnit'],
  applicable: (config) => smartChargingRequired(config) ?? (config.configured.chargingProfile.rateUnits.length > 1 ? 'the station takes both rate units (configured.chargingProfile.rateUnits); the case needs one it does not take' : undefined),
  notes: '<Configured unsupported chargingRateUnit> is the unit missing from configured.chargingProfile.rateUnits.',
  async run(ctx) {
    const chargingRateUnit = ctx.config.configured.chargingProfile.rateUnits.includes('A') ? 'W' : 'A';
    await compositeScheduleRefused(ctx, `1-2. harness asks for a composite schedule of EVSE 0 in ${chargingRateUnit}, station refuses it without a schedule`, { evseId: 0, duration: 300, chargingRateUnit });
  },
});
