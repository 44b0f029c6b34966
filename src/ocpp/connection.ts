/** One OCPP-J session over a WebSocket: typed `call` out, CALLs in, one outstanding CALL per direction, every frame checked and reported. */
import { EventEmitter } from 'node:events';
import type WebSocket from 'ws';
import { RpcError, type RpcErrorCode } from './errors';
import { CALL, CALLERROR, CALLRESULT, newMessageId, parseFrame, serializeFrame, type CallFrame, type Frame } from './frames';
import type { OcppAction, OcppRequests, OcppResponses } from './generated';
import { describeViolations, schemaValidator, type SchemaValidator } from './validator';

/** A frame as it crossed the wire, with what the connection made of it. */
export interface WireFrame {
  readonly at: Date;
  readonly direction: 'in' | 'out';
  readonly raw: string;
  readonly messageType?: 2 | 3 | 4;
  readonly messageId?: string;
  readonly action?: string;
  /** Set when the frame broke OCPP-J or its schema: the reason, with the JSON path and rule for schema errors. */
  readonly problem?: string;
}

/** A breach of OCPP-J by the peer (bad frame, schema violation, a second outstanding CALL, an unknown message id). */
export interface ProtocolViolation {
  readonly at: Date;
  readonly description: string;
}

/** A CALL received from the peer, waiting for its answer. */
export class IncomingCall<A extends OcppAction = OcppAction> {
  private answered = false;
  /** What was sent, for comparing a step's answer with the default one already given. */
  private sent: string | undefined;
  private answeredByDefault = false;
  private leftUnanswered = false;

  constructor(
    /** The connection the CALL came on (it can only be answered there). */
    readonly connection: OcppConnection,
    readonly messageId: string,
    readonly action: A,
    readonly payload: OcppRequests[A],
    readonly receivedAt: Date,
  ) {}

  /** True once respond or respondError was called. */
  get isAnswered(): boolean {
    return this.answered;
  }

  /** A step leaves this CALL unanswered on purpose (a case about the SUT's retries or timeouts), so the end of the case does not count it as forgotten. */
  leaveUnanswered(): void {
    this.leftUnanswered = true;
  }

  /** True when a step said it leaves the CALL unanswered on purpose. */
  get isLeftUnanswered(): boolean {
    return this.leftUnanswered;
  }

  /** True when the harness answered it in the background (no step was waiting for it when it came). */
  get isAnsweredByDefault(): boolean {
    return this.answeredByDefault;
  }

  /**
   * Sends the CALLRESULT. On a CALL the harness already answered in the background, an answer equal to that one (but
   * for `currentTime`) is a no-op; another answer is a harness bug: the step should have armed its wait before the
   * action that caused the CALL.
   */
  respond(payload: OcppResponses[A], options: { unchecked?: boolean } = {}): void {
    if (this.alreadyAnswered(`result ${JSON.stringify(payload)}`, comparable(payload))) return;
    this.answered = true;
    this.sent = comparable(payload);
    this.connection.sendResult(this.messageId, this.action, payload as Record<string, unknown>, options.unchecked ?? false);
  }

  /** Sends a CALLERROR with the given code (same rule as `respond` for a CALL already answered in the background). */
  respondError(code: RpcErrorCode, description = '', details: Record<string, unknown> = {}): void {
    if (this.alreadyAnswered(`CALLERROR ${code}`, `error:${code}`)) return;
    this.answered = true;
    this.sent = `error:${code}`;
    this.connection.sendError(this.messageId, code, description, details);
  }

  /** @internal the peer marks the answer it just gave in the background. */
  markAnsweredByDefault(): void {
    if (this.answered) this.answeredByDefault = true;
  }

  private alreadyAnswered(what: string, key: string): boolean {
    if (!this.answered) return false;
    if (this.answeredByDefault && this.sent === key) return true;
    throw new Error(
      this.answeredByDefault
        ? `harness bug: ${this.action} (${this.messageId}) was already answered in the background, so the step cannot answer it with ${what}: arm the wait (expect) before the action that makes the SUT send it`
        : `CALL ${this.action} (${this.messageId}) was already answered`,
    );
  }
}

/** A payload as compared with another answer: JSON without the top-level currentTime (a clock reading, not a decision). */
function comparable(payload: unknown): string {
  if (typeof payload !== 'object' || payload === null) return JSON.stringify(payload);
  const rest: Record<string, unknown> = { ...(payload as Record<string, unknown>) };
  delete rest.currentTime;
  return canonical(rest);
}

