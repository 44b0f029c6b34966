// The live channel of one run: a reporter and the operator desk append events to a log that every subscriber receives, late ones from the start.
import type { DeskEvent } from '../drivers/web';
import type { FrameRecord, PromptRecord, Reporter, ValidationRecord } from '../engine/results';

/** The run's reports, as URLs under /reports/ (absent when not written). */
export interface ReportLinks {
  readonly allure?: string;
  readonly certification?: string;
}

/** What the run page is told, in the order it happened. SUT text travels as data and is shown with textContent only. */
export type LiveEvent =
  | { readonly type: 'run'; readonly runId: string; readonly sut: string; readonly target: string; readonly fault?: string; readonly profiles: readonly string[]; readonly startedAt: string; readonly cases: readonly { readonly id: string; readonly name: string }[] }
  | { readonly type: 'caseBegin'; readonly caseId: string; readonly name: string }
  | { readonly type: 'stepBegin'; readonly caseId: string; readonly title: string; readonly depth: number }
  | { readonly type: 'stepEnd'; readonly caseId: string; readonly title: string; readonly depth: number; readonly status: string; readonly durationMs: number; readonly error?: string; readonly validations: readonly ValidationRecord[] }
  | { readonly type: 'frame'; readonly caseId: string; readonly frame: FrameRecord }
  | { readonly type: 'prompt'; readonly caseId: string; readonly prompt: PromptRecord }
  | { readonly type: 'caseEnd'; readonly caseId: string; readonly verdict: string; readonly reason: string; readonly durationMs: number }
  | DeskEvent
  | { readonly type: 'note'; readonly text: string }
  | { readonly type: 'finished'; readonly durationMs: number; readonly counts: Readonly<Record<string, number>>; readonly reports: ReportLinks }
  | { readonly type: 'failed'; readonly message: string };

/** An event with its position in the log (the SSE id, so a reconnecting page resumes where it left off). */
export interface NumberedEvent {
  readonly seq: number;
  readonly event: LiveEvent;
}

/** The event log of one run and the listeners that follow it. */
export class LiveLog {
  private readonly events: NumberedEvent[] = [];
  private readonly listeners = new Set<(event: NumberedEvent) => void>();
  private closed = false;

  /** Whether the run has ended (a `finished` or `failed` event was the last). */
  get ended(): boolean {
    return this.closed;
  }

  /** Appends an event and pushes it to every listener; nothing is appended after the run ended. */
  emit(event: LiveEvent): void {
    if (this.closed) return;
    const numbered = { seq: this.events.length + 1, event };
    this.events.push(numbered);
    if (event.type === 'finished' || event.type === 'failed') this.closed = true;
    for (const listener of this.listeners) listener(numbered);
  }

  /** Replays the events after `afterSeq`, then follows new ones; returns how to stop following. */
  follow(afterSeq: number, listener: (event: NumberedEvent) => void): () => void {
    for (const numbered of this.events.slice(Math.max(0, afterSeq))) listener(numbered);
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** A reporter forwarding the run's progress into this log. */
  reporter(): Reporter {
    return {
      onRunBegin: (info, cases) =>
        this.emit({ type: 'run', runId: info.runId, sut: info.sut, target: info.target, fault: info.fault, profiles: info.profiles, startedAt: info.startedAt, cases: cases.map((c) => ({ id: c.id, name: c.name })) }),
      onCaseBegin: (info) => this.emit({ type: 'caseBegin', caseId: info.id, name: info.name }),
      onStepBegin: (caseId, title, depth) => this.emit({ type: 'stepBegin', caseId, title, depth }),
      onStepEnd: (caseId, step, depth) =>
        this.emit({ type: 'stepEnd', caseId, title: step.title, depth, status: step.status, durationMs: step.durationMs, error: step.error, validations: step.validations }),
      onFrame: (caseId, frame) => this.emit({ type: 'frame', caseId, frame }),
      onPrompt: (caseId, prompt) => this.emit({ type: 'prompt', caseId, prompt }),
      onCaseEnd: (result) => this.emit({ type: 'caseEnd', caseId: result.info.id, verdict: result.verdict, reason: result.reason, durationMs: result.durationMs }),
    };
  }
}
