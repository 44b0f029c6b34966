/** The record of a run as reporters see it: plain, readonly data, so every reporter reads the same facts. */

/**
 * The five verdicts of DESIGN.md, plus `notImplemented`: a case a claimed profile requires that has no script yet
 * (never run, so a report never looks more complete than it is), and `notRun`: a selected case the run never reached
 * (it was interrupted or stopped first, or had not got there when the report was written).
 */
export type Verdict = 'passed' | 'failed' | 'inconclusive' | 'notApplicable' | 'error' | 'notImplemented' | 'notRun';

/** Which kind of system is under test. */
export type SutRole = 'CS' | 'CSMS';

/** One Part 6 tool validation as it was checked: what was looked at, what was expected, what was found. */
export interface ValidationRecord {
  readonly label: string;
  readonly expected: string;
  readonly actual: string;
  readonly ok: boolean;
  /** A validation Part 6 says must not fail the case: recorded with its real outcome, never a verdict. */
  readonly advisory?: true;
}

/** One OCPP-J frame on the wire, as the harness saw it (timestamps are the harness's clock). */
export interface FrameRecord {
  /** ISO 8601 time the frame was sent or received by the harness. */
  readonly at: string;
  /** `out`: harness → SUT; `in`: SUT → harness. */
  readonly direction: 'in' | 'out';
  /** The text exactly as it went over the WebSocket. */
  readonly raw: string;
  /** OCPP-J message type id (2 CALL, 3 CALLRESULT, 4 CALLERROR) when the frame could be parsed. */
  readonly messageType?: 2 | 3 | 4;
  readonly messageId?: string;
  /** The action of the CALL, or of the CALL this frame answers. */
  readonly action?: string;
  /** Why the frame was not acceptable (not JSON, wrong shape, schema violation), when it was not. */
  readonly problem?: string;
  /** Which connection the frame belongs to (a case may open several). */
  readonly connection: string;
}

/** Something that happened on a connection that is not a frame (opened, closed, refused, TLS facts). */
export interface ConnectionEventRecord {
  readonly at: string;
  readonly connection: string;
  readonly event: 'opened' | 'closed' | 'refused' | 'error';
  readonly detail: string;
}

/** An operator prompt and its answer. */
export interface PromptRecord {
  readonly at: string;
  readonly instruction: string;
  readonly answer: 'done' | 'cannot' | 'timeout';
  /** Who answered (terminal user, web user, or 'nobody'). */
  readonly answeredBy: string;
  readonly waitedMs: number;
}

/** One numbered step of a case (or of a reusable state it executes), with its children. */
export interface StepRecord {
  readonly title: string;
  readonly startedAt: string;
  readonly durationMs: number;
  readonly status: 'passed' | 'failed' | 'broken';
  readonly validations: readonly ValidationRecord[];
  readonly steps: readonly StepRecord[];
  /** Message ids of frames exchanged during this step (the frames themselves are in the case record). */
  readonly frameIds: readonly number[];
  readonly error?: string;
}

/** Static facts about a case, from its definition. */
export interface CaseInfo {
  readonly id: string;
  readonly name: string;
  readonly sut: SutRole;
  readonly block: string;
  readonly useCases: readonly string[];
  readonly requirements: readonly string[];
  readonly detects: readonly string[];
  readonly notes?: string;
}

/** Everything known about one executed case. */
export interface CaseResult {
  readonly info: CaseInfo;
  readonly verdict: Verdict;
  /** One line saying why, for anything but passed (and for passed, a short summary). */
  readonly reason: string;
  readonly startedAt: string;
  readonly durationMs: number;
  readonly steps: readonly StepRecord[];
  /** Index in this array is the frame id the steps refer to. */
  readonly frames: readonly FrameRecord[];
  readonly connectionEvents: readonly ConnectionEventRecord[];
  readonly prompts: readonly PromptRecord[];
  /** Taken over from an earlier, interrupted run of the same folder (`--resume`): its evidence files are already on disk. */
  readonly resumed?: boolean;
  /**
   * Problems of the harness's own clean-up after the case (not a Part 6 step): shown in the reports, never the verdict.
   */
  readonly warnings?: readonly string[];
}

/** Facts about the whole run. */
export interface RunInfo {
  readonly runId: string;
  readonly toolVersion: string;
  readonly sut: SutRole;
  /** 'reference' or the URL / listen address of a real SUT. */
  readonly target: string;
  /** Fault switched on in the reference SUT, if any. */
  readonly fault?: string;
  readonly profiles: readonly string[];
  readonly startedAt: string;
  readonly outDir: string;
}

/** The end of a run. */
export interface RunResult {
  readonly info: RunInfo;
  readonly cases: readonly CaseResult[];
  readonly durationMs: number;
  /** The run was stopped (a signal, or Stop in the UI) before every selected case ran: the rest are `notRun`. */
  readonly interrupted?: boolean;
}

/** Live progress of a run, for reporters that show it as it happens. All hooks are optional. */
export interface Reporter {
  onRunBegin?(info: RunInfo, plannedCases: readonly CaseInfo[]): void | Promise<void>;
  onCaseBegin?(info: CaseInfo): void | Promise<void>;
  onStepBegin?(caseId: string, title: string, depth: number): void | Promise<void>;
  onStepEnd?(caseId: string, step: StepRecord, depth: number): void | Promise<void>;
  onFrame?(caseId: string, frame: FrameRecord): void | Promise<void>;
  /** A frame exchanged outside any case (after a case ended, between cases, during a half-open connection attempt): run-level evidence. */
  onRunFrame?(frame: FrameRecord): void | Promise<void>;
  /** A connection event outside any case (a refused or half-open connection attempt, a close between cases): run-level evidence. */
  onRunConnectionEvent?(event: ConnectionEventRecord): void | Promise<void>;
  onPrompt?(caseId: string, prompt: PromptRecord): void | Promise<void>;
  onCaseEnd?(result: CaseResult): void | Promise<void>;
  /** Writes the final outputs; returns the files it wrote, so the CLI can print where they are. */
  onRunEnd?(result: RunResult): void | readonly string[] | Promise<void | readonly string[]>;
}
