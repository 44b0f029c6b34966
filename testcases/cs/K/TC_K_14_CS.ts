/** TC_K_14_CS: a profile for an EVSE the station does not have is refused. */
import { defineTestCase } from '../../../src/engine/testcase';
import { buildProfile, setChargingProfile, smartChargingRequired } from '../states';

export default defineTestCase({
  id: 'TC_K_14_CS',
  name: 'Set Charging Profile - Unexisting EVSEid',
  sut: 'CS',
  useCases: ['K01'],
  requirements: ['K01.FR.28'],
  detects: ['smartCharging.acceptsUnknownEvse'],
  applicable: smartChargingRequired,
  notes: 'The profile is the TxDefaultProfile of TC_K_01_CS; the EVSE id is the number of EVSEs of the run config plus one.',
  async run(ctx) {
    const evseId = ctx.config.station.evses.length + 1;
    await setChargingProfile(ctx, `1-2. harness sends a TxDefaultProfile for EVSE ${evseId}, which does not exist; station refuses it`, evseId, buildProfile(ctx.config, { purpose: 'TxDefaultProfile' }), 'Rejected');
  },
});
