/** Watches what a station sends during a charging session: answers it the moment it arrives, keeps it for the step that asks, and applies the general CS tool rules of Part 6 §2.1. */
import type { IncomingCall } from '../../../src/ocpp/connection';
import type { AuthorizeResponse, TransactionEventRequest, TransactionEventResponse } from '../../../src/ocpp/generated';
import type { ConfiguredIdToken } from '../../../src/engine/config';
import type { CsCaseContext } from '../../../src/engine/testcase';
import { sutFailed, VerdictError } from '../../../src/engine/verdict';
import { tokenInfoFor } from '../../../src/actors/csms-defaults';

/** The CALLs of a charging session the monitor takes. */
export const SESSION_ACTIONS = ['TransactionEvent', 'StatusNotification', 'NotifyEvent', 'Authorize', 'MeterValues'] as const;

/** One of those CALLs. */
export type SessionAction = (typeof SESSION_ACTIONS)[number];

/** A CALL of a charging session, as received. */
export type SessionCall = IncomingCall<SessionAction>;

/** A TransactionEventRequest as received. */
export type TransactionEventCall = IncomingCall<'TransactionEvent'>;

/** IdTokenInfoType. */
export type IdTokenInfo = AuthorizeResponse['idTokenInfo'];

/** How the monitor answers a TransactionEventRequest: return true when the hook answered it (or left it unanswered on purpose). */
export type TransactionEventAnswer = (call: TransactionEventCall) => boolean;

/** What the monitor knows about one transaction of the station. */
export interface ObservedTransaction {
  readonly id: string;
  readonly events: TransactionEventRequest[];
  ended: boolean;
}

/** Options of a wait. */
export interface NextOptions {
  readonly timeoutMs?: number;
  /** The station may reconnect meanwhile (offline cases). */
  readonly acrossReconnect?: boolean;
}

/** The checks of the clean-up: none (its messages are answered and tracked, not judged). */
const LENIENT: Pick<CsCaseContext['check'], 'equal' | 'that'> = { equal: () => undefined, that: () => undefined };

/** Trigger reasons of events that only carry meter values: they may come at any moment and are not what a state step waits for. */
const METER_ONLY: ReadonlySet<string> = new Set(['MeterValuePeriodic', 'MeterValueClock', 'Trigger']);

/** Whether a TransactionEventRequest only carries meter values (periodic, clock-aligned or triggered). */
export const isMeterOnly = (event: TransactionEventRequest): boolean => METER_ONLY.has(event.triggerReason);


/**
 * Takes every session CALL of the station as it comes, answers it (TransactionEvent and Authorize with the status the
 * configured token promises, the rest empty), and keeps it until a step claims it, so steps can wait for messages that
 * the station may send in any order. Every TransactionEventRequest is checked against the general rules: the first
 * event of a transaction is Started, seqNo values are not repeated and have no gaps by the Ended event, and the first
 * event after a remote start / a presented token / a connected EV carries what §2.1 asks.
 */
export class StationMonitor {
  /** Received and answered, not yet claimed by a step. */
  private readonly backlog: SessionCall[] = [];
  private readonly transactions = new Map<string, ObservedTransaction>();
  /** Transactions in the order they were first seen. */
  readonly order: ObservedTransaction[] = [];
  /** Every TransactionEventRequest received, in arrival order (retransmissions of an event not counted). */
  readonly events: TransactionEventCall[] = [];
  /** TransactionEventRequests received again with the seqNo and timestamp of an earlier one. */
  readonly retransmissions: TransactionEventCall[] = [];
  /** Overrides how TransactionEventRequests are answered (a case that answers with errors, late or not at all). */
  answerTransactionEvent: TransactionEventAnswer | undefined;
  /** What the CSMS says about a token in AuthorizeResponse and TransactionEventResponse. */
  tokenInfo: (token: { idToken: string; type: string }) => IdTokenInfo;
  /** Set by a remote start: the next event must have triggerReason RemoteStart and carry remoteStartId. */
  pendingRemoteStart = false;
  /** Set when a token authorized the session: the next event must carry it. */
  pendingIdToken: ConfiguredIdToken | undefined;
  /** Set when the EV was connected: the next event must name the EVSE and connector. */
  pendingEvse: { readonly evseId: number; readonly connectorId: number } | undefined;
  /** Set by the clean-up after a case: events are still tracked and answered, but no longer validated (it is not part of Part 6). */
  lenient = false;

  /** CALLs the monitor already answered (or left unanswered on purpose) the moment they came. */
  private readonly handled = new WeakSet<IncomingCall>();

