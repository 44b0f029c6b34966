/** Why: K15-K17 need an EV that negotiates its charging schedule over ISO 15118; this is that EV and the station's half of the negotiation, kept apart from the profile store. */
import type { ChargingProfileType, ChargingScheduleType } from '../../ocpp/generated/definitions';
import { evModel, type EvseState } from './ev-model';
import type { StationRuntime } from './feature';
import { transactionsOf } from './transactions';

/** What the simulated ISO 15118 EV asks for (AC, three phases). */
const EV_NEEDS = { requestedEnergyTransfer: 'AC_three_phase' as const, acChargingParameters: { energyAmount: 20_000, evMinCurrent: 6, evMaxCurrent: 32, evMaxVoltage: 400 } };

/** The station's side of ISO 15118 smart charging on each EVSE. */
export interface ChargingNeedsNegotiation {
  /** A TxProfile for the transaction on `evseId` was installed (or replaced): the EV gets it as its new limits. */
  txProfileSet(evseId: number, profile: ChargingProfileType): void;
  /** Driver action evRenegotiates: the EV sends new charging needs (K17 initiated by the EV). */
  renegotiate(evseId: number): void;
  /** After an accepted boot: sends the EV schedules made while offline. */
  flush(): void;
}

/**
 * An ISO 15118 EV on every EVSE (configured.chargingProfile.iso15118): once it is plugged in the energy waits for the
 * negotiation; once authorized the station sends NotifyEVChargingNeedsRequest (K15.FR.01). Rejected (K17.FR.04), or no
 * answer: the EV charges without a schedule. Accepted: the EV waits for the TxProfile of its transaction, returns its
 * own schedule within it with NotifyEVChargingScheduleRequest (K15.FR.09) and charges. A TxProfile that changes the
 * limits while the energy flows is reported with TransactionEventRequest triggerReason ChargingRateChanged. Offline
 * (the needs get no answer) the EV follows the composite schedule of the TxDefaultProfile (K15.FR.15, K17.FR.15) and
 * charges; its schedule goes to the CSMS once the station is back.
 */
export function chargingNeedsNegotiation(station: StationRuntime, offlineSchedule: (evseId: number) => ChargingScheduleType): ChargingNeedsNegotiation {
  const model = evModel(station);
  const engine = transactionsOf(station);
  /** EVSEs whose energy waits for the negotiation. */
  const held = new Set<number>();
  /** EVSEs whose EV has sent needs the CSMS accepted and waits for a TxProfile. */
  const awaiting = new Set<number>();
  /** EVSEs whose EV has negotiated over ISO 15118 in the current session (it takes new limits while charging, K17). */
  const negotiated = new Set<number>();
  /** EV schedules made while offline, sent once the station is back. */
  const unsent: { evseId: number; timeBase: string; schedule: ChargingScheduleType }[] = [];
  model.energyBlocks.push((evse) => held.has(evse.id));
  const release = (evse: EvseState): void => {
    if (!held.delete(evse.id)) return;
    model.emit('ev', evse);
  };
  const sendNeeds = async (evse: EvseState): Promise<void> => {
    negotiated.add(evse.id);
    const response = await station.send('NotifyEVChargingNeeds', { evseId: evse.id, chargingNeeds: EV_NEEDS });
    if (response === undefined) {
      if (station.has('iso15118.offlineNoFallback')) return;
      unsent.push({ evseId: evse.id, timeBase: new Date().toISOString(), schedule: offlineSchedule(evse.id) });
      return release(evse);
    }
    if (response.status === 'Accepted' || response?.status === 'Processing') awaiting.add(evse.id);
    else if (!station.has('iso15118.rejectedNeedsHold')) release(evse);
  };
  model.on('cable', ({ evse, connected, wasConnected }) => {
    if (connected && !wasConnected) {
      if (!evse.authorization) held.add(evse.id);
      else void sendNeeds(evse);
    }
    if (!connected) {
      held.delete(evse.id);
      awaiting.delete(evse.id);
      negotiated.delete(evse.id);
    }
  });
  model.on('authorized', ({ evse }) => {
    if (evse && held.has(evse.id) && model.connectedConnector(evse)) void sendNeeds(evse);
  });
  return {
    txProfileSet(evseId, profile) {
      const evse = model.evses.get(evseId);
      const tx = engine.ongoing(evseId);
      if (!evse || !tx || profile.transactionId !== tx.id || !negotiated.has(evseId)) return;
      const wasFlowing = evse.flowingSince !== undefined;
      // The EV takes a TxProfile it waits for (after accepted needs), or new limits while it charges (K17 initiated by the CSMS).
      if (!awaiting.delete(evseId) && !wasFlowing) return;
      const schedule: ChargingScheduleType = profile.chargingSchedule[0];
      const over = station.has('iso15118.scheduleAboveLimit') ? 1 : 0;
      // The EV's own schedule stays within the profile (K15.FR.09): its limits, at most the EV's maximum.
      const evSchedule: ChargingScheduleType = {
        id: schedule.id,
        chargingRateUnit: schedule.chargingRateUnit,
        ...(schedule.duration === undefined ? {} : { duration: schedule.duration }),
        chargingSchedulePeriod: schedule.chargingSchedulePeriod.map((p) => ({ startPeriod: p.startPeriod, limit: p.limit + over, ...(p.numberPhases === undefined ? {} : { numberPhases: p.numberPhases }) })) as ChargingScheduleType['chargingSchedulePeriod'],
      };
      void (async () => {
        await station.send('NotifyEVChargingSchedule', { timeBase: new Date().toISOString(), evseId, chargingSchedule: evSchedule });
        if (wasFlowing) engine.meterUpdate(evseId, station.has('iso15118.rateChangeAsStateChange') ? 'ChargingStateChanged' : 'ChargingRateChanged');
        else release(evse);
      })();
    },
    flush() {
      for (const { evseId, timeBase, schedule } of unsent.splice(0)) void station.send('NotifyEVChargingSchedule', { timeBase, evseId, chargingSchedule: schedule });
    },
    renegotiate(evseId) {
      const evse = model.evses.get(evseId);
      if (evse && model.connectedConnector(evse)) void sendNeeds(evse);
    },
  };
}
