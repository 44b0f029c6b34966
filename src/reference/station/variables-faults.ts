// The faults of the reference station's GetVariables / SetVariables answers (B05, B06), kept apart from the conformant device model.
import type { StationFault } from '../faults';
import type { DeviceModel, GetVariableData, GetVariableResult, SetVariableData, SetVariableResult } from './device-model';

type Has = (fault: StationFault) => boolean;

/** A copy of `value` without the field `field`. */
function without<T extends object>(value: T, field: keyof T): T {
  const copy = { ...value };
  delete copy[field];
  return copy;
}

/** The request entries the station answers: all of them, or only the first under `variables.firstResultOnly`. */
const answered = <T>(has: Has, data: readonly T[]): T[] => (has('variables.firstResultOnly') ? data.slice(0, 1) : [...data]);

/** Under `variables.attributeTypeIgnored` an entry is looked up as if it asked for Actual. */
function asked<T extends GetVariableData | SetVariableData>(has: Has, entry: T): T {
  if (!has('variables.attributeTypeIgnored')) return entry;
  return without(entry, 'attributeType');
}

/** The statuses and fields the faults bend in a result of either message. */
function bent<R extends GetVariableResult | SetVariableResult>(has: Has, result: R, entry: GetVariableData | SetVariableData): R {
  let out: R = has('variables.attributeTypeIgnored') ? { ...result, attributeType: entry.attributeType ?? 'Actual' } : result;
  if (has('variables.unknownComponentAsVariable') && out.attributeStatus === 'UnknownComponent') out = { ...out, attributeStatus: 'UnknownVariable' };
  if (has('variables.unknownVariableRejected') && out.attributeStatus === 'UnknownVariable') out = { ...out, attributeStatus: 'Rejected' };
  if (has('variables.noAttributeType')) out = without(out, 'attributeType');
  return out;
}

/** A Rejected SetVariableResult a fault turns into Accepted (the value was not stored). */
function falselyAccepted(has: Has, result: SetVariableResult): SetVariableResult {
  const reason = result.attributeStatus === 'Rejected' ? result.attributeStatusInfo?.reasonCode : undefined;
  const lies = (reason === 'ReadOnly' && has('variables.readOnlyAccepted')) || (reason === 'InvalidValue' && has('variables.badFormatAccepted'));
  if (!lies) return result;
  return { ...without(result, 'attributeStatusInfo'), attributeStatus: 'Accepted' };
}

/** GetVariables answered by the device model, as the station's `variables.*` faults change it. */
export function faultyGetVariables(model: DeviceModel, has: Has, data: readonly GetVariableData[]): GetVariableResult[] {
  const entries = answered(has, data);
  return model.getVariables(entries.map((entry) => asked(has, entry))).map((result, i) => bent(has, result, entries[i]));
}

/** SetVariables answered by the device model, as the station's `variables.*` faults change it. */
export function faultySetVariables(model: DeviceModel, has: Has, data: readonly SetVariableData[]): SetVariableResult[] {
  const entries = answered(has, data);
  return model.setVariables(entries.map((entry) => asked(has, entry))).map((result, i) => bent(has, falselyAccepted(has, result), entries[i]));
}
