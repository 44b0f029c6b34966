/** TC_K_53_CSMS: the CSMS answers an ISO 15118 EV's charging needs with a TxProfile, accepts the EV's schedule within it, and then leaves the session alone. */
import { defineTestCase } from '../../../src/engine/testcase';
import { iso15118Session, iso15118SmartCharging, leaveIdle } from '../states';

export default defineTestCase({
  id: 'TC_K_53_CSMS',
  name: 'Charging with load leveling based on High Level Communication - Success',
  sut: 'CSMS',
  useCases: ['K15'],
  requirements: ['K15.FR.02', 'K15.FR.03', 'K15.FR.05', 'K15.FR.07', 'K15.FR.11'],
  detects: ['smartCharging.evNeedsRejected', 'smartCharging.noTransactionId', 'smartCharging.evScheduleRefused', 'smartCharging.renegotiatesUnasked'],
  notes:
    'Before: Reusable States Authorized and EVConnectedPreSession. Follows errata 2025-06 (6.3.17): after ISO15118SmartCharging ' +
    'the CSMS must not send another SetChargingProfileRequest without cause; the harness watches for timeouts.messageMs. The ' +
    'mock EV asks for AC on three phases, 6-16 A at 400 V, 20 kWh, three schedule tuples; its schedule is the one the CSMS sent.',
  async run(ctx) {
    const tx = await iso15118Session(ctx);
    await ctx.step('1. Reusable State ISO15118SmartCharging', () => iso15118SmartCharging(ctx, tx));
    const { messageMs } = ctx.config.timeouts;
    await ctx.step(`2. the CSMS sends no further SetChargingProfileRequest (harness watches for timeouts.messageMs, ${messageMs} ms)`, async () => {
      await ctx.station.serveFor(messageMs);
      const again = ctx.station.unclaimed.filter((c) => c.action === 'SetChargingProfile');
      ctx.check.that('SetChargingProfileRequest after the EV schedule was accepted', again.length === 0, 'none', `${again.length} received`);
    });
    await leaveIdle(ctx, tx);
  },
});
