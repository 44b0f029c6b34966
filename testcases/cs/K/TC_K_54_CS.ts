/** TC_K_54_CS: when the CSMS rejects the EV's charging needs, the EV charges without a schedule. */
import { defineTestCase } from '../../../src/engine/testcase';
import { chargingNeedsAnswered, chargingReported, evScheduleReported, iso15118ChargingRequired, iso15118SessionAuthorized, txProfileFor, withSession } from '../states';

export default defineTestCase({
  id: 'TC_K_54_CS',
  name: 'Charging with load leveling based on High Level Communication - No SASchedule (rejected)',
  sut: 'CS',
  useCases: ['K15', 'K17'],
  requirements: ['K15.FR.01', 'K17.FR.04'],
  detects: ['iso15118.rejectedNeedsHold'],
  applicable: iso15118ChargingRequired,
  notes:
    'Errata 2025-09 6.2.77: EVConnectedPreSession comes before Authorized (local), which brings the NotifyEVChargingNeedsRequest. The EV schedule of ' +
    'steps 3-4 is optional; when it comes it is checked against the station limit of 32 A the reference has no profile for, so only its EVSE is judged strictly.',
  async run(ctx) {
    await withSession(ctx, async (session) => {
      const { needs } = await iso15118SessionAuthorized(session);
      await chargingNeedsAnswered(session, '1-2. station sends NotifyEVChargingNeedsRequest, harness rejects it', needs, 'Rejected');
      await evScheduleReported(session, '3-4. station sends the EV schedule (NotifyEVChargingScheduleRequest, optional), harness accepts', txProfileFor(session, 32));
      await chargingReported(session, '5-6. the EV charges without a schedule: station sends TransactionEventRequest (Charging)');
    });
  },
});
