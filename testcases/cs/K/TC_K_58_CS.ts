/** TC_K_58_CS: the CSMS sends a new TxProfile to a charging ISO 15118 EV; the station passes it on and reports the new charging rate. */
import { defineTestCase } from '../../../src/engine/testcase';
import { evScheduleReported, iso15118ChargingRequired, iso15118SessionAuthorized, rateChangeReported, renegotiateChargingLimits, setChargingProfile, txProfileFor, withSession } from '../states';

export default defineTestCase({
  id: 'TC_K_58_CS',
  name: 'Renegotiating a Charging Schedule - Initiated by CSMS',
  sut: 'CS',
  useCases: ['K17'],
  requirements: ['K17.FR.01', 'K17.FR.06', 'K17.FR.09', 'K17.FR.10'],
  detects: ['iso15118.rateChangeAsStateChange'],
  applicable: iso15118ChargingRequired,
  notes:
    'Errata 2025-09 6.2.81 lists the Before states twice over; read as EVConnectedPreSession, Authorized (local), RenegotiateChargingLimits, after which ' +
    'the EV charges (the EnergyTransferStarted of the list). The TxProfile keeps the id of the one it replaces (K01.FR.39), Relative, one period at 8 ' +
    'times the limit multiplier (6.2.69). The tool validations Part 6 lists for NotifyEVChargingNeedsRequest belong to no step of this scenario (the ' +
    'CSMS starts it) and are not made; the EV schedule of steps 3-4 is optional.',
  async run(ctx) {
    await withSession(ctx, async (session) => {
      await iso15118SessionAuthorized(session, false);
      await renegotiateChargingLimits(session);
      const profile = txProfileFor(session, 8);
      await setChargingProfile(ctx, '1-2. harness sends a TxProfile of 8 for the transaction, station accepts it', session.evse.evseId, profile, 'Accepted');
      await evScheduleReported(session, '3-4. station sends the EV schedule (NotifyEVChargingScheduleRequest, optional), harness accepts', profile);
      await rateChangeReported(session, '5-6. station reports the new charging rate (TransactionEventRequest ChargingRateChanged)');
    });
  },
});