/** JSON with object keys sorted, so two equal payloads compare equal whatever order their fields were written in. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    return `{${Object.keys(value).sort().filter((k) => (value as Record<string, unknown>)[k] !== undefined).map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The peer answered a CALL of ours with CALLERROR. */
export class CallErrorResponse extends RpcError {
  constructor(
    readonly action: string,
    code: RpcErrorCode,
    description: string,
    details: Record<string, unknown>,
  ) {
    super(code, `${action} was answered with CALLERROR ${code}${description ? `: ${description}` : ''}`, details);
  }
}

/** The peer did not answer a CALL of ours in time. */
export class CallTimeoutError extends Error {
  readonly code = 'OCPPCT_CALL_TIMEOUT';
  constructor(
    readonly action: string,
    readonly timeoutMs: number,
  ) {
    super(`no answer to ${action} within ${timeoutMs} ms`);
  }
}

/** The connection closed before an exchange completed. */
export class ConnectionClosedError extends Error {
  readonly code = 'OCPPCT_CONNECTION_CLOSED';
  constructor(
    readonly what: string,
    readonly closeCode: number,
    readonly closeReason: string,
  ) {
    super(`the connection closed (code ${closeCode}${closeReason ? `, ${closeReason}` : ''}) during ${what}`);
  }
}

/** The peer answered a CALL of ours with a frame that is no valid answer (not JSON, a wrong message id, an unknown CALLERROR code, …). */
export class BadAnswerError extends Error {
  readonly code = 'OCPPCT_BAD_ANSWER';
  constructor(
    readonly action: string,
    readonly problem: string,
    /** The frame as received (cut to a readable length). */
    readonly raw: string,
  ) {
    super(`${action} was answered with a frame that is not a valid answer (${problem}): ${quoteFrame(raw)}`);
  }
}

/** How a received frame is quoted in a reason: as sent, cut to 300 characters. */
export function quoteFrame(raw: string): string {
  return raw.length > 300 ? `${raw.slice(0, 300)}… (${raw.length} characters)` : raw;
}

/** Options of an OcppConnection. */
export interface ConnectionOptions {
  /** A name for the evidence: which connection a frame belongs to. */
  readonly name: string;
  /** How long to wait for the answer to a CALL of ours. */
  readonly callTimeoutMs: number;
  readonly validator?: SchemaValidator;
}

interface PendingCall {
  readonly action: string;
  readonly messageId: string;
  resolve(payload: Record<string, unknown>): void;
  reject(error: Error): void;
}

/** Options of a single outgoing CALL. */
export interface CallOptions {
  readonly timeoutMs?: number;
  /** Send even if the payload breaks the schema (for cases that deliberately send bad requests). */
  readonly unchecked?: boolean;
}

/**
 * Events: `frame` (WireFrame), `call` (IncomingCall), `violation` (ProtocolViolation), `close` ({ code, reason }).
 * Incoming CALLs that break their schema are answered with CALLERROR by the connection itself and also reported.
 */
export class OcppConnection extends EventEmitter {
  private readonly validator: SchemaValidator;
  private outgoing: Promise<unknown> = Promise.resolve();
  private pending: PendingCall | undefined;
  private unansweredIncoming: string | undefined;
  /** Message ids of our CALLs that timed out: a late answer to one of them is recorded, not taken as the answer to a newer CALL. */
  private readonly expired: string[] = [];
  private closeInfo: { code: number; reason: string } | undefined;

  constructor(
    private readonly socket: WebSocket,
    readonly options: ConnectionOptions,
  ) {
    super();
    this.validator = options.validator ?? schemaValidator();
    socket.on('message', (data, isBinary) => this.receive(isBinary ? `<binary ${(data as Buffer).length} bytes>` : data.toString(), isBinary));
    socket.on('close', (code, reason) => this.closed(code, reason.toString()));
    socket.on('error', (error) => this.emit('violation', { at: new Date(), description: `WebSocket error: ${error.message}` } satisfies ProtocolViolation));
  }

  get name(): string {
    return this.options.name;
  }

  /** True while the WebSocket is open. */
  get isOpen(): boolean {
    return this.closeInfo === undefined && this.socket.readyState === this.socket.OPEN;
  }

  /** The close code and reason, once closed. */
  get closedWith(): { code: number; reason: string } | undefined {
    return this.closeInfo;
  }

