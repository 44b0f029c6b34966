// The browser's operator driver: prompts open on the desk, Done / Cannot do / silence become outcomes, and who answered goes into the record.
import type { Driver } from '../../src/drivers/driver';
import { describeAction, type DriverAction } from '../../src/drivers/actions';
import { OperatorDesk, type DeskEvent } from '../../src/drivers/web';
import { CaseRecorder } from '../../src/engine/recorder';
import type { CaseInfo } from '../../src/engine/results';
import { VerdictError } from '../../src/engine/verdict';

const INFO: CaseInfo = { id: 'TC_B_02_CS', name: 'Cold Boot Charging Station - Pending', sut: 'CS', block: 'B', useCases: ['B02'], requirements: [], detects: [] };
const REBOOT: DriverAction = { kind: 'reboot' };

/** A desk whose events are collected, and a way to wait for the next prompt to open. */
function setUp() {
  const events: DeskEvent[] = [];
  const opened: ((id: string) => void)[] = [];
  const desk = new OperatorDesk((event) => {
    events.push(event);
    if (event.type === 'promptOpen') opened.splice(0).forEach((notify) => notify(event.prompt.promptId));
  });
  const nextPrompt = () => new Promise<string>((resolve) => opened.push(resolve));
  return { desk, events, nextPrompt, recorder: new CaseRecorder(INFO, {}) };
}

const outcome = (work: Promise<unknown>) => work.then(() => 'resolved', (error: unknown) => error);

test('Done resolves the action and records who answered and how long it took', async () => {
  const { desk, events, nextPrompt, recorder } = setUp();
  const prompt = nextPrompt();
  const performed = outcome(desk.driver({ timeoutMs: 5_000 }).perform(REBOOT, recorder));
  const id = await prompt;
  expect(desk.open).toEqual([{ promptId: id, caseId: INFO.id, instruction: describeAction(REBOOT), at: expect.any(String), timeoutMs: 5_000 }]);
  expect(desk.answer(id, 'done', 'web:alice')).toBe(true);
  expect(await performed).toBe('resolved');
  expect(recorder.prompts).toEqual([{ at: expect.any(String), instruction: describeAction(REBOOT), answer: 'done', answeredBy: 'web:alice', waitedMs: expect.any(Number) }]);
  expect(events.map((e) => e.type)).toEqual(['promptOpen', 'promptClosed']);
  expect(desk.open).toEqual([]);
  expect(desk.answer(id, 'done', 'web:bob')).toBe(false);
});

test('Cannot do ends the case inconclusive with OCPPCT_OPERATOR, and the wrapped driver never acts', async () => {
  const { desk, nextPrompt, recorder } = setUp();
  const automatic: Driver = { name: 'reference', perform: jest.fn(async () => undefined) };
  const prompt = nextPrompt();
  const performed = outcome(desk.driver({ timeoutMs: 5_000, then: automatic }).perform(REBOOT, recorder));
  desk.answer(await prompt, 'cannot', 'web:127.0.0.1');
  const error = (await performed) as VerdictError;
  expect(error).toBeInstanceOf(VerdictError);
  expect({ verdict: error.verdict, code: error.code }).toEqual({ verdict: 'inconclusive', code: 'OCPPCT_OPERATOR' });
  expect(error.message).toMatch(/could not perform/);
  expect(automatic.perform).not.toHaveBeenCalled();
  expect(recorder.prompts[0]).toMatchObject({ answer: 'cannot', answeredBy: 'web:127.0.0.1' });
});

test('after Done, the wrapped driver performs the action (demo / training mode)', async () => {
  const { desk, nextPrompt, recorder } = setUp();
  const automatic: Driver = { name: 'reference', perform: jest.fn(async () => undefined) };
  const driver = desk.driver({ timeoutMs: 5_000, then: automatic });
  expect(driver.name).toBe('web+reference');
  const prompt = nextPrompt();
  const performed = outcome(driver.perform(REBOOT, recorder));
  desk.answer(await prompt, 'done', 'web:trainee');
  expect(await performed).toBe('resolved');
  expect(automatic.perform).toHaveBeenCalledWith(REBOOT, recorder);
});

test('no answer within the operator time ends the case inconclusive, recorded as answered by nobody', async () => {
  const { desk, events, recorder } = setUp();
  const error = (await outcome(desk.driver({ timeoutMs: 30 }).perform(REBOOT, recorder))) as VerdictError;
  expect({ verdict: error.verdict, code: error.code }).toEqual({ verdict: 'inconclusive', code: 'OCPPCT_OPERATOR' });
  expect(error.message).toMatch(/nobody answered in the browser within 30 ms/);
  expect(recorder.prompts[0]).toMatchObject({ answer: 'timeout', answeredBy: 'nobody' });
  expect(events.map((e) => e.type)).toEqual(['promptOpen', 'promptClosed']);
});

test('stopping the run ends open prompts unanswered', async () => {
  const { desk, nextPrompt, recorder } = setUp();
  const prompt = nextPrompt();
  const performed = outcome(desk.driver({ timeoutMs: 5_000 }).perform(REBOOT, recorder));
  await prompt;
  desk.abandonAll('the run was stopped while waiting for the operator');
  expect(((await performed) as Error).message).toMatch(/^the run was stopped while waiting for the operator: Reboot/);
  expect(desk.open).toEqual([]);
});
