// Names the payload pieces the reference station's device model reads and writes, taken from the generated schema types so they cannot drift.
import type {
  GetBaseReportRequest,
  GetVariablesRequest,
  GetVariablesResponse,
  NotifyReportRequest,
  SetVariablesRequest,
  SetVariablesResponse,
} from '../../ocpp/generated';

/** One element of GetVariablesRequest.getVariableData. */
export type GetVariableData = GetVariablesRequest['getVariableData'][number];

/** One element of GetVariablesResponse.getVariableResult. */
export type GetVariableResult = GetVariablesResponse['getVariableResult'][number];

/** One element of SetVariablesRequest.setVariableData. */
export type SetVariableData = SetVariablesRequest['setVariableData'][number];

/** One element of SetVariablesResponse.setVariableResult. */
export type SetVariableResult = SetVariablesResponse['setVariableResult'][number];

/** One element of NotifyReportRequest.reportData. */
export type ReportData = NonNullable<NotifyReportRequest['reportData']>[number];

/** One element of ReportData.variableAttribute. */
export type VariableAttribute = ReportData['variableAttribute'][number];

/** ReportData.variableCharacteristics: the fixed facts about a variable (data type, unit, limits, allowed values). */
export type VariableCharacteristics = NonNullable<ReportData['variableCharacteristics']>;

/** ComponentType: name, optional instance, optional EVSE (and connector). */
export type ComponentType = GetVariableData['component'];

/** VariableType: name and optional instance. */
export type VariableType = GetVariableData['variable'];

/** StatusInfoType: a reason code with optional additional text. */
export type StatusInfo = NonNullable<SetVariableResult['attributeStatusInfo']>;

/** AttributeEnumType: Actual, Target, MinSet, MaxSet. */
export type AttributeType = NonNullable<GetVariableData['attributeType']>;

/** MutabilityEnumType: ReadOnly, WriteOnly, ReadWrite. */
export type Mutability = NonNullable<VariableAttribute['mutability']>;

/** DataEnumType: string, decimal, integer, dateTime, boolean, OptionList, SequenceList, MemberList. */
export type DataType = VariableCharacteristics['dataType'];

/** ReportBaseEnumType: ConfigurationInventory, FullInventory, SummaryInventory. */
export type ReportBase = GetBaseReportRequest['reportBase'];

/** A list with at least one element, as the schemas' `minItems: 1` arrays are typed. */
export type NonEmpty<T> = [T, ...T[]];
