/** Block I of the reference CSMS: an energy tariff whose running cost goes out in CostUpdatedRequest during a transaction and whose total goes in the answer to the Ended event (I02, I03). */
import type { TransactionEventRequest } from '../../ocpp/generated';
import type { MeterValueType } from '../../ocpp/generated/definitions';
import { callInBackground } from './background-call';
import type { CsmsFeature, CsmsRuntime } from './feature';
import { transactionAnswerHooks } from './transactions';

/** The price of the reference CSMS's tariff, per kWh (in the station's currency). */
export const PRICE_PER_KWH = 0.25;

/** What the tariff knows of one transaction: the first and latest energy register readings (Wh). */
interface Metered {
  readonly internalNo: number;
  firstWh?: number;
  lastWh?: number;
}

/** The Energy.Active.Import.Register readings of some meter values, in Wh, in order. */
function energyReadings(meterValue: readonly MeterValueType[] | undefined): number[] {
  const readings: number[] = [];
  for (const value of meterValue ?? []) {
    for (const sampled of value.sampledValue) {
      if ((sampled.measurand ?? 'Energy.Active.Import.Register') !== 'Energy.Active.Import.Register') continue;
      const unit = sampled.unitOfMeasure?.unit ?? 'Wh';
      const scale = (unit === 'kWh' ? 1000 : 1) * 10 ** (sampled.unitOfMeasure?.multiplier ?? 0);
      readings.push(sampled.value * scale);
    }
  }
  return readings;
}

/** Cost of `wh` at the tariff, to the cent. */
const costOf = (wh: number): number => Math.round((Math.max(0, wh) / 1000) * PRICE_PER_KWH * 100) / 100;

/**
 * The tariff feature: every TransactionEventRequest's energy readings are metered; an Updated event with a new reading
 * is followed by a CostUpdatedRequest with the running cost (I02.FR.01, the answer itself carries no totalCost), and the
 * answer to the Ended event carries the total cost (I03.FR.02; 0.00 when no energy was metered, I03.FR.04).
 */
export function tariffCostFeature(csms: CsmsRuntime): CsmsFeature {
  const metered = new Map<string, Metered>();
  let internalNo = 0;
  const meteredOf = (stationId: string, transactionId: string): Metered => {
    const key = `${stationId}/${transactionId}`;
    let known = metered.get(key);
    if (!known) metered.set(key, (known = { internalNo: ++internalNo }));
    return known;
  };
  transactionAnswerHooks(csms).push((stationId, event: TransactionEventRequest, answer) => {
    const transactionId = event.transactionInfo.transactionId;
    const known = meteredOf(stationId, transactionId);
    const readings = energyReadings(event.meterValue);
    for (const wh of readings) {
      known.firstWh ??= wh;
      known.lastWh = wh;
    }
    const cost = costOf((known.lastWh ?? 0) - (known.firstWh ?? 0));
    if (event.eventType === 'Ended') {
      metered.delete(`${stationId}/${transactionId}`);
      return csms.has('tariff.noTotalCost') ? answer : { ...answer, totalCost: cost };
    }
    if (event.eventType === 'Updated' && readings.length > 0 && !csms.has('tariff.noRunningCost')) {
      const named = csms.has('tariff.costUpdatedWrongTransaction') ? String(known.internalNo) : transactionId;
      // After the TransactionEventResponse has gone out.
      setImmediate(() => callInBackground(csms, stationId, 'CostUpdated', { totalCost: cost, transactionId: named }));
    }
    return answer;
  });
  return {};
}
