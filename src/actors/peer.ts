/** What both harness roles share: one current connection, an inbox of the SUT's CALLs, typed calls, and the evidence of each. */
import { CallErrorResponse, CallTimeoutError, ConnectionClosedError, SchemaViolationError, type IncomingCall, type OcppConnection, type ProtocolViolation, type WireFrame } from '../ocpp/connection';
import type { OcppAction, OcppRequests, OcppResponses } from '../ocpp/generated';
import type { CaseRecorder } from '../engine/recorder';
import { sutFailed, VerdictError } from '../engine/verdict';

/** Answers a SUT CALL that no step of the case is waiting for. */
export type DefaultAnswer = (call: IncomingCall) => void;

/** Options of an `expect`. */
export interface ExpectOptions<A extends OcppAction> {
  /** Defaults to the run's messageMs. */
  readonly timeoutMs?: number;
  /** Only a CALL for which this returns true counts; others of the same action get the default answer. */
  readonly where?: (call: IncomingCall<A>) => boolean;
  /** Any other CALL arriving after the expect began fails the case instead of getting the default answer. */
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

/** The harness's side of a session with the SUT, over whichever connection is current. */
export abstract class HarnessPeer {
  private readonly inbox: IncomingCall[] = [];
  /** CALLs handed to the case's steps; any left unanswered get the default answer when the case ends. */
  private readonly delivered: IncomingCall[] = [];
  private waiter: Waiter | undefined;
  private serving = false;
  private recorder: CaseRecorder | undefined;
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

  /** Starts recording into a case; CALLs arriving from now on wait for the case's steps. */
  attach(recorder: CaseRecorder): void {
    this.recorder = recorder;
    this.violations.length = 0;
  }

  /** Stops recording: answers whatever is still waiting and returns the protocol violations seen during the case. */
  detach(): readonly ProtocolViolation[] {
    this.recorder = undefined;
    this.rejectWaiter(new Error('the case ended'));
    this.answerAll();
    for (const call of this.delivered.splice(0)) if (!call.isAnswered) this.defaultAnswer(call);
    return [...this.violations];
  }

