// Scripted CSMS: asks every station it accepts for a full base report at once (as several open-source CSMSes do); the harness station sends it in the background while the cases run, and the cases still pass.
import type { CsmsAction } from '../../../src/drivers/csms-actions';
import { inconclusive } from '../../../src/engine/verdict';
import { outcome, plainAnswer, runCsmsCases, ScriptedCsms, scriptedDriver, type Payload } from '../scripted-csms';

/** The requestIds the CSMS uses: 1000 + n for the reports it asks for on boot, 1 + n for the ones its operator asks for. */
let bootReports = 1000;
let operatorReports = 0;

/** reportData entries as the CSMS reads them. */
type ReportData = { component: { name: string }; variable: { name: string }; variableAttribute: { value?: string }[] };

/** A CSMS that sends GetBaseReport(FullInventory) right after each BootNotificationResponse Accepted; its back office reads base reports and shows what came in. */
async function reportOnBootCsms(): Promise<{ csms: ScriptedCsms; perform(action: CsmsAction): Promise<void>; bootAnswers: Payload[] }> {
  const bootAnswers: Payload[] = [];
  const csms: ScriptedCsms = await ScriptedCsms.start({
    answer: (action, payload, session) => {
      const reply = plainAnswer(action, payload);
      if (action === 'BootNotification') setImmediate(() => void session.call('GetBaseReport', { requestId: ++bootReports, reportBase: 'FullInventory' }).then((answer) => bootAnswers.push(answer)));
      return reply;
    },
  });
  const shown = (name: string, variable: string): string[] =>
    csms.received
      .filter((c) => c.action === 'NotifyReport' && (c.payload.requestId as number) < 1000)
      .flatMap((c) => (c.payload.reportData as ReportData[] | undefined) ?? [])
      .filter((d) => d.component.name === name && d.variable.name === variable)
      .map((d) => d.variableAttribute[0]?.value ?? '');
  const perform = async (action: CsmsAction): Promise<void> => {
    if (action.kind === 'getBaseReport') {
      void csms.session.call('GetBaseReport', { requestId: ++operatorReports, reportBase: action.reportBase });
      return;
    }
    if (action.kind === 'confirmStationValues') {
      const missing = action.values.filter((v) => !shown(v.component, v.variable).includes(v.value));
      if (missing.length > 0) throw inconclusive('OCPPCT_OPERATOR', `the operator could not perform: confirm ${missing.map((v) => `${v.component}.${v.variable}`).join(', ')}`);
      return;
    }
    throw new Error(`the report-on-boot CSMS has no ${action.kind}`);
  };
  return { csms, perform, bootAnswers };
}

test('a CSMS that asks for a full report on every boot: TC_B_01_CSMS and TC_B_12_CSMS pass, and each full report arrives whole', async () => {
  const { csms, perform, bootAnswers } = await reportOnBootCsms();
  try {
    const results = await runCsmsCases(csms.url, ['TC_B_01_CSMS', 'TC_B_12_CSMS'], scriptedDriver(perform));
    expect(results.map((r) => `${r.info.id} ${outcome(r)}`)).toEqual(['TC_B_01_CSMS passed: every step and validation passed', 'TC_B_12_CSMS passed: every step and validation passed']);
    expect(bootAnswers.length).toBeGreaterThan(0);
    expect(bootAnswers.every((a) => a.status === 'Accepted')).toBe(true);
    // Every boot report is whole: its parts run seqNo 0..n, with tbc false on the last only.
    for (let requestId = 1001; requestId <= bootReports; requestId++) {
      await csms.waitFor('NotifyReport', (p) => p.requestId === requestId && p.tbc === false);
      const parts = csms.received.filter((c) => c.action === 'NotifyReport' && c.payload.requestId === requestId).map((c) => c.payload);
      expect({ requestId, seqNos: parts.map((p) => p.seqNo) }).toEqual({ requestId, seqNos: parts.map((_, i) => i) });
    }
  } finally {
    await csms.close();
  }
});
