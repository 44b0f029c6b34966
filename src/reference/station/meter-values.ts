/** Block J of the reference station: clock-aligned MeterValues (AlignedDataCtrlr) and the sampled readings of transactions (SampledDataCtrlr), on timers read from the device model. */
import { evModel, type EvseState } from './ev-model';
import type { StationFeature, StationRuntime } from './feature';
import { flagOf, measurandsOf, readMeter, settingOf, type MeterSource, type ReadingContext } from './meter';
import { transactionsOf } from './transactions';

/** Milliseconds until the next multiple of `intervalS` seconds since midnight UTC (J01: aligned to the clock). */
export function untilAligned(intervalS: number, now = Date.now()): number {
  const periodMs = intervalS * 1000;
  const sinceMidnight = now % 86_400_000;
  return periodMs - (sinceMidnight % periodMs);
}

/**
 * Sends clock-aligned meter values every AlignedDataCtrlr.Interval (as MeterValuesRequest for an EVSE without a
 * transaction, as TransactionEventRequest MeterValueClock for one with; nothing during a transaction when SendDuringIdle
 * is true), and for each transaction the periodic readings of SampledDataCtrlr.TxUpdatedInterval and the readings of
 * both TxEndedIntervals that go into the Ended event.
 */
export function meterValuesFeature(station: StationRuntime): StationFeature {
  const model = evModel(station);
  const engine = transactionsOf(station);
  const timers = new Set<NodeJS.Timeout>();
  const perTransaction = new Map<string, (() => void)[]>();
  let alignedRunning = false;

  const later = (ms: number, action: () => void): (() => void) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      action();
    }, ms);
    timers.add(timer);
    return () => {
      clearTimeout(timer);
      timers.delete(timer);
    };
  };

  const read = (evse: EvseState, source: MeterSource, variable: string, context: ReadingContext, at?: Date) => readMeter(station, model, evse, measurandsOf(station, source, variable), context, source, at);

  /** The clock-aligned moment a timer for `intervalS` fired for (the nearest multiple, as a real meter stamps it). */
  const alignedMoment = (intervalS: number): Date => new Date(Math.round(Date.now() / (intervalS * 1000)) * intervalS * 1000);

  const clockContext = (): ReadingContext => (station.has('meterValues.wrongContext') ? 'Sample.Periodic' : 'Sample.Clock');

  const alignedTick = (intervalS: number): void => {
    const idleOnly = flagOf(station, 'AlignedDataCtrlr', 'SendDuringIdle') && !station.has('meterValues.duringTransaction');
    const anyTransaction = engine.open.length > 0;
    if (station.has('meterValues.noAligned') || (idleOnly && anyTransaction)) return;
    for (const evse of model.evses.values()) {
      const reading = read(evse, 'AlignedDataCtrlr', 'Measurands', clockContext(), alignedMoment(intervalS));
      if (!reading) continue;
      if (engine.ongoing(evse.id)) engine.meterUpdate(evse.id, 'MeterValueClock', reading);
      else void station.send('MeterValues', { evseId: evse.id, meterValue: [reading] });
    }
  };

  const scheduleAligned = (): void => {
    const intervalS = flagOf(station, 'AlignedDataCtrlr', 'Enabled') || !station.deviceModel.has('AlignedDataCtrlr', 'Enabled') ? settingOf(station, 'AlignedDataCtrlr', 'Interval') : 0;
    // Re-read the interval every second when it is off, so a SetVariables takes effect without a reboot.
    later(intervalS > 0 ? untilAligned(intervalS) : 1000, () => {
      if (intervalS > 0) alignedTick(intervalS);
      scheduleAligned();
    });
  };

  /** Repeats `action` every `intervalS` seconds (aligned to the clock when `aligned`) until the returned stop is called. */
  const every = (intervalS: number, aligned: boolean, action: () => void): (() => void) => {
    let cancel: () => void = () => undefined;
    const next = () => {
      cancel = later(aligned ? untilAligned(intervalS) : intervalS * 1000, () => {
        action();
        next();
      });
    };
    if (intervalS > 0) next();
    return () => cancel();
  };

  model.on('transaction', ({ evse, transactionId, started }) => {
    if (!started) {
      for (const stop of perTransaction.get(transactionId) ?? []) stop();
      perTransaction.delete(transactionId);
      return;
    }
    const alignedEndedS = settingOf(station, 'AlignedDataCtrlr', 'TxEndedInterval');
    const stops = [
      every(settingOf(station, 'SampledDataCtrlr', 'TxUpdatedInterval'), false, () => {
        if (station.has('meterValues.noPeriodic')) return;
        const reading = read(evse, 'SampledDataCtrlr', 'TxUpdatedMeasurands', 'Sample.Periodic');
        if (reading) engine.meterUpdate(evse.id, 'MeterValuePeriodic', reading);
      }),
      every(settingOf(station, 'SampledDataCtrlr', 'TxEndedInterval'), false, () => {
        const reading = read(evse, 'SampledDataCtrlr', 'TxEndedMeasurands', 'Sample.Periodic');
        if (reading) engine.addEndedSample(evse.id, reading);
      }),
      every(alignedEndedS, true, () => {
        const reading = read(evse, 'AlignedDataCtrlr', 'TxEndedMeasurands', clockContext(), alignedMoment(alignedEndedS));
        if (reading) engine.addEndedSample(evse.id, reading);
      }),
    ];
    perTransaction.set(transactionId, stops);
  });

  return {
    onAccepted: () => {
      if (alignedRunning) return;
      alignedRunning = true;
      scheduleAligned();
    },
    triggers: {
      MeterValues: {
        send: (evseId) => {
          for (const evse of model.evses.values()) {
            if (evseId !== undefined && evse.id !== evseId) continue;
            const reading = read(evse, 'AlignedDataCtrlr', 'Measurands', station.has('trigger.wrongContext') ? 'Sample.Clock' : 'Trigger');
            if (reading) void station.send('MeterValues', { evseId: evse.id, meterValue: [reading] });
          }
        },
      },
    },
    stop: () => {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      alignedRunning = false;
    },
  };
}
