/** What both harness roles share: one current connection, SUT CALLs answered at once unless a step waits for them, typed calls, and the evidence of each. */
import { BadAnswerError, CallErrorResponse, CallTimeoutError, ConnectionClosedError, SchemaViolationError, type IncomingCall, type OcppConnection, type ProtocolViolation, type WireFrame } from '../ocpp/connection';
import type { OcppAction, OcppRequests, OcppResponses } from '../ocpp/generated';
import type { CaseRecorder } from '../engine/recorder';
import { sutFailed, VerdictError } from '../engine/verdict';

/** Answers a SUT CALL that no step of the case is waiting for. */
export type DefaultAnswer = (call: IncomingCall) => void;

/**
 * A case-scoped answerer (`answerWith`): sees each CALL no step waits for before the default answer does; returns true
 * when it took care of the call (answered it, or left it unanswered on purpose).
 */
export type Answerer = (call: IncomingCall) => boolean;

/** Where frames and connection events go while no case runs (a late frame after a case ended, a half-open attempt). */
export interface RunEvidence {
  frame(connection: string, frame: WireFrame): void;
  connectionEvent(connection: string, event: 'opened' | 'closed' | 'refused' | 'error', detail: string): void;
}

/** Options of an `expect`. */
export interface ExpectOptions<A extends OcppAction> {
  /** Defaults to the run's messageMs. */
  readonly timeoutMs?: number;
  /** Only a CALL for which this returns true counts; others of the same action get the default answer. */
  readonly where?: (call: IncomingCall<A>) => boolean;
  /** Any other CALL arriving after the expect began fails the case (it still gets the default answer). */
  readonly nothingElse?: boolean;
  /** The SUT may close and reopen the connection meanwhile (it reboots); otherwise a close fails the case. */
  readonly acrossReconnect?: boolean;
  /** How the awaited message is named in a failure reason. */
  readonly description?: string;
}

interface Waiter {
  readonly actions: readonly string[];
  readonly options: ExpectOptions<OcppAction>;
  resolve(call: IncomingCall): void;
  reject(error: Error): void;
}

/** The wait was given up because its case ended (timed out or interrupted); no verdict comes from it. */
export class CaseEndedError extends Error {
  readonly code = 'OCPPCT_CASE_ENDED';
  constructor(what: string) {
    super(`the case ended before ${what}`);
  }
}

/**
 * The harness's side of a session with the SUT, over whichever connection is current.
 *
 * Like a real peer, the harness answers every SUT CALL the moment it arrives: a step waiting for it (`expect`, armed
 * before the action that causes it) gets it unanswered and answers it itself; otherwise a case-scoped answerer
 * (`answerWith`) or the default answer replies at once, whatever else is going on (our own CALL, an operator prompt,
 * a driver action), and the CALL is kept in the case's record, so a later `expect` still finds it, already answered.
 */
export abstract class HarnessPeer {
  /** CALLs of this case answered in the background and not yet taken by an `expect`, in arrival order. */
  private readonly record: IncomingCall[] = [];
  /** CALLs handed to the case's steps; any left unanswered get the default answer when the case ends. */
  private readonly delivered: IncomingCall[] = [];
  /** Every CALL of the SUT received while the case ran (for the check that none was left unanswered). */
  private readonly received: IncomingCall[] = [];
  private readonly waiters: Waiter[] = [];
  private readonly answerers: Answerer[] = [];
  private serving = false;
  private ended = false;
  private recorder: CaseRecorder | undefined;
  private runEvidence: RunEvidence | undefined;
  private readonly violations: ProtocolViolation[] = [];
  protected current: OcppConnection | undefined;

  protected constructor(
    /** The SUT's role, for messages: 'station' or 'CSMS'. */
    protected readonly sutName: string,
    protected readonly messageTimeoutMs: number,
    private readonly defaultAnswer: DefaultAnswer,
  ) {}

