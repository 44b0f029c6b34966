/** The driver backend for operators in a browser: each action becomes a prompt on the run's page, answered with Done or Cannot do. */
import { randomUUID } from 'node:crypto';
import { describeAction } from './actions';
import type { Driver } from './driver';
import { promptRecord, requireDone, type OperatorAnswer, type PromptOutcome } from './operator';

export type { OperatorAnswer, PromptOutcome } from './operator';

/** A prompt waiting for its answer, as the run's page shows it. */
export interface OpenPrompt {
  readonly promptId: string;
  readonly caseId: string;
  readonly instruction: string;
  /** ISO time the prompt opened (the harness's clock). */
  readonly at: string;
  readonly timeoutMs: number;
}

/** What the desk tells the run's page: a prompt to show, or one to take down (its record reaches the case through the recorder). */
export type DeskEvent = { readonly type: 'promptOpen'; readonly prompt: OpenPrompt } | { readonly type: 'promptClosed'; readonly promptId: string };

/** Options of {@link OperatorDesk.driver}. */
export interface WebDriverOptions {
  /** How long a prompt waits for an answer before its case is inconclusive. */
  readonly timeoutMs: number;
  /** Demo / training: the driver that performs each action once the operator answered Done (e.g. the reference SUT's). */
  readonly then?: Driver;
}

/** The prompts of one run: drivers open them, the web UI answers them. */
export class OperatorDesk {
  private readonly waiting = new Map<string, { readonly prompt: OpenPrompt; readonly settle: (outcome: PromptOutcome) => void }>();

  constructor(private readonly publish: (event: DeskEvent) => void) {}

  /** The prompts waiting for an answer now, oldest first. */
  get open(): readonly OpenPrompt[] {
    return [...this.waiting.values()].map((w) => w.prompt);
  }

  /** A driver whose actions wait on this desk for Done or Cannot do. */
  driver(options: WebDriverOptions): Driver {
    return {
      name: options.then ? `web+${options.then.name}` : 'web',
      perform: async (action, recorder) => {
        const instruction = describeAction(action);
        const started = Date.now();
        const { promptId, outcome } = await this.ask(recorder.info.id, instruction, options.timeoutMs);
        this.publish({ type: 'promptClosed', promptId });
        recorder.prompt(promptRecord(instruction, started, outcome));
        requireDone(outcome, instruction);
        await options.then?.perform(action, recorder);
      },
    };
  }

  /** Answers an open prompt; false when there is none with that id (never opened, already answered, timed out). */
  answer(promptId: string, answer: OperatorAnswer, answeredBy: string): boolean {
    const waiting = this.waiting.get(promptId);
    if (!waiting) return false;
    waiting.settle({ answer, answeredBy });
    return true;
  }

  /** Ends every open prompt without an answer (the run is being stopped): their cases become inconclusive. */
  abandonAll(why: string): void {
    for (const waiting of [...this.waiting.values()]) waiting.settle({ answer: 'timeout', why });
  }

  private ask(caseId: string, instruction: string, timeoutMs: number): Promise<{ promptId: string; outcome: PromptOutcome }> {
    const prompt: OpenPrompt = { promptId: randomUUID(), caseId, instruction, at: new Date().toISOString(), timeoutMs };
    return new Promise((resolve) => {
      const settle = (outcome: PromptOutcome) => {
        clearTimeout(timer);
        this.waiting.delete(prompt.promptId);
        resolve({ promptId: prompt.promptId, outcome });
      };
      const timer = setTimeout(() => settle({ answer: 'timeout', why: `nobody answered in the browser within ${timeoutMs} ms` }), timeoutMs);
      this.waiting.set(prompt.promptId, { prompt, settle });
      this.publish({ type: 'promptOpen', prompt });
    });
  }
}
