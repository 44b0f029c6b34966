// Scripted CSMS: stores what it reads or sets some 300 ms after the station answered; the settle time before each CSMS action makes TC_B_08_CSMS and TC_B_09_CSMS pass, and without it they fail.
import type { ActionVariable, CsmsAction } from '../../../src/drivers/csms-actions';
import { inconclusive } from '../../../src/engine/verdict';
import { outcome, runCsmsCases, ScriptedCsms, scriptedDriver, type Payload } from '../scripted-csms';

/** How long after the station's answer the scripted CSMS stores the values. */
const STORE_DELAY_MS = 300;

const keyOf = (v: ActionVariable): string => `${v.component}.${v.variable}${v.instance ? `[${v.instance}]` : ''}`;
const keyOfEntry = (e: { component: { name: string }; variable: { name: string; instance?: string } }): string => keyOf({ component: e.component.name, variable: e.variable.name, instance: e.variable.instance });

/** The scripted CSMS and its back office: what it knows of the station, stored late. */
async function lateStoringCsms(): Promise<{ csms: ScriptedCsms; perform(action: CsmsAction): Promise<void>; stored: Map<string, string> }> {
  const csms = await ScriptedCsms.start();
  const stored = new Map<string, string>();
  const storeLater = (entries: [string, string][]) => setTimeout(() => entries.forEach(([k, v]) => stored.set(k, v)), STORE_DELAY_MS);
  const perform = async (action: CsmsAction): Promise<void> => {
    switch (action.kind) {
      case 'getVariables': {
        // Splits the request by the ItemsPerMessage[GetVariables] it knows (all in one while it knows none).
        const limit = Number(stored.get('DeviceDataCtrlr.ItemsPerMessage[GetVariables]') ?? Infinity);
        const data = action.variables.map((v) => ({ component: { name: v.component }, variable: { name: v.variable, ...(v.instance ? { instance: v.instance } : {}) } }));
        for (let start = 0; start < data.length; start += limit) {
          const answer = await csms.session.call('GetVariables', { getVariableData: data.slice(start, start + limit) });
          const results = answer.getVariableResult as (Payload & { attributeStatus: string; attributeValue?: string; component: { name: string }; variable: { name: string; instance?: string } })[];
          storeLater(results.filter((r) => r.attributeStatus === 'Accepted').map((r) => [keyOfEntry(r), r.attributeValue ?? '']));
        }
        return;
      }
      case 'setVariables': {
        const answer = await csms.session.call('SetVariables', { setVariableData: action.values.map((v) => ({ component: { name: v.component }, variable: { name: v.variable }, attributeValue: v.value })) });
        const accepted = (answer.setVariableResult as { attributeStatus: string }[]).map((r, i) => [r.attributeStatus, action.values[i]] as const).filter(([status]) => status === 'Accepted');
        storeLater(accepted.map(([, v]) => [keyOf(v), v.value]));
        return;
      }
      case 'confirmStationValues': {
        const missing = action.values.filter((v) => stored.get(keyOf(v)) !== v.value);
        // What an operator answers when the CSMS does not show the values (the prompt driver's wording).
        if (missing.length > 0) throw inconclusive('OCPPCT_OPERATOR', `the operator could not perform: confirm ${missing.map(keyOf).join(', ')}`);
        return;
      }
      default:
        throw new Error(`the late-storing CSMS has no ${action.kind}`);
    }
  };
  return { csms, perform, stored };
}

describe.each([
  ['TC_B_08_CSMS', /^failed: .*entries per GetVariablesRequest.*expected "4, 1".*got "5"/],
  ['TC_B_09_CSMS', /^failed: .*the CSMS shows the values it got from the harness/],
])('%s against a CSMS that stores values late', (id, failureWithoutSettle) => {
  test(`passes with the settle time (timeouts.settleMs 1000 > ${STORE_DELAY_MS} ms)`, async () => {
    const { csms, perform } = await lateStoringCsms();
    try {
      const [result] = await runCsmsCases(csms.url, [id], scriptedDriver(perform), { timeouts: { settleMs: 1_000 } });
      expect(outcome(result)).toBe('passed: every step and validation passed');
    } finally {
      await csms.close();
    }
  });

  test('fails without it (timeouts.settleMs 0): the settle time is what makes it pass', async () => {
    const { csms, perform } = await lateStoringCsms();
    try {
      const [result] = await runCsmsCases(csms.url, [id], scriptedDriver(perform), { timeouts: { settleMs: 0 } });
      expect(outcome(result)).toMatch(failureWithoutSettle);
    } finally {
      await csms.close();
    }
  });
});