  constructor(private readonly ctx: CsCaseContext) {
    this.tokenInfo = (token) => defaultTokenInfo(ctx, token);
    // Answered the moment they arrive, even while the harness waits for its own CALL, a prompt or a driver action.
    ctx.csms.answerWith((call) => {
      if (call.action !== 'TransactionEvent' && call.action !== 'Authorize') return false;
      this.answer(call as SessionCall);
      return true;
    });
  }

  /** The transaction seen most recently (the one the session is about). */
  get current(): ObservedTransaction | undefined {
    return this.order[this.order.length - 1];
  }

  /** True while the most recent transaction has not ended. */
  get transactionOpen(): boolean {
    return this.current !== undefined && !this.current.ended;
  }

  /** A transaction by id. */
  transaction(id: string): ObservedTransaction | undefined {
    return this.transactions.get(id);
  }

  /**
   * The first message (kept or still to come) for which `select` is true; it is claimed, so no later step gets it.
   * Fails the case when none comes within the timeout (the run's message timeout unless told).
   */
  async next(what: string, select: (call: SessionCall) => boolean, options: NextOptions = {}): Promise<SessionCall> {
    const kept = this.backlog.findIndex(select);
    if (kept >= 0) return this.backlog.splice(kept, 1)[0];
    const timeoutMs = options.timeoutMs ?? this.ctx.config.timeouts.messageMs;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw sutFailed('OCPPCT_EXPECT_TIMEOUT', `the station did not send ${what} within ${timeoutMs} ms`);
      let call: SessionCall;
      try {
        call = await this.ctx.csms.expect(SESSION_ACTIONS, { timeoutMs: remaining, acrossReconnect: options.acrossReconnect, description: what });
      } catch (error) {
        if (error instanceof VerdictError && error.code === 'OCPPCT_EXPECT_TIMEOUT') throw sutFailed('OCPPCT_EXPECT_TIMEOUT', `the station did not send ${what} within ${timeoutMs} ms`);
        throw error;
      }
      this.take(call);
      if (select(call)) return call;
      this.backlog.push(call);
    }
  }

  /** The next TransactionEventRequest that is not only meter values (the event a state step is about). */
  async nextEvent(what: string, options: NextOptions = {}, select: (event: TransactionEventRequest) => boolean = () => true): Promise<TransactionEventRequest> {
    const call = await this.next(what, (c) => c.action === 'TransactionEvent' && !isMeterOnly(c.payload as TransactionEventRequest) && select(c.payload as TransactionEventRequest), options);
    return call.payload as TransactionEventRequest;
  }

  /**
   * Takes everything the station sends for `ms` milliseconds (a wait Part 6 prescribes, or the silence a step must
   * observe); a message for which `forbidden` is true fails the case at once. The rest is kept for later steps.
   */
  async watch(ms: number, forbidden: (call: SessionCall) => string | undefined = () => undefined, options: Pick<NextOptions, 'acrossReconnect'> = {}): Promise<void> {
    const early = this.backlog.map(forbidden).find(Boolean);
    if (early) throw sutFailed('OCPPCT_VALIDATION', early);
    const until = Date.now() + ms;
    for (;;) {
      const remaining = until - Date.now();
      if (remaining <= 0) return;
      let call: SessionCall;
      try {
        call = await this.ctx.csms.expect(SESSION_ACTIONS, { timeoutMs: remaining, acrossReconnect: options.acrossReconnect ?? true, description: 'session messages' });
      } catch (error) {
        if (error instanceof VerdictError && error.code === 'OCPPCT_EXPECT_TIMEOUT') return;
        throw error;
      }
      this.take(call);
      const problem = forbidden(call);
      if (problem) throw sutFailed('OCPPCT_VALIDATION', problem);
      this.backlog.push(call);
    }
  }

  /** Drops what is kept of one kind (e.g. meter values a step has looked at). */
  discard(select: (call: SessionCall) => boolean): SessionCall[] {
    const dropped: SessionCall[] = [];
    for (let i = this.backlog.length - 1; i >= 0; i--) if (select(this.backlog[i])) dropped.unshift(...this.backlog.splice(i, 1));
    return dropped;
  }

  /** Takes a CALL a step received by other means (it is checked, answered and kept like any other). */
  adopt(call: SessionCall): void {
    this.take(call);
    this.backlog.push(call);
  }

  /** Answers one CALL as the monitor's CSMS does, unless it was answered already. */
  private answer(call: SessionCall): void {
    if (call.isAnswered || this.handled.has(call)) return;
    this.handled.add(call);
    if (call.action === 'TransactionEvent') {
      const event = call as TransactionEventCall;
      if (!this.answerTransactionEvent?.(event)) event.respond(this.defaultAnswer(event.payload));
      return;
    }
    if (call.action === 'Authorize') {
      const authorize = call as IncomingCall<'Authorize'>;
      return authorize.respond({ idTokenInfo: this.tokenInfo(authorize.payload.idToken) });
    }
    (call as IncomingCall<'StatusNotification'>).respond({});
  }

  /** Records, checks and (if not done yet) answers one CALL. */
  private take(call: SessionCall): void {
    if (call.action === 'TransactionEvent') return this.takeEvent(call as TransactionEventCall);
    this.answer(call);
  }

  private takeEvent(call: TransactionEventCall): void {
    const check = this.lenient ? LENIENT : this.ctx.check;
    const event = call.payload;
    const id = event.transactionInfo.transactionId;
    let tx = this.transactions.get(id);
    const first = !tx;
    if (!tx) {
      tx = { id, events: [], ended: false };
      this.transactions.set(id, tx);
      this.order.push(tx);
    }
    const retransmission = tx.events.some((e) => e.seqNo === event.seqNo && e.timestamp === event.timestamp && e.triggerReason === event.triggerReason);
    const seqNos = tx.events.map((e) => e.seqNo);
    if (retransmission) this.retransmissions.push(call);
    else {
      tx.events.push(event);
      this.events.push(call);
      if (event.eventType === 'Ended') tx.ended = true;
    }
    // Answered before it is judged, so a failed check does not leave the station waiting for an answer.
    this.answer(call);
    if (retransmission) return; // the same event again after a failed delivery (E13), not a new one
    if (first) check.equal(`first TransactionEventRequest of transaction ${id}: eventType`, event.eventType, 'Started');
    check.that(`TransactionEventRequest seqNo of transaction ${id}`, !seqNos.includes(event.seqNo), `a seqNo not used before (used: ${seqNos.join(', ') || 'none'})`, String(event.seqNo));
    if (event.eventType === 'Ended') {
      const sorted = tx.events.map((e) => e.seqNo).sort((a, b) => a - b);
      const gapless = sorted.every((n, i) => i === 0 || n === sorted[i - 1] + 1);
      check.that(`seqNo values of transaction ${id} at its end`, gapless, 'consecutive numbers', sorted.join(', '));
    }
    if (!isMeterOnly(event) && !this.lenient) this.generalRules(event);
  }

  /** The general tool rules of §2.1 about the first event after a remote start, a presented token and a connected EV. */
  private generalRules(event: TransactionEventRequest): void {
    const { check } = this.ctx;
    if (this.pendingRemoteStart) {
      this.pendingRemoteStart = false;
      check.equal('first TransactionEventRequest after the remote start: triggerReason', event.triggerReason, 'RemoteStart');
      check.that('first TransactionEventRequest after the remote start: transactionInfo.remoteStartId', event.transactionInfo.remoteStartId !== undefined, 'present', String(event.transactionInfo.remoteStartId));
    }
    const token = this.pendingIdToken;
    if (token) {
      this.pendingIdToken = undefined;
      check.equal('first TransactionEventRequest after authorization: idToken.idToken', event.idToken?.idToken, token.idToken);
      check.equal('first TransactionEventRequest after authorization: idToken.type', event.idToken?.type, token.type);
    }
    const connected = this.pendingEvse;
    if (connected) {
      this.pendingEvse = undefined;
      check.equal('first TransactionEventRequest after connecting the EV: evse.id', event.evse?.id, connected.evseId);
      check.equal('first TransactionEventRequest after connecting the EV: evse.connectorId', event.evse?.connectorId, connected.connectorId);
    }
  }

  /** The answer of a plain CSMS: idTokenInfo for a request that carries an idToken. */
  defaultAnswer(event: TransactionEventRequest): TransactionEventResponse {
    return event.idToken ? { idTokenInfo: this.tokenInfo(event.idToken) } : {};
  }
}

/** The status the harness-as-CSMS gives each configured token (see tokenInfoFor). */
export function defaultTokenInfo(ctx: CsCaseContext, token: { idToken: string; type: string }): IdTokenInfo {
  return tokenInfoFor(ctx.config.configured, token);
}

const monitors = new WeakMap<CsCaseContext, StationMonitor>();

/** The monitor of a case (one per case run, made on first use). */
export function monitorOf(ctx: CsCaseContext): StationMonitor {
  let monitor = monitors.get(ctx);
  if (!monitor) {
    monitor = new StationMonitor(ctx);
    monitors.set(ctx, monitor);
  }
  return monitor;
}