  /** Sends a CALL and resolves with the CALLRESULT payload; waits its turn behind our earlier CALLs (one outstanding per direction). */
  call<A extends OcppAction>(action: A, payload: OcppRequests[A], options: CallOptions = {}): Promise<OcppResponses[A]> {
    const turn = this.outgoing.then(() => this.sendCall(action, payload as Record<string, unknown>, options));
    this.outgoing = turn.catch(() => undefined);
    return turn as unknown as Promise<OcppResponses[A]>;
  }

  /** Closes the WebSocket (normal closure unless told otherwise) and resolves once it is closed. */
  close(code = 1000, reason = ''): Promise<void> {
    if (this.closeInfo) return Promise.resolve();
    return new Promise((resolve) => {
      this.once('close', () => resolve());
      if (this.socket.readyState === this.socket.CONNECTING) this.socket.terminate();
      else this.socket.close(code, reason);
      setTimeout(() => this.socket.terminate(), 1000).unref();
    });
  }

  /** Drops the TCP connection without a closing handshake (a station losing its network). */
  terminate(): void {
    this.socket.terminate();
  }

  /** Sends a text as is, bypassing framing and schemas: for cases that deliberately send garbage. */
  sendRaw(text: string): void {
    this.transmit(text, {});
  }

  /** @internal used by IncomingCall */
  sendResult(messageId: string, action: string, payload: Record<string, unknown>, unchecked: boolean): void {
    const problem = unchecked ? undefined : this.schemaProblem(action, 'response', payload);
    if (problem) throw new Error(`harness bug: our ${action} response breaks its schema: ${problem}`);
    if (this.unansweredIncoming === messageId) this.unansweredIncoming = undefined;
    this.transmit(serializeFrame({ type: CALLRESULT, messageId, payload }), { messageType: CALLRESULT, messageId, action });
  }

  /** @internal used by IncomingCall */
  sendError(messageId: string, code: RpcErrorCode, description: string, details: Record<string, unknown>): void {
    if (this.unansweredIncoming === messageId) this.unansweredIncoming = undefined;
    this.transmit(serializeFrame({ type: CALLERROR, messageId, errorCode: code, errorDescription: description, errorDetails: details }), { messageType: CALLERROR, messageId });
  }

