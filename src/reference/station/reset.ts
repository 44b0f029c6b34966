/** Block B reset (B11, B12) of the reference station: ResetRequest for the whole station or one EVSE, at once (Immediate) or once its transactions are over (OnIdle). */
import type { OcppRequests, OcppResponses } from '../../ocpp/generated';
import { evModel } from './ev-model';
import type { BootReason, StationFeature, StationRuntime } from './feature';
import { transactionsOf } from './transactions';

/**
 * Answers ResetRequest. Without a transaction in the way it resets at once (Accepted); OnIdle with one ongoing answers
 * Scheduled and resets when the last transaction concerned has ended (B12.FR.01/03/07, reboot reason ScheduledReset);
 * Immediate ends those transactions first (triggerReason ResetCommand, stoppedReason ImmediateReset; B12.FR.02/04/08)
 * and, for the whole station, reboots once their Ended events are delivered (or the message timeout has passed:
 * B12.FR.05, the rest goes out after the boot). Connectors set Inoperative stay so (B11.FR.02, B12.FR.06: the shared
 * model survives the reboot). A station without per-EVSE reset (options.resetPerEvse false) rejects a ResetRequest
 * with evseId (B11.FR.09, B12.FR.09). Resetting one EVSE has no effect visible over OCPP here (B11.FR.08 makes the
 * StatusNotification(Unavailable) optional).
 */
export function resetFeature(station: StationRuntime): StationFeature {
  const model = evModel(station);
  const engine = transactionsOf(station);
  /** Targets of OnIdle resets waiting for their transactions to end: an EVSE id, or undefined for the whole station. */
  const scheduled = new Set<number | undefined>();

  const idle = (target: number | undefined): boolean => (target === undefined ? engine.open.length === 0 : engine.ongoing(target) === undefined);

  const reboot = async (reason: BootReason): Promise<void> => {
    scheduled.clear();
    await engine.drained(station.options.timeoutMs);
    // Fault reset.unavailableNotPersisted: what the CSMS set Inoperative is forgotten on the way down.
    if (station.has('reset.unavailableNotPersisted')) for (const evse of model.evses.values()) for (const connector of evse.connectors) connector.unavailable = false;
    await station.reboot(station.has('reset.wrongBootReason') ? 'PowerUp' : reason);
  };

  const resetTarget = (target: number | undefined, reason: BootReason): void => {
    if (target === undefined) void reboot(reason);
    else station.log(`EVSE ${target} resets`);
  };

  model.on('transaction', ({ started }) => {
    if (started || scheduled.size === 0 || station.has('reset.scheduledForgotten')) return;
    // After the Ended event has been queued (the model hears of the end first).
    station.later(0, () => {
      for (const target of [...scheduled]) {
        if (!idle(target)) continue;
        scheduled.delete(target);
        resetTarget(target, 'ScheduledReset');
      }
    });
  });

  const reset = ({ type, evseId }: OcppRequests['Reset']): OcppResponses['Reset'] => {
    if (station.has('reset.rejected')) return { status: 'Rejected' };
    const perEvse = station.options.resetPerEvse !== false;
    // Fault reset.evseNotRejected: a station that cannot reset one EVSE takes the request for a reset of itself.
    const target = evseId === undefined || (!perEvse && station.has('reset.evseNotRejected')) ? undefined : evseId;
    if (target !== undefined && !perEvse) return { status: 'Rejected', statusInfo: { reasonCode: 'UnsupportedRequest' } };
    if (target !== undefined && !model.evses.has(target)) return { status: 'Rejected', statusInfo: { reasonCode: 'UnknownEvse' } };
    // Fault reset.onIdleStopsTransaction: OnIdle is handled as Immediate.
    const immediate = type === 'Immediate' || station.has('reset.onIdleStopsTransaction');
    if (!immediate && !idle(target)) {
      scheduled.add(target);
      return { status: 'Scheduled' };
    }
    station.later(0, () => {
      // Fault reset.immediateKeepsTransaction: the transactions stay open through the reset.
      if (!station.has('reset.immediateKeepsTransaction')) for (const tx of engine.open) if (target === undefined || tx.evseId === target) engine.endForReset(tx.evseId);
      resetTarget(target, 'RemoteReset');
    });
    return { status: 'Accepted' };
  };

  return { handlers: { Reset: (call) => reset(call.payload) } };
}