  /** The open connection, if any. */
  get connection(): OcppConnection | undefined {
    return this.current?.isOpen ? this.current : undefined;
  }

  /** Where frames go while no case runs; without it they are answered and dropped. */
  set runLevelEvidence(sink: RunEvidence | undefined) {
    this.runEvidence = sink;
  }

  /** Starts recording into a case: the case starts with an empty record, so nothing of an earlier case is judged as its own. */
  attach(recorder: CaseRecorder): void {
    this.recorder = recorder;
    this.ended = false;
    this.violations.length = 0;
    this.record.length = 0;
    this.received.length = 0;
  }

  /**
   * Ends the case's waits at once (it timed out or was interrupted): pending and later `expect`s and `call`s of the
   * case's body reject with CaseEndedError, so a body still running cannot act on the next case.
   */
  endCase(): void {
    this.ended = true;
    this.rejectWaiters(new CaseEndedError('the awaited message came'));
  }

  /**
   * CALLs of the case that a step or an answerer took and neither answered nor left unanswered on purpose
   * ({@link IncomingCall.leaveUnanswered}), on a connection still open: a harness bug, since the SUT waits for an answer
   * it will only get when the case ends.
   */
  forgottenCalls(): readonly IncomingCall[] {
    return [...new Set([...this.received, ...this.delivered])].filter((call) => !call.isAnswered && !call.isLeftUnanswered && call.connection.isOpen);
  }

  /** Stops recording: answers whatever is still waiting and returns the protocol violations seen during the case. */
  detach(): readonly ProtocolViolation[] {
    this.recorder = undefined;
    this.ended = false;
    this.rejectWaiters(new CaseEndedError('the awaited message came'));
    this.answerers.length = 0;
    this.record.length = 0;
    for (const call of this.delivered.splice(0)) this.answerByDefault(call);
    return [...this.violations];
  }

  /**
   * Waits for the SUT to send a CALL of one of `actions`. A matching CALL already received in this case (and answered
   * in the background) is returned at once; earlier CALLs of the record that do not match are passed over for good.
   * Arm it before the action that causes the CALL when the step must answer it itself. Several may be armed at once:
   * a CALL goes to the first armed wait it matches.
   */
  expect<A extends OcppAction>(actions: A | readonly A[], options: ExpectOptions<A> = {}): Promise<IncomingCall<A>> {
    const wanted: readonly string[] = typeof actions === 'string' ? [actions] : actions;
    const description = options.description ?? wanted.join(' or ');
    if (this.ended) return Promise.reject(new CaseEndedError(`the ${this.sutName} sent ${description}`));
    const found = this.takeFromRecord(wanted, options as ExpectOptions<OcppAction>);
    if (found) return Promise.resolve(this.deliver(found) as IncomingCall<A>);
    if (!this.current?.isOpen && !options.acrossReconnect) return Promise.reject(this.notConnected(`waiting for ${description}`));
    const timeoutMs = options.timeoutMs ?? this.messageTimeoutMs;
    const arrived = new Promise<IncomingCall<A>>((resolve, reject) => {
      const waiter: Waiter = {
        actions: wanted,
        options: options as ExpectOptions<OcppAction>,
        resolve: (call) => settle(() => resolve(call as IncomingCall<A>)),
        reject: (error) => settle(() => reject(error)),
      };
      const timer = setTimeout(() => waiter.reject(sutFailed('OCPPCT_EXPECT_TIMEOUT', `the ${this.sutName} did not send ${description} within ${timeoutMs} ms`)), timeoutMs);
      const settle = (fn: () => void) => {
        clearTimeout(timer);
        const index = this.waiters.indexOf(waiter);
        if (index >= 0) this.waiters.splice(index, 1);
        fn();
      };
      this.waiters.push(waiter);
    });
    // An armed wait whose step ended another way is rejected when the case ends; that must not count as unhandled.
    arrived.catch(() => undefined);
    return arrived;
  }

