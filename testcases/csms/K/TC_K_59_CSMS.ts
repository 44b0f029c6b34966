/** TC_K_59_CSMS: the CSMS renegotiates, the station sends the EV's charging needs again, and the CSMS answers them with another TxProfile. */
import { defineTestCase } from '../../../src/engine/testcase';
import { csmsRenegotiates, evChargingNeedsSent, evScheduleSent, followedSchedule, iso15118Session, iso15118SmartCharging, leaveIdle, txProfileArmed, txProfileReceived } from '../states';

export default defineTestCase({
  id: 'TC_K_59_CSMS',
  name: 'Renegotiating a Charging Schedule - Initiated by CSMS - Send NotifyEVChargingNeeds',
  sut: 'CSMS',
  useCases: ['K16'],
  requirements: ['K16.FR.12'],
  detects: ['smartCharging.needsAnsweredOnce', 'smartCharging.noTransactionId'],
  notes:
    'Before: Reusable States Authorized, EVConnectedPreSession and ISO15118SmartCharging. The operator asks for an Absolute ' +
    'TxProfile of 10 A for the transaction (driver action setChargingProfile). Part 6 step 7 names "the schedule of step 3", ' +
    'read as the profile of step 5 (step 3 carries none). Follows errata 2024-09 (6.3.18): steps 9-10 (ChargingRateChanged) ' +
    'are not sent.',
  async run(ctx) {
    const tx = await iso15118Session(ctx);
    await iso15118SmartCharging(ctx, tx);
    await csmsRenegotiates(ctx, tx);
    const armed = txProfileArmed(ctx);
    const status = await evChargingNeedsSent(ctx, '3-4. harness sends NotifyEVChargingNeedsRequest with the mock EV\'s needs; the CSMS answers Accepted or Processing', tx, ['Accepted', 'Processing']);
    const profile = await txProfileReceived(ctx, '5-6. the CSMS sends SetChargingProfileRequest (TxProfile for the transaction); harness accepts', armed, tx, status === 'Processing');
    await evScheduleSent(ctx, '7-8. harness sends NotifyEVChargingScheduleRequest with the schedule of step 5; the CSMS answers Accepted', tx, followedSchedule(profile), 'Accepted');
    await leaveIdle(ctx, tx);
  },
});