  private async sendCall(action: string, payload: Record<string, unknown>, options: CallOptions): Promise<Record<string, unknown>> {
    if (!this.isOpen) throw new ConnectionClosedError(`sending ${action}`, this.closeInfo?.code ?? 1006, this.closeInfo?.reason ?? 'not open');
    const problem = options.unchecked ? undefined : this.schemaProblem(action, 'request', payload);
    if (problem) throw new Error(`harness bug: our ${action} request breaks its schema: ${problem}`);
    const messageId = newMessageId();
    const timeoutMs = options.timeoutMs ?? this.options.callTimeoutMs;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending = undefined;
        this.expired.push(messageId);
        if (this.expired.length > 16) this.expired.shift();
        reject(new CallTimeoutError(action, timeoutMs));
      }, timeoutMs);
      const settle = <T>(fn: (value: T) => void) => (value: T) => {
        clearTimeout(timer);
        this.pending = undefined;
        fn(value);
      };
      this.pending = { action, messageId, resolve: settle(resolve), reject: settle(reject) };
      this.transmit(serializeFrame({ type: CALL, messageId, action, payload }), { messageType: CALL, messageId, action });
    });
  }

  private transmit(raw: string, facts: Pick<WireFrame, 'messageType' | 'messageId' | 'action'>): void {
    this.emit('frame', { at: new Date(), direction: 'out', raw, ...facts } satisfies WireFrame);
    this.socket.send(raw);
  }

  private schemaProblem(action: string, kind: 'request' | 'response', payload: unknown): string | undefined {
    const outcome = this.validator.validate(action, kind, payload);
    return outcome.valid ? undefined : describeViolations(outcome.violations);
  }

  private receive(raw: string, isBinary: boolean): void {
    const at = new Date();
    if (isBinary) return this.reportIn({ at, raw, problem: 'binary WebSocket frame: OCPP-J uses text frames only' });
    const frame = parseFrame(raw);
    if (frame.type === 'defect') {
      this.reportIn({ at, raw, messageId: frame.messageId, problem: frame.reason });
      // Anything but a CALL that arrives while our CALL is open is taken as its answer: judged at once, not waited out.
      const answer = frame.messageType !== CALL && (frame.messageId === undefined || !this.expired.includes(frame.messageId));
      if (answer && this.pending) this.pending.reject(new BadAnswerError(this.pending.action, frame.reason, raw));
      if (frame.messageType === CALL || frame.messageType === undefined || frame.code === 'MessageTypeNotSupported') {
        this.sendError(frame.messageId ?? '-1', frame.code, frame.reason, {});
      }
      return;
    }
    this.dispatch(frame, raw, at);
  }

  private dispatch(frame: Frame, raw: string, at: Date): void {
    switch (frame.type) {
      case CALL:
        return this.receiveCall(frame, raw, at);
      case CALLRESULT: {
        const pending = this.matchPending(frame.messageId, raw, at, CALLRESULT);
        if (!pending) return;
        const problem = this.schemaProblem(pending.action, 'response', frame.payload);
        this.reportIn({ at, raw, messageType: CALLRESULT, messageId: frame.messageId, action: pending.action, problem });
        if (problem) pending.reject(new SchemaViolationError(pending.action, 'response', problem));
        else pending.resolve(frame.payload);
        return;
      }
      case CALLERROR: {
        const pending = this.matchPending(frame.messageId, raw, at, CALLERROR);
        if (!pending) return;
        this.reportIn({ at, raw, messageType: CALLERROR, messageId: frame.messageId, action: pending.action });
        pending.reject(new CallErrorResponse(pending.action, frame.errorCode, frame.errorDescription, frame.errorDetails));
        return;
      }
    }
  }

  private receiveCall(frame: CallFrame, raw: string, at: Date): void {
    const known = this.validator.knows(frame.action);
    const problem = known ? this.schemaProblem(frame.action, 'request', frame.payload) : `unknown action ${frame.action}`;
    this.reportIn({ at, raw, messageType: CALL, messageId: frame.messageId, action: frame.action, problem });
    if (this.unansweredIncoming !== undefined) {
      this.violation(at, `the peer sent CALL ${frame.action} while its previous CALL was still unanswered`);
    }
    if (!known) return this.sendError(frame.messageId, 'NotImplemented', `unknown action ${frame.action}`, {});
    if (problem) return this.sendError(frame.messageId, 'FormatViolation', problem, {});
    this.unansweredIncoming = frame.messageId;
    this.emit('call', new IncomingCall(this, frame.messageId, frame.action as OcppAction, frame.payload as never, at));
  }

  private matchPending(messageId: string, raw: string, at: Date, messageType: 3 | 4): PendingCall | undefined {
    if (this.pending && this.pending.messageId === messageId) return this.pending;
    if (this.expired.includes(messageId)) {
      // Recorded as it came; the timeout already judged that exchange.
      this.emit('frame', { at, raw, direction: 'in', messageType, messageId, problem: `late answer to message id ${messageId}, a CALL of ours that had already timed out` } satisfies WireFrame);
      return undefined;
    }
    const problem = this.pending
      ? `answer with message id ${messageId}, but our open CALL ${this.pending.action} has message id ${this.pending.messageId}`
      : `answer to message id ${messageId}, which is not our outstanding CALL`;
    this.reportIn({ at, raw, messageType, messageId, problem });
    this.pending?.reject(new BadAnswerError(this.pending.action, problem, raw));
    return undefined;
  }

  private reportIn(frame: Omit<WireFrame, 'direction'>): void {
    this.emit('frame', { ...frame, direction: 'in' } satisfies WireFrame);
    if (frame.problem) this.violation(frame.at, `${frame.action ? `${frame.action}: ` : ''}${frame.problem}`);
  }

  private violation(at: Date, description: string): void {
    this.emit('violation', { at, description } satisfies ProtocolViolation);
  }

  private closed(code: number, reason: string): void {
    if (this.closeInfo) return;
    this.closeInfo = { code, reason };
    this.pending?.reject(new ConnectionClosedError(`the ${this.pending.action} exchange`, code, reason));
    this.emit('close', this.closeInfo);
  }
}

/** The peer's answer to our CALL broke the schema of that action's response. */
export class SchemaViolationError extends Error {
  readonly code = 'OCPPCT_SCHEMA_VIOLATION';
  constructor(
    readonly action: string,
    readonly kind: 'request' | 'response',
    readonly problem: string,
  ) {
    super(`${action} ${kind} breaks its schema: ${problem}`);
  }
}
