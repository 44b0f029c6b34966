/** TC_N_23_CS: an event of a monitor whose severity is above OfflineQueuingSeverity is not queued while offline, while the transaction events are. */
import { defineTestCase } from '../../../src/engine/testcase';
import type { IncomingCall } from '../../../src/ocpp/connection';
import type { EventDataType } from '../../../src/ocpp/generated/definitions';
import type { TransactionEventRequest } from '../../../src/ocpp/generated';
import { setting } from '../states/configuration';
import { connectionClosed } from '../states/offline';
import { checkMonitorResult, resultFor, setMonitors, withCustomMonitors } from '../states/monitoring';

type Seen = IncomingCall<'NotifyEvent' | 'TransactionEvent' | 'StatusNotification'>;

export default defineTestCase({
  id: 'TC_N_23_CS',
  name: 'Offline Notification - OfflineMonitoringEventQueuingSeverity set higher than severityLevel of the monitor',
  sut: 'CS',
  useCases: ['N07'],
  requirements: ['N07.FR.04'],
  detects: ['monitoring.queuesEverything'],
  configuration: [setting('MonitoringCtrlr', 'OfflineQueuingSeverity', (config) => String(config.configured.monitorSeverity))],
  notes:
    'Follows errata 2024-06 (6.2.90). Memory state: the harness keeps only hard-wired monitors (SetMonitoringBase HardWiredOnly, so no other ' +
    'monitor of a lower severity watches these variables), sets monitoring level 9 and Delta monitors of <Configured severity> + 1 on the ' +
    'AvailabilityState of EVSE <Configured evseId> and of its <Configured connectorId>. Steps 3-8 are checked when TxStartPoint contains ' +
    'EVConnected or ParkingBayOccupancy. The harness takes the station offline by closing the connection and refusing reconnects; after the ' +
    'reconnection it listens the message timeout for NotifyEventRequests of the two monitors, which must not come. Afterwards the EV is ' +
    'unplugged, the monitors cleared, monitoring base All and level 9 set again.',
  async run(ctx) {
    const { check, csms, config } = ctx;
    const { evseId, connectorId, monitorSeverity, transactionDuration } = config.configured;
    const severity = Math.min(9, monitorSeverity + 1);
    const evse = { component: { name: 'EVSE', evse: { id: evseId } }, variable: { name: 'AvailabilityState' }, type: 'Delta' as const, value: 1, severity };
    const connector = { component: { name: 'Connector', evse: { id: evseId, connectorId } }, variable: { name: 'AvailabilityState' }, type: 'Delta' as const, value: 1, severity };
    const seen: Seen[] = [];
    /** Takes every session message until `done` holds for what was taken, or `timeoutMs` passes; returns whether `done` held. */
    const collect = async (done: () => boolean, timeoutMs: number, acrossReconnect = false): Promise<boolean> => {
      const deadline = Date.now() + timeoutMs;
      while (!done()) {
        const left = deadline - Date.now();
        if (left <= 0) return false;
        const call = await csms.expect(['NotifyEvent', 'TransactionEvent', 'StatusNotification'], { timeoutMs: left, acrossReconnect, description: 'a session message' }).catch(() => undefined);
        if (!call) return done();
        call.respond(call.action === 'TransactionEvent' && (call.payload as TransactionEventRequest).idToken ? ({ idTokenInfo: { status: 'Accepted' } } as never) : ({} as never));
        seen.push(call as Seen);
      }
      return true;
    };
    const events = (from: number) => seen.slice(from).filter((c) => c.action === 'NotifyEvent').flatMap((c) => (c.payload as { eventData: EventDataType[] }).eventData);
    const txEvents = (from: number) => seen.slice(from).filter((c) => c.action === 'TransactionEvent').map((c) => c.payload as TransactionEventRequest);
    await withCustomMonitors(
      ctx,
      async (ids) => {
        const monitorIds = await ctx.step(`Memory State: only hard-wired monitors, level 9, Delta monitors of severity ${severity} on the EVSE and connector AvailabilityState`, async () => {
          check.equal('SetMonitoringBaseResponse.status', (await csms.call('SetMonitoringBase', { monitoringBase: 'HardWiredOnly' })).status, 'Accepted');
          check.equal('SetMonitoringLevelResponse.status', (await csms.call('SetMonitoringLevel', { severity: 9 })).status, 'Accepted');
          const results = await setMonitors(ctx, [evse, connector]);
          const mine = [resultFor(results, evse), resultFor(results, connector)];
          checkMonitorResult(ctx, 'setMonitoringResult (EVSE)', mine[0], evse, ['Accepted']);
          checkMonitorResult(ctx, 'setMonitoringResult (Connector)', mine[1], connector, ['Accepted']);
          for (const r of mine) if (r?.id !== undefined) ids.push(r.id);
          return mine.map((r) => r?.id);
        });
        const startPoints = await ctx.step('Preparation: harness reads TxCtrlr.TxStartPoint', async () => ((await csms.call('GetVariables', { getVariableData: [{ component: { name: 'TxCtrlr' }, variable: { name: 'TxStartPoint' } }] })).getVariableResult[0]?.attributeValue ?? '').split(','));
        const withTransaction = startPoints.includes('EVConnected') || startPoints.includes('ParkingBayOccupancy');
        const ours = (e: EventDataType) => monitorIds.includes(e.variableMonitoringId);
        try {
          await ctx.step('Manual action: connect the EV and EVSE', () => ctx.perform({ kind: 'plugIn', side: 'both', evseId, connectorId }));
          await ctx.step('1-2. station reports the EVSE and connector Occupied with NotifyEventRequest (and StatusNotification)', async () => {
            await collect(() => ['Connector', 'EVSE'].every((name) => events(0).some((e) => ours(e) && e.component.name === name)) && (!withTransaction || txEvents(0).length > 0), config.timeouts.messageMs);
            for (const name of ['Connector', 'EVSE']) {
              const e = events(0).find((x) => ours(x) && x.component.name === name);
              check.equal(`eventData (${name}).trigger`, e?.trigger, 'Delta');
              check.equal(`eventData (${name}).actualValue`, e?.actualValue, 'Occupied');
              check.equal(`eventData (${name}).component.evse.id`, e?.component.evse?.id, evseId);
              if (name === 'Connector') check.equal('eventData (Connector).component.evse.connectorId', e?.component.evse?.connectorId, connectorId);
              check.equal(`eventData (${name}).variable.name`, e?.variable.name, 'AvailabilityState');
            }
          });
          if (withTransaction) {
            await ctx.step('3-4. station sends TransactionEventRequest for the plugged cable', () => {
              const event = txEvents(0)[0];
              check.equal('TransactionEventRequest.triggerReason', event?.triggerReason, 'CablePluggedIn');
              check.equal('TransactionEventRequest.transactionInfo.chargingState', event?.transactionInfo.chargingState, 'EVConnected');
            });
          }
          const offline = await connectionClosed(ctx, 'Manual action: take the station offline (the harness closes the connection and refuses reconnects)');
          await ctx.step('Manual action: disconnect the EV and EVSE', () => ctx.perform({ kind: 'unplug', side: 'both', evseId, connectorId }));
          await ctx.step('Manual action: connect the EV and EVSE again', () => ctx.perform({ kind: 'plugIn', side: 'both', evseId, connectorId }));
          await ctx.step(`The harness waits ${transactionDuration} s (<Configured Transaction Duration>, Part 6)`, () => new Promise<void>((resolve) => setTimeout(resolve, transactionDuration * 1000)));
          const back = seen.length;
          await offline.reconnect('Manual action: bring the station back online (the harness takes the next connection)', { waitForFirstMessage: true });
          if (withTransaction) {
            await ctx.step('5-8. station sends the queued TransactionEventRequests: the EV lost (Idle), then plugged in again (EVConnected)', async () => {
              await collect(() => txEvents(back).some((e) => e.triggerReason === 'EVCommunicationLost') && txEvents(back).some((e) => e.triggerReason === 'CablePluggedIn'), config.timeouts.messageMs * 2, true);
              const lost = txEvents(back).find((e) => e.triggerReason === 'EVCommunicationLost');
              const plugged = txEvents(back).find((e) => e.triggerReason === 'CablePluggedIn');
              check.equal('TransactionEventRequest (step 5).triggerReason', lost?.triggerReason, 'EVCommunicationLost');
              check.equal('TransactionEventRequest (step 5).transactionInfo.chargingState', lost?.transactionInfo.chargingState, 'Idle');
              check.equal('TransactionEventRequest (step 7).triggerReason', plugged?.triggerReason, 'CablePluggedIn');
              check.equal('TransactionEventRequest (step 7).transactionInfo.chargingState', plugged?.transactionInfo.chargingState, 'EVConnected');
            });
          }
          await ctx.step('Note: no NotifyEventRequest for the AvailabilityState monitors after the reconnection (the harness listens the message timeout)', async () => {
            await collect(() => false, config.timeouts.messageMs, true);
            const late = events(back).filter(ours);
            check.that('NotifyEventRequests of the monitors above OfflineQueuingSeverity', late.length === 0, 'none', JSON.stringify(late));
          });
        } finally {
          await ctx.step('Afterwards: unplug the EV, monitoring base All again (clean-up)', async () => {
            await ctx.perform({ kind: 'unplug', side: 'both', evseId, connectorId });
            await csms.call('SetMonitoringBase', { monitoringBase: 'All' });
          }).catch(() => undefined);
        }
      },
      { level: true },
    );
  },
});
