/** TC_K_57_CSMS: during ISO 15118 smart charging the EV renegotiates with new charging needs; the CSMS answers with a new TxProfile. */
import { defineTestCase } from '../../../src/engine/testcase';
import { evChargingNeedsSent, evScheduleSent, followedSchedule, iso15118Session, iso15118SmartCharging, leaveIdle, txProfileArmed, txProfileReceived } from '../states';

export default defineTestCase({
  id: 'TC_K_57_CSMS',
  name: 'Renegotiating a Charging Schedule - Initiated by EV',
  sut: 'CSMS',
  useCases: ['K17'],
  requirements: ['K17.FR.02', 'K17.FR.03', 'K17.FR.05', 'K17.FR.07', 'K17.FR.11'],
  detects: ['smartCharging.needsAnsweredOnce', 'smartCharging.evNeedsRejected', 'smartCharging.noTransactionId'],
  notes:
    'Before: Reusable States Authorized, EVConnectedPreSession and ISO15118SmartCharging. Follows errata 2024-09 (6.3.18): the ' +
    'TransactionEventRequests with triggerReason ChargingRateChanged (steps 3-4 and 9-10) are not sent. The EV asks again with ' +
    'the mock EV\'s needs.',
  async run(ctx) {
    const tx = await iso15118Session(ctx);
    await iso15118SmartCharging(ctx, tx);
    const armed = txProfileArmed(ctx);
    const status = await evChargingNeedsSent(ctx, '1-2. harness sends NotifyEVChargingNeedsRequest again (the EV renegotiates); the CSMS answers Accepted or Processing', tx, ['Accepted', 'Processing']);
    const profile = await txProfileReceived(ctx, '5-6. the CSMS sends SetChargingProfileRequest (TxProfile for the transaction); harness accepts', armed, tx, status === 'Processing');
    await evScheduleSent(ctx, '7-8. harness sends NotifyEVChargingScheduleRequest with the schedule of step 5; the CSMS answers Accepted', tx, followedSchedule(profile), 'Accepted');
    await leaveIdle(ctx, tx);
  },
});
