/** TC_K_58_CSMS: during ISO 15118 smart charging the CSMS renegotiates with a new TxProfile; it accepts the EV's schedule that follows it. */
import { defineTestCase } from '../../../src/engine/testcase';
import { csmsRenegotiates, evScheduleSent, followedSchedule, iso15118Session, iso15118SmartCharging, leaveIdle } from '../states';

export default defineTestCase({
  id: 'TC_K_58_CSMS',
  name: 'Renegotiating a Charging Schedule - Initiated by CSMS',
  sut: 'CSMS',
  useCases: ['K16'],
  requirements: ['K16.FR.06'],
  detects: ['smartCharging.noTransactionId', 'smartCharging.evScheduleRefused', 'smartCharging.wrongPurpose'],
  notes:
    'Before: Reusable States Authorized, EVConnectedPreSession and ISO15118SmartCharging. The operator asks for an Absolute ' +
    'TxProfile of 10 A for the transaction (driver action setChargingProfile). Follows errata 2024-09 (6.3.18): the ' +
    'TransactionEventRequest with triggerReason ChargingRateChanged (steps 5-6) is not sent.',
  async run(ctx) {
    const tx = await iso15118Session(ctx);
    await iso15118SmartCharging(ctx, tx);
    const profile = await csmsRenegotiates(ctx, tx);
    await evScheduleSent(ctx, '3-4. harness sends NotifyEVChargingScheduleRequest with the schedule of step 1; the CSMS answers Accepted', tx, followedSchedule(profile), 'Accepted');
    await leaveIdle(ctx, tx);
  },
});
