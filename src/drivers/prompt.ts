/** The driver backend for a real SUT without automation: asks the operator in the terminal and records who answered and when. */
import { userInfo } from 'node:os';
import { createInterface, type Interface } from 'node:readline';
import { describeAction } from './actions';
import type { Driver } from './driver';
import { promptRecord, requireDone, type PromptOutcome } from './operator';

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
      const outcome: PromptOutcome =
        line === undefined
          ? { answer: 'timeout', why: 'no operator can answer (the terminal input is closed)' }
          : line === 'timeout'
            ? { answer: 'timeout', why: `nobody performed the operator action within ${options.timeoutMs} ms` }
            : { answer: line.trim().toLowerCase().startsWith('c') ? 'cannot' : 'done', answeredBy: operator };
      recorder.prompt(promptRecord(instruction, started, outcome));
      requireDone(outcome, instruction);
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
