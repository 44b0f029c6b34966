// Decides whether a string value fits a variable's characteristics (data type, limits, allowed values), as SetVariables must (B05.FR.07, B05.FR.08).
import type { DataType, StatusInfo, VariableCharacteristics } from './device-model-types';

const INTEGER = /^[+-]?\d+$/;
const DECIMAL = /^[+-]?(\d+(\.\d+)?|\.\d+)$/;
/** RFC 3339 date-time: date, 'T', time with optional fraction, then 'Z' or an offset. */
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/i;

type Check = (value: string, characteristics: VariableCharacteristics) => StatusInfo | undefined;

/** StatusInfoType.additionalInfo holds at most 512 characters. */
const MAX_ADDITIONAL_INFO = 512;

const statusInfo = (reasonCode: string) => (additionalInfo: string): StatusInfo => ({
  reasonCode,
  additionalInfo: additionalInfo.slice(0, MAX_ADDITIONAL_INFO),
});
const invalid = statusInfo('InvalidValue');
const outOfRange = statusInfo('ValueOutOfRange');

/** minLimit / maxLimit bound the number itself. */
function checkRange(value: number, { minLimit, maxLimit }: VariableCharacteristics): StatusInfo | undefined {
  if (minLimit !== undefined && value < minLimit) return outOfRange(`below the minimum of ${minLimit}`);
  if (maxLimit !== undefined && value > maxLimit) return outOfRange(`above the maximum of ${maxLimit}`);
  return undefined;
}

/** maxLimit bounds the length of strings and of the CSV text of lists (Part 2, VariableCharacteristicsType). */
function checkMaxLength(value: string, { maxLimit }: VariableCharacteristics): StatusInfo | undefined {
  return maxLimit !== undefined && value.length > maxLimit ? outOfRange(`longer than ${maxLimit} characters`) : undefined;
}

/** For strings this implementation also reads minLimit as a minimum length (e.g. 16 for BasicAuthPassword). */
function checkLength(value: string, characteristics: VariableCharacteristics): StatusInfo | undefined {
  const { minLimit } = characteristics;
  if (minLimit !== undefined && value.length < minLimit) return outOfRange(`shorter than ${minLimit} characters`);
  return checkMaxLength(value, characteristics);
}

/** The comma-separated members of a list value; the empty string is the empty list. */
export function listMembers(value: string): string[] {
  return value === '' ? [] : value.split(',').map((member) => member.trim());
}

function isRealDate(year: string, month: string, day: string): boolean {
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  return date.getUTCMonth() === Number(month) - 1 && date.getUTCDate() === Number(day);
}

const checkDateTime: Check = (value) => {
  const match = DATE_TIME.exec(value);
  return match && isRealDate(match[1], match[2], match[3]) ? undefined : invalid('not an RFC 3339 date-time');
};

/** Whether valuesList names the value (a variable without valuesList allows anything). */
const isAllowed = ({ valuesList }: VariableCharacteristics, value: string): boolean =>
  valuesList === undefined || listMembers(valuesList).includes(value);

const notAllowed = (value: string): StatusInfo => invalid(`"${value}" is not in valuesList`);

const checkOption: Check = (value, characteristics) =>
  isAllowed(characteristics, value) ? checkMaxLength(value, characteristics) : notAllowed(value);

/** Member and sequence lists: every member allowed, none repeated. */
const checkList: Check = (value, characteristics) => {
  const members = listMembers(value);
  const unknown = members.find((member) => !isAllowed(characteristics, member));
  if (unknown !== undefined) return notAllowed(unknown);
  if (new Set(members).size !== members.length) return invalid('a member is listed twice');
  return checkMaxLength(value, characteristics);
};

const CHECKS: Readonly<Record<DataType, Check>> = {
  string: checkLength,
  integer: (value, characteristics) => (INTEGER.test(value) ? checkRange(Number(value), characteristics) : invalid('not an integer')),
  decimal: (value, characteristics) => (DECIMAL.test(value) ? checkRange(Number(value), characteristics) : invalid('not a decimal')),
  boolean: (value) => (value === 'true' || value === 'false' ? undefined : invalid('not "true" or "false"')),
  dateTime: checkDateTime,
  OptionList: checkOption,
  MemberList: checkList,
  SequenceList: checkList,
};

/**
 * Why `value` does not fit the characteristics, as a StatusInfo: InvalidValue for a badly formatted value or one
 * outside valuesList (B05.FR.07), ValueOutOfRange for a number outside minLimit..maxLimit or a text of the wrong
 * length (B05.FR.08). Undefined when the value fits.
 */
export function checkValue(characteristics: VariableCharacteristics, value: string): StatusInfo | undefined {
  return CHECKS[characteristics.dataType](value, characteristics);
}
