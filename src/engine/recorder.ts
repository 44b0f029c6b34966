/** Records one case as it runs: the step tree, validations, frames, connection events and prompts, and streams them to the reporter. */
import type { WireFrame } from '../ocpp/connection';
import type { CaseInfo, ConnectionEventRecord, FrameRecord, PromptRecord, Reporter, StepRecord, ValidationRecord } from './results';

interface OpenStep {
  readonly title: string;
  readonly startedAt: Date;
  readonly validations: ValidationRecord[];
  readonly steps: StepRecord[];
  readonly frameIds: number[];
}

/** A frame as the evidence keeps it. */
export function frameRecord(connection: string, frame: WireFrame): FrameRecord {
  return {
    at: frame.at.toISOString(),
    direction: frame.direction,
    raw: frame.raw,
    messageType: frame.messageType,
    messageId: frame.messageId,
    action: frame.action,
    problem: frame.problem,
    connection,
  };
}

/** Collects the evidence of one case. Steps are strictly nested: a case runs one step at a time. */
export class CaseRecorder {
  readonly frames: FrameRecord[] = [];
  readonly connectionEvents: ConnectionEventRecord[] = [];
  readonly prompts: PromptRecord[] = [];
  private readonly root: OpenStep = { title: '(case)', startedAt: new Date(), validations: [], steps: [], frameIds: [] };
  private readonly open: OpenStep[] = [this.root];

  constructor(
    readonly info: CaseInfo,
    private readonly reporter: Reporter,
  ) {}

  /** The finished top-level steps. */
  get steps(): readonly StepRecord[] {
    return this.root.steps;
  }

  /** Runs `body` as a step nested in the current one, recording its outcome; rethrows what it throws. */
  async step<T>(title: string, body: () => Promise<T> | T): Promise<T> {
    const step: OpenStep = { title, startedAt: new Date(), validations: [], steps: [], frameIds: [] };
    const depth = this.open.length - 1;
    this.open.push(step);
    void this.reporter.onStepBegin?.(this.info.id, title, depth);
    try {
      const value = await body();
      this.closeStep(step, depth, 'passed');
      return value;
    } catch (error) {
      const failed = error instanceof Error && error.name === 'VerdictError' && (error as { verdict?: string }).verdict === 'failed';
      this.closeStep(step, depth, failed ? 'failed' : 'broken', error instanceof Error ? error.message : String(error));
      throw error;
    }
  }

  /** Adds a validation to the current step; one made outside any step becomes a step of its own, so no evidence is lost. */
  validation(record: ValidationRecord): void {
    if (this.current !== this.root) return void this.current.validations.push(record);
    const at = new Date().toISOString();
    const step: StepRecord = { title: `Validation: ${record.label}`, startedAt: at, durationMs: 0, status: record.ok || record.advisory ? 'passed' : 'failed', validations: [record], steps: [], frameIds: [] };
    this.root.steps.push(step);
    void this.reporter.onStepEnd?.(this.info.id, step, 0);
  }

  /** Records a frame and ties it to the current step. */
  frame(connection: string, frame: WireFrame): void {
    const record = frameRecord(connection, frame);
    this.current.frameIds.push(this.frames.length);
    this.frames.push(record);
    void this.reporter.onFrame?.(this.info.id, record);
  }

  /** Records a connection event (opened, closed, refused, error). */
  connectionEvent(connection: string, event: ConnectionEventRecord['event'], detail: string): void {
    this.connectionEvents.push({ at: new Date().toISOString(), connection, event, detail });
  }

  /** Records an operator prompt and its answer. */
  prompt(record: PromptRecord): void {
    this.prompts.push(record);
    void this.reporter.onPrompt?.(this.info.id, record);
  }

  /** Closes any step left open (after an abort), marking it broken. */
  closeDangling(reason: string): void {
    while (this.open.length > 1) this.closeStep(this.open[this.open.length - 1], this.open.length - 2, 'broken', reason);
  }

  private get current(): OpenStep {
    return this.open[this.open.length - 1];
  }

  private closeStep(step: OpenStep, depth: number, status: StepRecord['status'], error?: string): void {
    const index = this.open.lastIndexOf(step);
    if (index < 0) return;
    this.open.length = index;
    const record: StepRecord = {
      title: step.title,
      startedAt: step.startedAt.toISOString(),
      durationMs: Date.now() - step.startedAt.getTime(),
      status,
      validations: step.validations,
      steps: step.steps,
      frameIds: step.frameIds,
      error,
    };
    this.current.steps.push(record);
    void this.reporter.onStepEnd?.(this.info.id, record, depth);
  }
}
