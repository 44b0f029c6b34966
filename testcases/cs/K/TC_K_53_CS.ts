/** TC_K_53_CS: an ISO 15118 EV's charging needs lead to a TxProfile the EV follows with its own schedule, and it charges. */
import { defineTestCase } from '../../../src/engine/testcase';
import { chargingNeedsAnswered, chargingReported, evScheduleReported, iso15118ChargingRequired, iso15118SessionAuthorized, setChargingProfile, txProfileFor, withSession } from '../states';

export default defineTestCase({
  id: 'TC_K_53_CS',
  name: 'Charging with load leveling based on High Level Communication - Success',
  sut: 'CS',
  useCases: ['K15'],
  requirements: ['K15.FR.01', 'K15.FR.06', 'K15.FR.09', 'K15.FR.10'],
  detects: ['iso15118.scheduleAboveLimit'],
  applicable: iso15118ChargingRequired,
  notes:
    'Errata 2025-09 6.2.76 and 6.2.77: EVConnectedPreSession, then Authorized (local); the Authorized15118 of step 1 is read as that authorization (the EV ' +
    'charges over ISO 15118 with an idToken presented at the station), whose TransactionEventRequest (triggerReason Authorized) the state checks. ' +
    'The TxProfile is Relative for the transaction, one period at 6 times the limit multiplier (6.2.69); the EV schedule must not exceed it.',
  async run(ctx) {
    await withSession(ctx, async (session) => {
      const { needs } = await iso15118SessionAuthorized(session);
      await chargingNeedsAnswered(session, '2-3. station sends NotifyEVChargingNeedsRequest, harness accepts', needs, 'Accepted');
      const profile = txProfileFor(session, 6);
      await setChargingProfile(ctx, '4-5. harness sends a TxProfile for the transaction, station accepts it', session.evse.evseId, profile, 'Accepted');
      await evScheduleReported(session, '6-7. station sends the EV schedule within the TxProfile (NotifyEVChargingScheduleRequest), harness accepts', profile);
      await chargingReported(session, '8-9. energy starts to flow: station sends TransactionEventRequest (Charging)');
    });
  },
});
