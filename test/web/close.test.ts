// Stopping the UI interrupts the runs it started: the case in progress ends inconclusive ("interrupted"), the rest are notRun, and the reports say so.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunSummary } from '../../src/report';
import { cleanUp, followEvents, postJson, startUi, tempReportsDir } from './helpers';

afterEach(cleanUp);

test('closing the UI while a case waits for the operator: interrupted, written, the rest notRun', async () => {
  const reportsDir = tempReportsDir();
  const ui = await startUi({ reportsDir });
  const started = await postJson(ui, '/api/runs', { sut: 'cs', target: 'reference', cases: 'TC_B_02_CS,TC_P_01_CS', operatorActions: 'web', html: false });
  expect(started.status).toBe(202);
  const id = String(started.body.id);
  await followEvents(ui, id, (e) => e.type === 'promptOpen');
  await ui.close();
  const summary = JSON.parse(readFileSync(join(reportsDir, id, 'summary.json'), 'utf8')) as RunSummary;
  expect(summary).toMatchObject({ interrupted: true, state: 'interrupted' });
  const byId = Object.fromEntries(summary.cases.map((c) => [c.id, c]));
  expect(byId.TC_B_02_CS).toMatchObject({ verdict: 'inconclusive' });
  expect(byId.TC_P_01_CS).toMatchObject({ verdict: 'notRun', reason: 'not run: the run was interrupted (the UI was stopped) before this case began' });
}, 60_000);
