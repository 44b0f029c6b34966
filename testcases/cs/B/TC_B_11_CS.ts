/** TC_B_11_CS: SetVariables with values of the wrong format for the variable's data type are rejected. */
import { defineTestCase, type CsCaseContext } from '../../../src/engine/testcase';
import { inconclusive } from '../../../src/engine/verdict';
import type { GetVariablesRequest, SetVariablesRequest } from '../../../src/ocpp/generated';
import { fitsDataType, setVariablesChecked, variableLabel, type FormattedDataType } from '../states';

/** When Part 6 runs the steps of a target: always, when the station has the variable, or when it can also write it. */
type Condition = 'always' | 'supported' | 'readWrite';

interface Target {
  readonly steps: string;
  readonly component: { readonly name: string };
  readonly variable: { readonly name: string };
  readonly dataType: FormattedDataType;
  readonly condition: Condition;
}

/** In the order of the Part 6 scenario, with the data type Part 2 gives each variable. */
const TARGETS: readonly Target[] = [
  { steps: '1-2', component: { name: 'OCPPCommCtrlr' }, variable: { name: 'OfflineThreshold' }, dataType: 'integer', condition: 'always' },
  { steps: '3-4', component: { name: 'SmartChargingCtrlr' }, variable: { name: 'LimitChangeSignificance' }, dataType: 'decimal', condition: 'supported' },
  { steps: '5-6', component: { name: 'AuthCtrlr' }, variable: { name: 'AuthorizeRemoteStart' }, dataType: 'boolean', condition: 'readWrite' },
  { steps: '7-8', component: { name: 'ClockCtrlr' }, variable: { name: 'NextTimeOffsetTransitionDateTime' }, dataType: 'dateTime', condition: 'supported' },
];

const key = (t: Pick<Target, 'component' | 'variable'>) => ({ component: t.component, variable: t.variable });

/** Harness preparation: which targets the station has (and can write, where Part 6 asks), with their values to put back afterwards. */
async function prepare(ctx: CsCaseContext): Promise<{ included: Target[]; originals: Map<Target, string> }> {
  const { csms, step } = ctx;
  return step('Preparation: read the variables the case writes, to know which the station has and to restore them afterwards', async () => {
    const read = await csms.call('GetVariables', { getVariableData: TARGETS.map(key) as GetVariablesRequest['getVariableData'] });
    const originals = new Map<Target, string>();
    for (const target of TARGETS) {
      const result = read.getVariableResult.find((r) => r.component.name === target.component.name && r.variable.name === target.variable.name && r.variable.instance === undefined);
      if (result?.attributeStatus === 'Accepted' && result.attributeValue !== undefined) originals.set(target, result.attributeValue);
    }
    const offlineThreshold = TARGETS[0];
    if (!originals.has(offlineThreshold)) throw inconclusive('OCPPCT_PRECONDITION', `the station did not give the value of ${variableLabel(offlineThreshold)}, a required variable`);
    const included: Target[] = [];
    for (const target of TARGETS) {
      const original = originals.get(target);
      if (target.condition !== 'always' && original === undefined) {
        await step(`${target.steps}: ${variableLabel(target)} is not supported by the station: left out`, () => undefined);
        continue;
      }
      if (target.condition === 'readWrite') {
        // Writing back the value just read tells a ReadWrite variable from a ReadOnly one without changing anything.
        const probe = await csms.call('SetVariables', { setVariableData: [{ ...key(target), attributeValue: original ?? '' }] });
        if (!['Accepted', 'RebootRequired'].includes(probe.setVariableResult[0]?.attributeStatus ?? '')) {
          await step(`${target.steps}: ${variableLabel(target)} is not ReadWrite at the station: left out`, () => undefined);
          continue;
        }
      }
      included.push(target);
    }
    return { included, originals };
  });
}

export default defineTestCase({
  id: 'TC_B_11_CS',
  name: 'Set Variables - invalidly formatted values',
  sut: 'CS',
  useCases: ['B05'],
  requirements: ['B05.FR.07'],
  detects: ['variables.badFormatAccepted', 'variables.noAttributeType'],
  notes:
    'Each of the five values is tried on each variable the station has (steps 1-8 per value). The harness knows the data type of each variable ' +
    '(Part 2: integer, decimal, boolean, dateTime): a value not written in that format must be Rejected (B05.FR.07); a well-formatted one may be ' +
    'Accepted, or Rejected when the station does not support it (e.g. out of range), and RebootRequired is taken as accepted too. ' +
    'attributeStatusInfo InvalidValue is "not required" in Part 6, so for a badly formatted value it is recorded as an advisory validation (a well-formatted value may be rejected for another reason, e.g. ValueOutOfRange). attributeType Actual is checked ' +
    'although the request leaves it out (B05.FR.12). Part 6 lists the validations of steps 4 and 6 with swapped variables; they follow the ' +
    'scenario order here. Which variables the station has is read with GetVariables first; whether AuthorizeRemoteStart is ReadWrite is found out ' +
    'by writing back its current value. <Configured offlineThreshold> is configured.offlineThreshold; currentTime is the time of the round. ' +
    'Afterwards the values read at the start are written back (not a validation); a dateTime that was unset cannot be unset again.',
  async run(ctx) {
    const { csms, step, config } = ctx;
    const { included, originals } = await prepare(ctx);
    const threshold = config.configured.offlineThreshold;
    const values = [() => String(threshold), () => `${threshold}.1`, () => 'true', () => new Date().toISOString(), () => 'abc'];
    try {
      for (const [round, valueOf] of values.entries()) {
        const value = valueOf();
        for (const target of included) {
          const fits = fitsDataType(target.dataType, value);
          await setVariablesChecked(
            ctx,
            `Value ${round + 1} "${value}", ${target.steps}. harness sets ${variableLabel(target)} (${fits ? 'fits' : 'does not fit'} ${target.dataType})`,
            [{ ...key(target), attributeValue: value }],
            [{ ...key(target), attributeStatus: fits ? ['Accepted', 'RebootRequired', 'Rejected'] : 'Rejected', attributeType: 'Actual', invalidValueAdvised: !fits }],
          );
        }
      }
    } finally {
      const restore = included.filter((t) => originals.get(t));
      if (restore.length > 0 && csms.connection) {
        await step('Afterwards: restore the values the case may have changed', () =>
          csms.call('SetVariables', { setVariableData: restore.map((t) => ({ ...key(t), attributeValue: originals.get(t) as string })) as SetVariablesRequest['setVariableData'] }),
        );
      }
    }
  },
});
