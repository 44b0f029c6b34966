/** TC_C_48_CS: on a station with a master pass UI, the holder chooses EVSE 1: that transaction stops, the others keep charging. */
import { defineTestCase } from '../../../src/engine/testcase';
import { relyingOnFeature } from '../../../src/engine/claims';
import { afterMasterPassStop, MASTER_PASS_GROUP, masterPassPresented, stopsReported, withChargingOn } from '../states';

export default defineTestCase({
  id: 'TC_C_48_CS',
  name: 'Stop Transaction with a Master Pass - With UI - With UI - Specific transactions',
  sut: 'CS',
  useCases: ['C16'],
  requirements: ['C16.FR.01'],
  detects: ['masterPass.stopsNothing', 'masterPass.stopsAll'],
  configuration: [MASTER_PASS_GROUP],
  applicable: (config) => {
    if (!config.configured.masterPassUi) return 'the station has no master pass UI (configured.masterPassUi is false; Part 5 C-07)';
    return config.station.evses.length > 1 ? undefined : 'the station has one EVSE, so no other EVSE can go on charging';
  },
  notes:
    'The chosen transaction is the one on the first configured EVSE (Part 6 "EVSE 1"). "All other EVSE still transfer ' +
    'energy" is checked as: until the chosen EVSE has been unplugged and has left its bay, no other transaction reports a ' +
    'stop or a chargingState other than Charging. Step 3 validations as errata 2025-09 6.2.32 reads them for TC_C_47_CS.',
  run: relyingOnFeature('masterPassUi', async (ctx) => {
    const { check } = ctx;
    const [first, ...rest] = ctx.config.station.evses.map((e) => e.id);
    // The chosen EVSE charges last, so the session states that follow its stop look at its transaction.
    await withChargingOn(ctx, [...rest, first], async (charging) => {
      const chosen = charging[charging.length - 1];
      const others = charging.slice(0, -1);
      await masterPassPresented(ctx, charging);
      await chosen.session.act(`Manual action: on the master pass UI, choose the transaction on EVSE ${chosen.session.evse.evseId}`, { kind: 'localStopSelection', evseId: chosen.session.evse.evseId });
      await stopsReported(ctx, [chosen], `3-4. station reports the stop of the transaction on EVSE ${chosen.session.evse.evseId}`);
      await afterMasterPassStop(ctx, [chosen]);
      await ctx.step('Post scenario: every other EVSE still transfers energy', () => {
        for (const { session, transactionId } of others) {
          const events = session.monitor.transaction(transactionId)?.events ?? [];
          const stop = events.find((e) => e.eventType === 'Ended' || e.triggerReason === 'StopAuthorized');
          const state = events.filter((e) => e.transactionInfo.chargingState !== undefined).at(-1)?.transactionInfo.chargingState;
          check.that(`transaction on EVSE ${session.evse.evseId}`, !stop && state === 'Charging', 'not stopped, last chargingState Charging', stop ? `${stop.eventType}/${stop.triggerReason}` : `chargingState ${state ?? '-'}`);
        }
      });
    });
  }),
});
