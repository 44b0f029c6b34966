/** TC_K_15_CS: a station without Smart Charging answers SetChargingProfileRequest with CALLERROR NotSupported. */
import { defineTestCase } from '../../../src/engine/testcase';
import { buildProfile } from '../states';

export default defineTestCase({
  id: 'TC_K_15_CS',
  name: 'Set Charging Profile - Not Supported',
  sut: 'CS',
  useCases: ['K01'],
  requirements: ['K01.FR.29'],
  detects: ['smartCharging.notSupportedAnswersRejected'],
  applicable: (config) => (config.configured.smartCharging ? 'the station supports Smart Charging (configured.smartCharging is true); the case is for stations without it' : undefined),
  notes: 'Part 6 names CALLERROR NotSupported; K01.FR.29 also allows NotImplemented, which the harness accepts too.',
  async run(ctx) {
    await ctx.step('1-2. harness sends SetChargingProfileRequest, station answers CALLERROR NotSupported', async () => {
      const answer = await ctx.csms.tryCall('SetChargingProfile', { evseId: ctx.config.configured.evseId, chargingProfile: buildProfile(ctx.config, { purpose: 'TxDefaultProfile' }) });
      ctx.check.oneOf('answer to SetChargingProfileRequest (CALLERROR code)', 'error' in answer ? answer.error.code : `CALLRESULT ${answer.response.status}`, ['NotSupported', 'NotImplemented']);
    });
  },
});
