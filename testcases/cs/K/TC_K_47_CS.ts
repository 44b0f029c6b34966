/** TC_K_47_CS: a composite schedule of an EVSE the station does not have is refused. */
import { defineTestCase } from '../../../src/engine/testcase';
import { compositeScheduleRefused, smartChargingRequired } from '../states';

export default defineTestCase({
  id: 'TC_K_47_CS',
  name: 'Get Composite Schedule - Unknown EVSEId',
  sut: 'CS',
  useCases: ['K08'],
  requirements: ['K08.FR.05'],
  detects: ['smartCharging.compositeUnknownEvse'],
  applicable: smartChargingRequired,
  notes: 'The EVSE id is the number of EVSEs of the run config plus one.',
  async run(ctx) {
    const evseId = ctx.config.station.evses.length + 1;
    const { chargingRateUnit } = ctx.config.configured.chargingProfile;
    await compositeScheduleRefused(ctx, `1-2. harness asks for a composite schedule of EVSE ${evseId}, which does not exist; station refuses it without a schedule`, { evseId, duration: 300, chargingRateUnit });
  },
});
