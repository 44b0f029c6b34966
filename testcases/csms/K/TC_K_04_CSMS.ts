/** TC_K_04_CSMS: the CSMS replaces a charging profile it set (8 A) by one with the same id, purpose, kind and stack level (6 A). */
import { defineTestCase } from '../../../src/engine/testcase';
import type { OcppRequests } from '../../../src/ocpp/generated';
import { checkPart2Profile, configuredProfile, limitIn, profileSet, scheduleOf } from '../states';

export default defineTestCase({
  id: 'TC_K_04_CSMS',
  name: 'Replace charging profile - With chargingProfileId',
  sut: 'CSMS',
  useCases: [],
  requirements: [],
  detects: ['smartCharging.newIdPerProfile', 'smartCharging.wrongPurpose'],
  notes:
    'Follows errata 2025-04 (6.3.13). The operator is asked for an Absolute TxDefaultProfile on <Configured evseId> (8 A), then ' +
    'for the same profile (same id) with 6 A.',
  async run(ctx) {
    const { configured } = ctx.config;
    const unit = configured.chargingProfile.chargingRateUnit;
    const first = await profileSet(ctx, '1-2. the CSMS, asked to set a TxDefaultProfile of 8 A, sends SetChargingProfileRequest; harness accepts', configured.evseId, configuredProfile(ctx, { purpose: 'TxDefaultProfile', kind: 'Absolute', amps: 8 }));
    const checkOne = (request: OcppRequests['SetChargingProfile'], amps: number) => {
      const schedule = scheduleOf(request.chargingProfile);
      ctx.check.equal('SetChargingProfileRequest.chargingProfile.chargingSchedule.chargingSchedulePeriod[0].startPeriod', schedule?.chargingSchedulePeriod[0]?.startPeriod, 0);
      ctx.check.equal('SetChargingProfileRequest.chargingProfile.chargingSchedule.chargingSchedulePeriod[0].limit', schedule?.chargingSchedulePeriod[0]?.limit, limitIn(schedule?.chargingRateUnit ?? unit, amps));
      ctx.check.equal('SetChargingProfileRequest.chargingProfile.chargingSchedule.chargingSchedulePeriod count', schedule?.chargingSchedulePeriod.length, 1);
    };
    await ctx.step('Step 1: one period from 0 with 8 A', () => checkOne(first.call.payload, 8));
    const second = await profileSet(ctx, '3-4. the CSMS, asked to replace it with 6 A, sends SetChargingProfileRequest; harness accepts', configured.evseId, configuredProfile(ctx, { purpose: 'TxDefaultProfile', kind: 'Absolute', amps: 6 }));
    await ctx.step('Step 3: one period from 0 with 6 A', () => checkOne(second.call.payload, 6));
    await ctx.step('Steps 1 and 3: the second profile replaces the first', () => {
      const [a, b] = [first.call.payload.chargingProfile, second.call.payload.chargingProfile];
      ctx.check.equal('SetChargingProfileRequest.chargingProfile.id of step 3 (same as step 1)', b.id, a.id);
      for (const [step, p] of [['1', a], ['3', b]] as const) {
        ctx.check.that(`step ${step} chargingProfile.chargingSchedule.startSchedule`, scheduleOf(p)?.startSchedule !== undefined, 'present', '(omitted)');
        ctx.check.equal(`step ${step} chargingProfile.stackLevel`, p.stackLevel, configured.csmsChargingProfile.stackLevel);
        ctx.check.oneOf(`step ${step} chargingProfile.chargingProfilePurpose`, p.chargingProfilePurpose, ['TxDefaultProfile', 'ChargingStationMaxProfile']);
        ctx.check.oneOf(`step ${step} chargingProfile.chargingProfileKind`, p.chargingProfileKind, p.chargingProfilePurpose === 'TxDefaultProfile' ? ['Absolute', 'Recurring'] : ['Absolute']);
      }
      ctx.check.equal('chargingProfile.chargingProfilePurpose of step 3 (same as step 1)', b.chargingProfilePurpose, a.chargingProfilePurpose);
      ctx.check.equal('chargingProfile.chargingProfileKind of step 3 (same as step 1)', b.chargingProfileKind, a.chargingProfileKind);
      checkPart2Profile(ctx, 'SetChargingProfileRequest (step 1)', first.call.payload.evseId, a);
      checkPart2Profile(ctx, 'SetChargingProfileRequest (step 3)', second.call.payload.evseId, b);
    });
  },
});
