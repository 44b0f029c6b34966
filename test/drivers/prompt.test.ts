// The terminal prompt driver: what the operator reads, how Enter / `c` / silence become outcomes, and what gets recorded.
import { once } from 'node:events';
import { PassThrough } from 'node:stream';
import { describeAction, type DriverAction } from '../../src/drivers/actions';
import type { Driver } from '../../src/drivers/driver';
import { promptDriver } from '../../src/drivers/prompt';
import { CaseRecorder } from '../../src/engine/recorder';
import type { CaseInfo } from '../../src/engine/results';
import { VerdictError } from '../../src/engine/verdict';

const INFO: CaseInfo = { id: 'TC_B_02_CS', name: 'Cold Boot Charging Station - Pending', sut: 'CS', block: 'B', useCases: ['B02'], requirements: [], detects: [] };
const REBOOT: DriverAction = { kind: 'reboot' };

interface Harness {
  readonly driver: Driver;
  readonly recorder: CaseRecorder;
  readonly input: PassThrough;
  /** How many characters the driver has written so far. */
  writtenLength(): number;
  /** Resolves with what the driver wrote from offset `from` on, once that contains `text`. */
  written(text: string, from?: number): Promise<string>;
}

const open: Driver[] = [];

function harness(timeoutMs = 5_000): Harness {
  const input = new PassThrough();
  const output = new PassThrough();
  let text = '';
  const watchers = new Set<() => void>();
  output.on('data', (chunk: Buffer) => {
    text += chunk.toString();
    watchers.forEach((w) => w());
  });
  const driver = promptDriver({ input, output, timeoutMs, operator: 'tester' });
  open.push(driver);
  const written = (wanted: string, from = 0) =>
    new Promise<string>((resolve) => {
      const check = () => {
        if (!text.includes(wanted, from)) return;
        watchers.delete(check);
        resolve(text.slice(from));
      };
      watchers.add(check);
      check();
    });
  return { driver, recorder: new CaseRecorder(INFO, {}), input, writtenLength: () => text.length, written };
}

afterEach(() => open.splice(0).forEach((d) => d.close?.()));

/** Starts `action` and answers `line` once the prompt is on screen; resolves to the outcome of perform. */
async function answer(h: Harness, line: string, action: DriverAction = REBOOT): Promise<unknown> {
  const from = h.writtenLength();
  const performed = h.driver.perform(action, h.recorder).then(
    () => 'resolved',
    (error: unknown) => error,
  );
  await h.written('OPERATOR ACTION', from);
  h.input.write(line);
  return performed;
}

test('the instruction tells the operator what to do, for which case, and how to answer', async () => {
  const h = harness();
  const performed = h.driver.perform(REBOOT, h.recorder);
  const screen = await h.written('Press Enter');
  expect(screen).toContain('Reboot the Charging Station');
  expect(screen).toContain(describeAction(REBOOT));
  expect(screen).toContain(INFO.id);
  expect(screen).toMatch(/type c/);
  h.input.write('\n');
  await performed;
});

test('Enter means done: perform resolves and the prompt is recorded with who answered and how long it took', async () => {
  const h = harness();
  expect(await answer(h, '\n')).toBe('resolved');
  expect(h.recorder.prompts).toEqual([{ at: expect.any(String), instruction: describeAction(REBOOT), answer: 'done', answeredBy: 'tester', waitedMs: expect.any(Number) }]);
  expect(h.recorder.prompts[0].waitedMs).toBeGreaterThanOrEqual(0);
  expect(Number.isNaN(Date.parse(h.recorder.prompts[0].at))).toBe(false);
});

test('`c` means cannot: the case is inconclusive and the answer recorded', async () => {
  const h = harness();
  const outcome = await answer(h, 'c\n', { kind: 'answerNextBootWithPending', stationId: 'OCPPCT001' });
  expect(outcome).toBeInstanceOf(VerdictError);
  expect(outcome).toMatchObject({ verdict: 'inconclusive', code: 'OCPPCT_OPERATOR', message: expect.stringContaining("station 'OCPPCT001'") });
  expect(h.recorder.prompts).toMatchObject([{ answer: 'cannot', answeredBy: 'tester' }]);
});

test('no answer within timeoutMs: inconclusive, recorded as a timeout nobody answered', async () => {
  const h = harness(50);
  const outcome = await h.driver.perform(REBOOT, h.recorder).catch((error: unknown) => error);
  expect(outcome).toBeInstanceOf(VerdictError);
  expect(outcome).toMatchObject({ verdict: 'inconclusive', code: 'OCPPCT_OPERATOR', message: expect.stringContaining('within 50 ms') });
  expect(h.recorder.prompts).toMatchObject([{ answer: 'timeout', answeredBy: 'nobody' }]);
  expect(h.recorder.prompts[0].waitedMs).toBeGreaterThanOrEqual(45);
});

test('each prompt takes its own answer: done, then cannot, on the same driver', async () => {
  const h = harness();
  expect(await answer(h, '\n')).toBe('resolved');
  expect(await answer(h, 'C \n')).toMatchObject({ verdict: 'inconclusive' });
  expect(h.recorder.prompts.map((p) => p.answer)).toEqual(['done', 'cannot']);
});

test('an answer typed after a prompt timed out does not answer the next prompt', async () => {
  const h = harness(50);
  await expect(h.driver.perform(REBOOT, h.recorder)).rejects.toMatchObject({ verdict: 'inconclusive' });
  const late = once(h.input, 'data');
  h.input.write('\n'); // the operator, too late for the first prompt and before the second one is shown
  await late;
  const outcome = await h.driver.perform(REBOOT, h.recorder).then(
    () => 'resolved',
    (error: unknown) => error,
  );
  // The second action was never confirmed by anyone, so it must not count as done.
  expect(h.recorder.prompts.map((p) => p.answer)).toEqual(['timeout', 'timeout']);
  expect(outcome).toMatchObject({ verdict: 'inconclusive' });
});
