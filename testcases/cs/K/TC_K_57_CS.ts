/** TC_K_57_CS: the EV asks to renegotiate; its new needs lead to a new TxProfile and the station reports the new charging rate. */
import { defineTestCase } from '../../../src/engine/testcase';
import { chargingNeedsAnswered, evScheduleReported, iso15118ChargingRequired, iso15118SessionAuthorized, needsArmed, rateChangeReported, renegotiateChargingLimits, setChargingProfile, txProfileFor, withSession } from '../states';

export default defineTestCase({
  id: 'TC_K_57_CS',
  name: 'Renegotiating a Charging Schedule - Initiated by EV',
  sut: 'CS',
  useCases: ['K17'],
  requirements: ['K17.FR.01', 'K17.FR.06', 'K17.FR.09', 'K17.FR.10'],
  detects: ['iso15118.rateChangeAsStateChange'],
  applicable: iso15118ChargingRequired,
  notes:
    'Errata 2025-09 6.2.79: EVConnectedPreSession, Authorized (local), RenegotiateChargingLimits (which leaves the EV charging at 10 times the limit ' +
    'multiplier). Step 1 needs the EV to renegotiate again (driver action evRenegotiates, as in RenegotiateChargingLimits). The TxProfile of step 3 keeps ' +
    'the id of the one it replaces (K01.FR.39), Relative, one period at 15 times the multiplier (6.2.69). The EV schedule of steps 5-6 is optional.',
  async run(ctx) {
    await withSession(ctx, async (session) => {
      await iso15118SessionAuthorized(session, false);
      await renegotiateChargingLimits(session);
      const needs = needsArmed(ctx);
      await session.act('Manual action: the EV renegotiates its charging limits', { kind: 'evRenegotiates', evseId: session.evse.evseId });
      await chargingNeedsAnswered(session, '1-2. station sends NotifyEVChargingNeedsRequest, harness accepts', needs, 'Accepted');
      const profile = txProfileFor(session, 15);
      await setChargingProfile(ctx, '3-4. harness sends a TxProfile of 15 for the transaction, station accepts it', session.evse.evseId, profile, 'Accepted');
      await evScheduleReported(session, '5-6. station sends the EV schedule (NotifyEVChargingScheduleRequest, optional), harness accepts', profile);
      await rateChangeReported(session, '7-8. station reports the new charging rate (TransactionEventRequest ChargingRateChanged)');
    });
  },
});
