/** TC_K_19_CS: the station takes a Recurring charging profile. */
import { defineTestCase } from '../../../src/engine/testcase';
import { buildProfile, setChargingProfile, smartChargingRequired } from '../states';

export default defineTestCase({
  id: 'TC_K_19_CS',
  name: 'Set Charging Profile - ChargingProfileKind is Recurring',
  sut: 'CS',
  useCases: ['K01'],
  requirements: ['K01.FR.40'],
  detects: ['smartCharging.recurringRejected'],
  applicable: smartChargingRequired,
  notes:
    'A TxDefaultProfile for <Configured evseId>, kind Recurring with <Configured RecurrencyKind>; K01.FR.40 asks a startSchedule of a Recurring ' +
    'profile, so it starts now. One period from 0 s at 6 times the limit multiplier, duration 3600 s.',
  async run(ctx) {
    const { recurrencyKind } = ctx.config.configured.chargingProfile;
    const profile = buildProfile(ctx.config, { purpose: 'TxDefaultProfile', kind: 'Recurring', recurrencyKind, duration: 3600 });
    await setChargingProfile(ctx, `1-2. harness sends a Recurring (${recurrencyKind}) profile, station accepts it`, ctx.config.configured.evseId, profile, 'Accepted');
  },
});
