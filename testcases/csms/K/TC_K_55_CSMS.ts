/** TC_K_55_CSMS: the EV answers the CSMS's TxProfile with a schedule above its limits; the CSMS refuses it and renegotiates. */
import { defineTestCase } from '../../../src/engine/testcase';
import { evChargingNeedsSent, evScheduleSent, exceedingSchedule, followedSchedule, iso15118Session, leaveIdle, transactionEventStep, txProfileArmed, txProfileReceived } from '../states';

export default defineTestCase({
  id: 'TC_K_55_CSMS',
  name: 'Charging with load leveling based on High Level Communication - EV charging profile exceeds limits',
  sut: 'CSMS',
  useCases: ['K15', 'K16', 'K17'],
  requirements: ['K15.FR.12', 'K15.FR.13', 'K16.FR.07', 'K16.FR.08', 'K17.FR.12', 'K17.FR.13'],
  detects: ['smartCharging.evScheduleAlwaysAccepted', 'smartCharging.noRenegotiation', 'smartCharging.evNeedsRejected'],
  notes:
    'Before: Reusable States Authorized and EVConnectedPreSession. Follows errata 2024-09 (6.3.18): the last ' +
    'TransactionEventRequest (ChargingRateChanged, steps 13-14) is not sent. The exceeding schedule is the CSMS\'s own with ' +
    'every limit 10 A (10 kW) higher. The CSMS may send its new profile as soon as it refused the schedule; the harness is ' +
    'waiting for it from then on.',
  async run(ctx) {
    const tx = await iso15118Session(ctx);
    const first = txProfileArmed(ctx);
    await evChargingNeedsSent(ctx, '1-2. harness sends NotifyEVChargingNeedsRequest with the mock EV\'s needs; the CSMS answers Accepted', tx, ['Accepted']);
    const profile = await txProfileReceived(ctx, '3-4. the CSMS sends SetChargingProfileRequest (TxProfile for the transaction); harness accepts', first, tx);
    const second = txProfileArmed(ctx);
    await evScheduleSent(ctx, '5-6. harness sends NotifyEVChargingScheduleRequest with a schedule above the limits of step 3; the CSMS answers Rejected', tx, exceedingSchedule(profile), 'Rejected');
    await transactionEventStep(ctx, '7-8. harness sends TransactionEventRequest (ChargingStateChanged, Charging)', tx, { triggerReason: 'ChargingStateChanged', chargingState: 'Charging' });
    tx.phase = 'charging';
    const renegotiated = await txProfileReceived(ctx, '9-10. the CSMS renegotiates with a new SetChargingProfileRequest; harness accepts', second, tx);
    await evScheduleSent(ctx, '11-12. harness sends NotifyEVChargingScheduleRequest with the schedule of step 9; the CSMS answers Accepted', tx, followedSchedule(renegotiated), 'Accepted');
    await leaveIdle(ctx, tx);
  },
});
