/** TC_K_39_CS: without profiles the station still answers a composite schedule of the whole station. */
import { defineTestCase } from '../../../src/engine/testcase';
import { compositeScheduleReported, smartChargingRequired } from '../states';

export default defineTestCase({
  id: 'TC_K_39_CS',
  name: 'Get Composite Schedule - No ChargingProfile installed on Charging Station',
  sut: 'CS',
  useCases: ['K08'],
  requirements: ['K08.FR.02', 'K08.FR.03', 'K08.FR.06'],
  detects: ['smartCharging.compositeStationRejected'],
  applicable: smartChargingRequired,
  notes: 'Errata 2025-09 6.2.71: scheduleStart must be within <Configured max time deviation> of the request. The limits (the station limit) are not validated.',
  async run(ctx) {
    const composite = await compositeScheduleReported(ctx, '1-2. harness asks for 300 s of composite schedule of EVSE 0, station answers', 0, 300);
    ctx.check.equal('chargingSchedulePeriod[0].startPeriod', composite.schedule.chargingSchedulePeriod[0].startPeriod, 0);
  },
});