  /**
   * For the rest of the case (or until the returned function is called), `answerer` sees every CALL that no step waits
   * for before the default answer does: a case that answers some CALLs its own way (an idToken Invalid, a CALLERROR on
   * purpose) while they may come at any moment.
   */
  answerWith(answerer: Answerer): () => void {
    this.answerers.push(answerer);
    return () => {
      const index = this.answerers.indexOf(answerer);
      if (index >= 0) this.answerers.splice(index, 1);
    };
  }

  /** Drops CALLs from the record that a step has dealt with by other means (so no later expect takes them again). */
  protected forget(select: (call: IncomingCall) => boolean): void {
    for (let i = this.record.length - 1; i >= 0; i--) if (select(this.record[i])) this.record.splice(i, 1);
  }

  /** The CALLs of this case still in the record (answered in the background, not yet taken by an expect). */
  get unclaimed(): readonly IncomingCall[] {
    return this.record;
  }

  /** Sends a CALL to the SUT and returns its answer; a CALLERROR, a bad or schema-breaking answer, silence or a close fails the case. */
  async call<A extends OcppAction>(action: A, payload: OcppRequests[A]): Promise<OcppResponses[A]> {
    if (this.ended) throw new CaseEndedError(`sending ${action}`);
    const connection = this.connection;
    if (!connection) throw this.notConnected(`sending ${action}`);
    try {
      return await connection.call(action, payload);
    } catch (error) {
      throw this.asVerdict(error);
    }
  }

  /**
   * Sends a CALL whose answer may rightly be a CALLERROR (a case that expects one): returns the CALLRESULT payload or the
   * CALLERROR; silence, a bad or schema-breaking answer and a close still fail the case as with `call`.
   */
  async tryCall<A extends OcppAction>(action: A, payload: OcppRequests[A]): Promise<{ readonly response: OcppResponses[A] } | { readonly error: CallErrorResponse }> {
    if (this.ended) throw new CaseEndedError(`sending ${action}`);
    const connection = this.connection;
    if (!connection) throw this.notConnected(`sending ${action}`);
    try {
      return { response: await connection.call(action, payload) };
    } catch (error) {
      if (error instanceof CallErrorResponse) return { error };
      throw this.asVerdict(error);
    }
  }

  /** Translates transport errors into verdicts with a reason a lab can read (quoting the frame where one came). */
  protected asVerdict(error: unknown): unknown {
    if (error instanceof CallErrorResponse) return sutFailed('OCPPCT_CALL_FAILED', `the ${this.sutName} answered ${error.message.replace(/^\S+ was answered with /, `${error.action} with `)}`);
    if (error instanceof CallTimeoutError) return sutFailed('OCPPCT_EXPECT_TIMEOUT', `the ${this.sutName} did not answer ${error.action} within ${error.timeoutMs} ms`);
    if (error instanceof SchemaViolationError) return sutFailed('OCPPCT_PROTOCOL_VIOLATION', `the ${this.sutName}'s ${error.action} ${error.kind} breaks its schema: ${error.problem}`);
    if (error instanceof BadAnswerError) return sutFailed('OCPPCT_PROTOCOL_VIOLATION', `the ${this.sutName} answered ${error.message.replace(/^\S+ was answered with /, `${error.action} with `)}`);
    if (error instanceof ConnectionClosedError) return sutFailed('OCPPCT_DISCONNECTED', `the ${this.sutName} closed the connection (code ${error.closeCode}) during ${error.what}`);
    return error;
  }

