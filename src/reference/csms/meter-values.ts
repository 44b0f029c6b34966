/** Block J of the reference CSMS: it answers MeterValues, and under its faults refuses or ignores some meter values. */
import type { MeterValueType } from '../../ocpp/generated/definitions';
import type { CsmsFeature, CsmsRuntime } from './feature';

/** True when any sampled value of `meterValue` carries a signedMeterValue. */
export function carriesSignedValue(meterValue: readonly MeterValueType[] | undefined): boolean {
  return (meterValue ?? []).some((m) => m.sampledValue.some((s) => s.signedMeterValue !== undefined));
}

/** An answer that never comes: how a fault leaves a CALL unanswered. */
export function unanswered<T>(): Promise<T> {
  return new Promise<T>(() => undefined);
}

/** Refuses signed meter values when the `meterValues.rejectsSigned` fault is on (throwing answers CALLERROR InternalError). */
export function refuseSignedValues(csms: CsmsRuntime, meterValue: readonly MeterValueType[] | undefined): void {
  if (csms.has('meterValues.rejectsSigned') && carriesSignedValue(meterValue)) throw new Error('signed meter values are not supported');
}

/** MeterValues answers. */
export function meterValuesFeature(csms: CsmsRuntime): CsmsFeature {
  return {
    handlers: {
      MeterValues: (call) => {
        if (csms.has('meterValues.unanswered')) return unanswered();
        refuseSignedValues(csms, call.payload.meterValue);
        return {};
      },
    },
  };
}
