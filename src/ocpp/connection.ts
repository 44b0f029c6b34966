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

  /** Sends the CALLRESULT. */
  respond(payload: OcppResponses[A], options: { unchecked?: boolean } = {}): void {
    this.claim();
    this.connection.sendResult(this.messageId, this.action, payload as Record<string, unknown>, options.unchecked ?? false);
  }

  /** Sends a CALLERROR with the given code. */
  respondError(code: RpcErrorCode, description = '', details: Record<string, unknown> = {}): void {
    this.claim();
    this.connection.sendError(this.messageId, code, description, details);
  }

  private claim(): void {
    if (this.answered) throw new Error(`CALL ${this.action} (${this.messageId}) was already answered`);
    this.answered = true;
  }
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
    this.reportIn({ at, raw, messageType, messageId, problem: `answer to message id ${messageId}, which is not our outstanding CALL` });
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