  /** Waits for the SUT to send a CALL of one of `actions`; earlier unrelated CALLs get the default answer. */
  expect<A extends OcppAction>(actions: A | readonly A[], options: ExpectOptions<A> = {}): Promise<IncomingCall<A>> {
    const wanted: readonly string[] = typeof actions === 'string' ? [actions] : actions;
    const description = options.description ?? wanted.join(' or ');
    if (this.waiter) throw new Error(`harness bug: expect(${description}) while another expect is pending`);
    const found = this.takeFromInbox(wanted, options as ExpectOptions<OcppAction>);
    if (found) return Promise.resolve(this.deliver(found) as IncomingCall<A>);
    if (!this.current?.isOpen && !options.acrossReconnect) return Promise.reject(this.notConnected(`waiting for ${description}`));
    const timeoutMs = options.timeoutMs ?? this.messageTimeoutMs;
    return new Promise<IncomingCall<A>>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiter = undefined;
        reject(sutFailed('OCPPCT_EXPECT_TIMEOUT', `the ${this.sutName} did not send ${description} within ${timeoutMs} ms`));
      }, timeoutMs);
      const done = <T>(fn: (v: T) => void) => (v: T) => {
        clearTimeout(timer);
        this.waiter = undefined;
        fn(v);
      };
      this.waiter = { actions: wanted, options: options as ExpectOptions<OcppAction>, resolve: done(resolve as (c: IncomingCall) => void), reject: done(reject) };
    });
  }

  /** Sends a CALL to the SUT and returns its answer; a CALLERROR, a schema-breaking answer, silence or a close fails the case. */
  async call<A extends OcppAction>(action: A, payload: OcppRequests[A]): Promise<OcppResponses[A]> {
    const connection = this.connection;
    if (!connection) throw this.notConnected(`sending ${action}`);
    try {
      return await connection.call(action, payload);
    } catch (error) {
      throw this.asVerdict(error);
    }
  }

  /** Translates transport errors into verdicts with a reason a lab can read. */
  protected asVerdict(error: unknown): unknown {
    if (error instanceof CallErrorResponse) return sutFailed('OCPPCT_CALL_FAILED', `the ${this.sutName} answered ${error.message.replace(/^\S+ was answered with /, `${error.action} with `)}`);
    if (error instanceof CallTimeoutError) return sutFailed('OCPPCT_EXPECT_TIMEOUT', `the ${this.sutName} did not answer ${error.action} within ${error.timeoutMs} ms`);
    if (error instanceof SchemaViolationError) return sutFailed('OCPPCT_PROTOCOL_VIOLATION', `the ${this.sutName}'s ${error.action} ${error.kind} breaks its schema: ${error.problem}`);
    if (error instanceof ConnectionClosedError) return sutFailed('OCPPCT_DISCONNECTED', `the ${this.sutName} closed the connection (code ${error.closeCode}) during ${error.what}`);
    return error;
  }

  /** Makes `connection` the current one and routes its frames and CALLs through this peer. */
  protected adopt(connection: OcppConnection): void {
    this.current = connection;
    this.recorder?.connectionEvent(connection.name, 'opened', `connection ${connection.name} opened`);
    connection.on('frame', (frame: WireFrame) => this.recorder?.frame(connection.name, frame));
    connection.on('call', (call: IncomingCall) => this.receive(call));
    connection.on('violation', (violation: ProtocolViolation) => this.onViolation(violation));
    connection.on('close', ({ code, reason }: { code: number; reason: string }) => {
      this.recorder?.connectionEvent(connection.name, 'closed', `closed with code ${code}${reason ? ` (${reason})` : ''}`);
      if (this.current !== connection) return;
      if (this.waiter && !this.waiter.options.acrossReconnect) {
        this.rejectWaiter(sutFailed('OCPPCT_DISCONNECTED', `the ${this.sutName} closed the connection (code ${code}) while the harness waited for ${this.waiter.options.description ?? this.waiter.actions.join(' or ')}`));
      }
    });
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
    this.rejectWaiter(sutFailed('OCPPCT_PROTOCOL_VIOLATION', `the ${this.sutName} broke OCPP-J: ${violation.description}`));
  }

  /** While `body` runs, every CALL of the SUT gets its default answer at once (the harness just serves, no step is waiting). */
  protected async whileServing<T>(body: () => Promise<T>): Promise<T> {
    this.serving = true;
    this.answerAll();
    try {
      return await body();
    } finally {
      this.serving = false;
    }
  }

  private receive(call: IncomingCall): void {
    if (!this.recorder || this.serving) return this.defaultAnswer(call);
    if (this.waiter) {
      if (this.matches(call, this.waiter)) return this.waiter.resolve(this.deliver(call));
      if (this.waiter.options.nothingElse) {
        this.defaultAnswer(call);
        return this.rejectWaiter(sutFailed('OCPPCT_VALIDATION', `the ${this.sutName} sent ${call.action} while only ${this.waiter.options.description ?? this.waiter.actions.join(' or ')} was allowed`));
      }
      return this.defaultAnswer(call);
    }
    this.inbox.push(call);
  }

  private deliver(call: IncomingCall): IncomingCall {
    this.delivered.push(call);
    return call;
  }

  private takeFromInbox(actions: readonly string[], options: ExpectOptions<OcppAction>): IncomingCall | undefined {
    const probe: Waiter = { actions, options, resolve: () => undefined, reject: () => undefined };
    while (this.inbox.length > 0) {
      const call = this.inbox.shift() as IncomingCall;
      if (!call.connection.isOpen) continue; // sent on a connection that has since closed: it can no longer be answered
      if (this.matches(call, probe)) return call;
      // Sent before the expect began, so `nothingElse` does not judge it.
      this.defaultAnswer(call);
    }
    return undefined;
  }

  private matches(call: IncomingCall, waiter: Waiter): boolean {
    return waiter.actions.includes(call.action) && (waiter.options.where?.(call) ?? true);
  }

  private rejectWaiter(error: Error): void {
    this.waiter?.reject(error);
  }

  private answerAll(): void {
    for (const call of this.inbox.splice(0)) if (!call.isAnswered) this.defaultAnswer(call);
  }
}
