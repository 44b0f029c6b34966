/** TC_C_47_CS: on a station with a master pass UI, the master pass holder chooses to stop every transaction, and every EVSE stops with stoppedReason MasterPass. */
import { defineTestCase } from '../../../src/engine/testcase';
import { relyingOnFeature } from '../../../src/engine/claims';
import { afterMasterPassStop, MASTER_PASS_GROUP, masterPassPresented, stopsReported, withChargingOn } from '../states';

export default defineTestCase({
  id: 'TC_C_47_CS',
  name: 'Stop Transaction with a Master Pass - With UI - All transactions',
  sut: 'CS',
  useCases: ['C16'],
  requirements: ['C16.FR.01'],
  detects: ['masterPass.stopsNothing', 'transaction.wrongStoppedReason'],
  configuration: [MASTER_PASS_GROUP],
  applicable: (config) => (config.configured.masterPassUi ? undefined : 'the station has no master pass UI (configured.masterPassUi is false; Part 5 C-07)'),
  notes:
    'EnergyTransferStarted runs on every configured EVSE, with <Configured valid_idtoken> and <Configured valid_idtoken2> in ' +
    'turn. The master pass is presented at the station, not at one EVSE. The harness answers it Accepted with ' +
    '<Configured masterPassGroupId> (AuthorizeRequest and TransactionEventRequest). Step 3 as errata 2025-09 6.2.32: the ' +
    'stop event of each transaction carries no idToken or the master pass; the last event of each is Ended with ' +
    'stoppedReason MasterPass (checked after the EV has left, as TxStopPoint may keep the transaction open until then).',
  run: relyingOnFeature('masterPassUi', async (ctx) => {
    await withChargingOn(ctx, ctx.config.station.evses.map((e) => e.id), async (charging) => {
      await masterPassPresented(ctx, charging);
      await charging[0].session.act('Manual action: on the master pass UI, choose to stop every transaction', { kind: 'localStopSelection' });
      await stopsReported(ctx, charging, '3-4. station reports the stop of the transaction on every EVSE');
      await afterMasterPassStop(ctx, charging);
    });
  }),
});
