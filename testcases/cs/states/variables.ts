/** One GetVariables or SetVariables exchange and the checks of its results (B05, B06): the shape the B_06-B_39 variable cases share. */
import type { CsCaseContext } from '../../../src/engine/testcase';
import type { GetVariablesRequest, GetVariablesResponse, SetVariablesRequest, SetVariablesResponse } from '../../../src/ocpp/generated';

type GetVariableData = GetVariablesRequest['getVariableData'][number];
type SetVariableData = SetVariablesRequest['setVariableData'][number];
type VariableResult = GetVariablesResponse['getVariableResult'][number] | SetVariablesResponse['setVariableResult'][number];
type AttributeType = NonNullable<GetVariableData['attributeType']>;

/** OCPPCommCtrlr.OfflineThreshold, the required variable most of the B05 / B06 cases use. */
export const OFFLINE_THRESHOLD = { component: { name: 'OCPPCommCtrlr' }, variable: { name: 'OfflineThreshold' } } as const;

/** AuthCtrlr.LocalAuthorizeOffline, the second variable of the multiple-value cases. */
export const LOCAL_AUTHORIZE_OFFLINE = { component: { name: 'AuthCtrlr' }, variable: { name: 'LocalAuthorizeOffline' } } as const;

/** Part 6's component-variable with a component no station has ("UnknownComponent"), for the B06.FR.06 / B05.FR.04 cases. */
export const UNKNOWN_COMPONENT = { component: { name: 'UnknownComponent' }, variable: { name: 'OfflineThreshold' } } as const;

/** Part 6's component-variable with a variable OCPPCommCtrlr does not have ("UnknownVariable"), for the B06.FR.07 / B05.FR.05 cases. */
export const UNKNOWN_VARIABLE = { component: { name: 'OCPPCommCtrlr' }, variable: { name: 'UnknownVariable' } } as const;

/** What one result of a GetVariablesResponse / SetVariablesResponse must hold; fields left out are not checked. */
export interface ExpectedResult {
  readonly component: { readonly name: string };
  readonly variable: { readonly name: string; readonly instance?: string };
  /** The status, or the statuses any of which will do. */
  readonly attributeStatus: VariableResult['attributeStatus'] | readonly VariableResult['attributeStatus'][];
  readonly attributeType?: AttributeType;
  /** GetVariables only. */
  readonly attributeValue?: string;
  /** attributeStatusInfo must be absent or carry reasonCode NoError. */
  readonly noError?: boolean;
  /** When the result is Rejected, attributeStatusInfo should be absent or carry reasonCode InvalidValue: an advisory validation (Part 6 "not required"). */
  readonly invalidValueAdvised?: boolean;
}

/** A component-variable in the text form of the step titles, e.g. `OCPPCommCtrlr.MessageTimeout[Default]`. */
export const variableLabel = ({ component, variable }: Pick<ExpectedResult, 'component' | 'variable'>): string =>
  `${component.name}.${variable.name}${variable.instance ? `[${variable.instance}]` : ''}`;

const sameVariable = (result: VariableResult, expected: ExpectedResult): boolean =>
  result.component.name === expected.component.name && result.variable.name === expected.variable.name && result.variable.instance === expected.variable.instance;

/**
 * Checks the results of one exchange: one result per requested entry (B05.FR.01 / B06.FR.01), and for each expected
 * result an entry with that component and variable (in any order) whose fields are as expected.
 */
function checkResults(ctx: CsCaseContext, message: string, requested: number, results: readonly VariableResult[], expected: readonly ExpectedResult[]): void {
  const { check } = ctx;
  const list = message === 'GetVariablesResponse' ? 'getVariableResult' : 'setVariableResult';
  check.equal(`${message}.${list} count`, results.length, requested);
  for (const want of expected) {
    const label = `${message}.${list}[${variableLabel(want)}]`;
    const found = results.find((result) => sameVariable(result, want));
    check.that(
      `${label} component.name / variable.name${want.variable.instance ? ' / variable.instance' : ''}`,
      found !== undefined,
      `a result for component "${want.component.name}", variable "${want.variable.name}"${want.variable.instance ? ` instance "${want.variable.instance}"` : ''}`,
      results.map((r) => variableLabel(r)).join(', ') || '(none)',
    );
    if (!found) continue;
    if (typeof want.attributeStatus === 'string') check.equal(`${label}.attributeStatus`, found.attributeStatus, want.attributeStatus);
    else check.oneOf(`${label}.attributeStatus`, found.attributeStatus, want.attributeStatus);
    if (want.attributeType !== undefined) check.equal(`${label}.attributeType`, found.attributeType, want.attributeType);
    if (want.attributeValue !== undefined) check.equal(`${label}.attributeValue`, 'attributeValue' in found ? found.attributeValue : undefined, want.attributeValue);
    if (want.noError) {
      const info = found.attributeStatusInfo;
      check.that(`${label}.attributeStatusInfo`, info === undefined || info.reasonCode === 'NoError', 'absent, or reasonCode "NoError"', info === undefined ? '(omitted)' : JSON.stringify(info));
    }
    if (want.invalidValueAdvised && found.attributeStatus === 'Rejected') {
      const info = found.attributeStatusInfo;
      check.advisory(`${label}.attributeStatusInfo`, info === undefined || info.reasonCode === 'InvalidValue', 'absent, or reasonCode "InvalidValue"', info === undefined ? '(omitted)' : JSON.stringify(info));
    }
  }
}

/** Sends GetVariablesRequest with `data` and checks the GetVariablesResponse against `expected`. */
export async function getVariablesChecked(ctx: CsCaseContext, title: string, data: readonly GetVariableData[], expected: readonly ExpectedResult[]): Promise<void> {
  await ctx.step(title, async () => {
    const response = await ctx.csms.call('GetVariables', { getVariableData: data as GetVariablesRequest['getVariableData'] });
    checkResults(ctx, 'GetVariablesResponse', data.length, response.getVariableResult, expected);
  });
}

/** Sends SetVariablesRequest with `data` and checks the SetVariablesResponse against `expected`. */
export async function setVariablesChecked(ctx: CsCaseContext, title: string, data: readonly SetVariableData[], expected: readonly ExpectedResult[]): Promise<void> {
  await ctx.step(title, async () => {
    const response = await ctx.csms.call('SetVariables', { setVariableData: data as SetVariablesRequest['setVariableData'] });
    checkResults(ctx, 'SetVariablesResponse', data.length, response.setVariableResult, expected);
  });
}

/** The data types of Part 2 whose text form TC_B_11_CS tries. */
export type FormattedDataType = 'integer' | 'decimal' | 'boolean' | 'dateTime';

const FORMATS: Readonly<Record<FormattedDataType, RegExp>> = {
  integer: /^[+-]?\d+$/,
  decimal: /^[+-]?(\d+(\.\d+)?|\.\d+)$/,
  boolean: /^(true|false)$/,
  // RFC 3339 date-time (Part 2 dateTime).
  dateTime: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i,
};

/** Whether `value` is written the way Part 2 writes values of `dataType` (the format B05.FR.07 is about, not the range). */
export const fitsDataType = (dataType: FormattedDataType, value: string): boolean => FORMATS[dataType].test(value);
