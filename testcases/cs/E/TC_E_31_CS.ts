/** TC_E_31_CS: a transaction that ends while the station is offline is reported as not ongoing with queued messages, then in full. */
import { defineTestCase } from '../../../src/engine/testcase';
import type { RunConfig } from '../../../src/engine/config';
import {
  connectionClosed,
  departureReported,
  disconnectionReported,
  energyTransferStarted,
  postSessionReported,
  SAMPLED_UPDATES,
  setting,
  stopReported,
  suspensionReported,
  transactionStatus,
  withSession,
} from '../states';

/** <Configured RetryBackOffWaitMinimum_duration> + <Configured Transaction Duration>, whole seconds. */
const backOff = (c: RunConfig): number => c.configured.retryBackOffWaitMinimum + Math.ceil(c.configured.transactionDuration);

export default defineTestCase({
  id: 'TC_E_31_CS',
  name: 'Check Transaction status - Transaction with id ended - with message in queue',
  sut: 'CS',
  useCases: ['E14'],
  requirements: ['E14.FR.03', 'E14.FR.04'],
  detects: ['transactionStatus.queueHidden', 'transactionStatus.wrongOngoing', 'offline.notQueued'],
  configuration: [
    ...SAMPLED_UPDATES,
    setting('OCPPCommCtrlr', 'OfflineThreshold', (c) => String(backOff(c) + 60)),
    setting('OCPPCommCtrlr', 'RetryBackOffWaitMinimum', (c) => String(backOff(c))),
    setting('OCPPCommCtrlr', 'RetryBackOffRandomRange', '0'),
    setting('OCPPCommCtrlr', 'UnlockOnEVSideDisconnect', 'true'),
  ],
  notes:
    'Scenario local or remote follows configured.stopTransactionVia; as errata 2025-09 6.2.53 says, in the remote scenario the EV stops the ' +
    'energy transfer (the station is offline, RequestStopTransaction cannot reach it). The Transaction Duration is rounded up to whole seconds ' +
    'in RetryBackOffWaitMinimum. After the manual actions the harness waits the Transaction Duration, then accepts the next reconnection ' +
    'attempt and sends GetTransactionStatusRequest the moment the station is back, before it answers any message of the station. The ' +
    'queued events are then checked with the validations of the states they replay: StopAuthorized and EVConnectedPostSession (local) or ' +
    'EnergyTransferSuspended (remote; the EV suspended, so no EVConnected report follows), then EVDisconnected and, with TxStopPoint ' +
    'ParkingBayOccupancy and a bay sensor, ParkingBayUnoccupied.',
  async run(ctx) {
    const { step, config } = ctx;
    await withSession(ctx, async (session) => {
      const { evse, idToken, monitor } = session;
      const scenario = config.configured.stopTransactionVia;
      await step('Before: reach state EnergyTransferStarted', () => energyTransferStarted(session));
      const transactionId = session.transactionId;
      const { stopPoints } = await session.settings();
      const offline = await connectionClosed(ctx, 'Harness closes the WebSocket and refuses reconnects');
      if (scenario === 'local') await session.act(`Manual action: present the idToken '${idToken.idToken}' again`, { kind: 'presentIdToken', idToken, evseId: evse.evseId });
      else await session.act('Manual action: stop the energy transfer from the EV', { kind: 'evSuspend', evseId: evse.evseId });
      session.evHeld = scenario === 'remote';
      await session.act('Manual action: disconnect the EV and EVSE', { kind: 'unplug', side: 'both', ...evse });
      session.evConnected = false;
      const bayDeparture = stopPoints.has('ParkingBayOccupancy') && config.configured.parkingBaySensor;
      if (bayDeparture) await session.act('Manual action: drive the EV out of the parking bay', { kind: 'parkingBayVacated', evseId: evse.evseId });
      session.bayOccupied = session.bayOccupied && !bayDeparture;
      const seconds = config.configured.transactionDuration;
      await step(`Wait <Configured Transaction Duration> (${seconds} s) while the station is offline`, () => monitor.watch(seconds * 1000));
      await offline.reconnect('Harness accepts the reconnection', { waitForFirstMessage: false });
      await transactionStatus(session, '1-2. harness asks for the status of the ended transaction', transactionId, { ongoingIndicator: false, messagesInQueue: true });
      await step('3-4. station sends its queued TransactionEventRequests; the checks of the states they replay', async () => {
        if (scenario === 'local') {
          await stopReported(session, 'local');
          await postSessionReported(session);
        } else {
          await suspensionReported(session, 'EnergyTransferSuspended 1-2. the suspension');
          Object.assign(session, { authorized: false, stoppedVia: 'remote' });
        }
        const stillOpen = monitor.transactionOpen;
        await disconnectionReported(session, stillOpen);
        if (bayDeparture && monitor.transactionOpen) await departureReported(session);
      });
    });
  },
});