  /** Makes `connection` the current one and routes its frames and CALLs through this peer. */
  protected adopt(connection: OcppConnection): void {
    this.current = connection;
    this.connectionEvent(connection.name, 'opened', `connection ${connection.name} opened`);
    connection.on('frame', (frame: WireFrame) => (this.recorder ? this.recorder.frame(connection.name, frame) : this.runEvidence?.frame(connection.name, frame)));
    connection.on('call', (call: IncomingCall) => this.receive(call));
    connection.on('violation', (violation: ProtocolViolation) => this.onViolation(violation));
    connection.on('close', ({ code, reason }: { code: number; reason: string }) => {
      this.connectionEvent(connection.name, 'closed', `closed with code ${code}${reason ? ` (${reason})` : ''}`);
      if (this.current !== connection) return;
      for (const waiter of [...this.waiters]) {
        if (waiter.options.acrossReconnect) continue;
        waiter.reject(sutFailed('OCPPCT_DISCONNECTED', `the ${this.sutName} closed the connection (code ${code}) while the harness waited for ${waiter.options.description ?? waiter.actions.join(' or ')}`));
      }
    });
  }

  /** Records a connection event into the case, or into the run's evidence between cases. */
  protected connectionEvent(connection: string, event: 'opened' | 'closed' | 'refused' | 'error', detail: string): void {
    if (this.recorder) this.recorder.connectionEvent(connection, event, detail);
    else this.runEvidence?.connectionEvent(connection, event, detail);
  }

  /** The case's recorder, while a case runs. */
  protected get activeRecorder(): CaseRecorder | undefined {
    return this.recorder;
  }

  private notConnected(what: string): VerdictError {
    return sutFailed('OCPPCT_NOT_CONNECTED', `the ${this.sutName} is not connected (${what})`);
  }

  private onViolation(violation: ProtocolViolation): void {
    if (!this.recorder) return;
    this.violations.push(violation);
    this.rejectWaiters(sutFailed('OCPPCT_PROTOCOL_VIOLATION', `the ${this.sutName} broke OCPP-J: ${violation.description}`));
  }

  /** While `body` runs, every CALL of the SUT gets its default answer and is not kept (a prescribed wait: the harness just serves). */
  protected async whileServing<T>(body: () => Promise<T>): Promise<T> {
    this.serving = true;
    try {
      return await body();
    } finally {
      this.serving = false;
    }
  }

  private receive(call: IncomingCall): void {
    if (!this.recorder || this.serving) return this.answerByDefault(call);
    this.received.push(call);
    const waiter = this.waiters.find((w) => this.matches(call, w));
    if (waiter) return waiter.resolve(this.deliver(call));
    for (const waiter of [...this.waiters]) {
      if (!waiter.options.nothingElse) continue;
      waiter.reject(sutFailed('OCPPCT_VALIDATION', `the ${this.sutName} sent ${call.action} while only ${waiter.options.description ?? waiter.actions.join(' or ')} was allowed: ${JSON.stringify(call.payload)}`));
    }
    if (!this.answerers.some((answerer) => answerer(call))) this.answerByDefault(call);
    this.record.push(call);
  }

  /** The default answer, at once; it is marked so a step that later finds the CALL knows it was answered in the background. */
  private answerByDefault(call: IncomingCall): void {
    if (call.isAnswered || !call.connection.isOpen) return;
    this.defaultAnswer(call);
    call.markAnsweredByDefault();
  }

  private deliver(call: IncomingCall): IncomingCall {
    this.delivered.push(call);
    return call;
  }

  private takeFromRecord(actions: readonly string[], options: ExpectOptions<OcppAction>): IncomingCall | undefined {
    const probe: Waiter = { actions, options, resolve: () => undefined, reject: () => undefined };
    const index = this.record.findIndex((call) => this.matches(call, probe));
    if (index < 0) {
      this.record.length = 0; // none of them is what the case waits for now: the next expect looks only at what comes later
      return undefined;
    }
    return this.record.splice(0, index + 1)[index];
  }

  private matches(call: IncomingCall, waiter: Waiter): boolean {
    return waiter.actions.includes(call.action) && (waiter.options.where?.(call) ?? true);
  }

  private rejectWaiters(error: Error): void {
    for (const waiter of [...this.waiters]) waiter.reject(error);
  }
}
