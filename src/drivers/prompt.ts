/** The driver backend for a real SUT without automation: asks the operator in the terminal and records who answered and when. */
import { userInfo } from 'node:os';
import { createInterface, type Interface } from 'node:readline';
import { inconclusive } from '../engine/verdict';
import { describeAction } from './actions';
import type { Driver } from './driver';

/** Options of the terminal prompt driver. */
export interface PromptDriverOptions {
  readonly input: NodeJS.ReadableStream;
  readonly output: NodeJS.WritableStream;
  /** How long to wait for the operator before the case is inconclusive. */
  readonly timeoutMs: number;
  /** Recorded as who answered. */
  readonly operator?: string;
}

/** Asks the operator to perform each action; Enter means done, `c` then Enter means it cannot be done. */
export function promptDriver(options: PromptDriverOptions): Driver {
  let lines: Interface | undefined;
  let waiting: ((line: string | undefined) => void) | undefined;
  const operator = options.operator ?? `terminal:${safeUserName()}`;
  let inputClosed = false;
  const readLine = (): Promise<string | undefined> => {
    lines ??= createInterface({ input: options.input, terminal: false })
      .on('line', (line) => waiting?.(line)) // a line typed while no prompt is open answers nothing
      .on('close', () => {
        inputClosed = true;
        waiting?.(undefined);
      });
    if (inputClosed) return Promise.resolve(undefined);
    return new Promise((resolve) => (waiting = resolve));
  };
  return {
    name: 'prompt',
    async perform(action, recorder) {
      const instruction = describeAction(action);
      const started = Date.now();
      options.output.write(`\n>>> OPERATOR ACTION (${recorder.info.id})\n    ${instruction}\n    Press Enter when done, or type c and Enter if it cannot be done (${Math.round(options.timeoutMs / 1000)} s).\n`);
      let timer: NodeJS.Timeout | undefined;
      const line = await Promise.race([readLine(), new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), options.timeoutMs)))]);
      clearTimeout(timer);
      waiting = undefined;
      const answer = line === 'timeout' || line === undefined ? 'timeout' : line.trim().toLowerCase().startsWith('c') ? 'cannot' : 'done';
      const waitedMs = Date.now() - started;
      recorder.prompt({ at: new Date(started).toISOString(), instruction, answer, answeredBy: answer === 'timeout' ? 'nobody' : operator, waitedMs });
      if (answer === 'timeout' && line === undefined) throw inconclusive('OCPPCT_OPERATOR', `no operator can answer (the terminal input is closed): ${instruction}`);
      if (answer === 'timeout') throw inconclusive('OCPPCT_OPERATOR', `nobody performed the operator action within ${options.timeoutMs} ms: ${instruction}`);
      if (answer === 'cannot') throw inconclusive('OCPPCT_OPERATOR', `the operator could not perform: ${instruction}`);
    },
    close() {
      lines?.close();
    },
  };
}

function safeUserName(): string {
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}
