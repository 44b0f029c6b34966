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
  /** The EVSE the first event that named one gave (undefined until then). */
  evseId?: number;
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


/** The expectations §2.1 puts on the next TransactionEventRequest of a session. */
interface PendingRules {
  /** Set by a remote start: the next event must have triggerReason RemoteStart and carry remoteStartId. */
  pendingRemoteStart: boolean;
  /** Set when a token authorized the session: the next event must carry it. */
  pendingIdToken: ConfiguredIdToken | undefined;
  /** Set when the EV was connected: the next event must name the EVSE and connector. */
  pendingEvse: { readonly evseId: number; readonly connectorId: number } | undefined;
}

const noPendingRules = (): PendingRules => ({ pendingRemoteStart: false, pendingIdToken: undefined, pendingEvse: undefined });

/** What every view of a case's monitor shares: the CALLs received, the transactions seen, and how the harness answers them. */
class MonitorHub {
  /** Received and answered, not yet claimed by a step. */
  readonly backlog: SessionCall[] = [];
  readonly transactions = new Map<string, ObservedTransaction>();
  readonly order: ObservedTransaction[] = [];
  readonly events: TransactionEventCall[] = [];
  readonly retransmissions: TransactionEventCall[] = [];
  answerTransactionEvent: TransactionEventAnswer | undefined;
  tokenInfo: (token: { idToken: string; type: string }) => IdTokenInfo;
  lenient = false;
  /** CALLs already answered (or left unanswered on purpose) the moment they came. */
  readonly handled = new WeakSet<IncomingCall>();
  /** The views of the sessions, each on one EVSE. */
  readonly views: StationMonitor[] = [];
  /** The §2.1 expectations while the case charges on one EVSE only. */
  readonly pending: PendingRules = noPendingRules();

  constructor(ctx: CsCaseContext) {
    this.tokenInfo = (token) => defaultTokenInfo(ctx, token);
  }

  /** True once sessions run on more than one EVSE: then each view sees only the transactions of its own EVSE. */
  get scoped(): boolean {
    return new Set(this.views.map((v) => v.scope?.evseId)).size > 1;
  }
}

/**
 * Takes every session CALL of the station as it comes, answers it (TransactionEvent and Authorize with the status the
 * configured token promises, the rest empty), and keeps it until a step claims it, so steps can wait for messages that
 * the station may send in any order. Every TransactionEventRequest is checked against the general rules: the first
 * event of a transaction is Started, seqNo values are not repeated and have no gaps by the Ended event, and the first
 * event after a remote start / a presented token / a connected EV carries what §2.1 asks.
 *
 * A case that charges on two EVSEs at once (TC_L_12_CS, the master pass cases) gives each session a view of its own
 * ({@link StationMonitor.forEvse}): once views exist for two EVSEs, each view sees the transactions of its EVSE (by the
 * evse the events name), plus those that named no EVSE yet while it has none open, and keeps its own §2.1
 * expectations. The connector reports and other CALLs are seen by every view; the steps pick them by EVSE.
 */
export class StationMonitor {
  private readonly hub: MonitorHub;
  private readonly ownPending = noPendingRules();

  constructor(
    private readonly ctx: CsCaseContext,
    hub?: MonitorHub,
    /** The EVSE of the session this view belongs to (none: the case's view of everything). */
    readonly scope?: { readonly evseId: number; readonly connectorId: number },
  ) {
    if (hub) {
      this.hub = hub;
      return;
    }
    this.hub = new MonitorHub(ctx);
    // Answered the moment they arrive, even while the harness waits for its own CALL, a prompt or a driver action.
    ctx.csms.answerWith((call) => {
      if (call.action !== 'TransactionEvent' && call.action !== 'Authorize') return false;
      this.answer(call as SessionCall);
      return true;
    });
  }

  /** A view for the session on `evse`, sharing this monitor's record and answers. */
  forEvse(evse: { readonly evseId: number; readonly connectorId: number }): StationMonitor {
    const view = new StationMonitor(this.ctx, this.hub, evse);
    this.hub.views.push(view);
    return view;
  }

  /** Overrides how TransactionEventRequests are answered (a case that answers with errors, late or not at all); shared by every view. */
  get answerTransactionEvent(): TransactionEventAnswer | undefined {
    return this.hub.answerTransactionEvent;
  }
  set answerTransactionEvent(answer: TransactionEventAnswer | undefined) {
    this.hub.answerTransactionEvent = answer;
  }

  /** What the CSMS says about a token in AuthorizeResponse and TransactionEventResponse; shared by every view. */
  get tokenInfo(): (token: { idToken: string; type: string }) => IdTokenInfo {
    return this.hub.tokenInfo;
  }
  set tokenInfo(info: (token: { idToken: string; type: string }) => IdTokenInfo) {
    this.hub.tokenInfo = info;
  }

  /** Set by the clean-up after a case: events are still tracked and answered, but no longer validated (it is not part of Part 6). */
  get lenient(): boolean {
    return this.hub.lenient;
  }
  set lenient(lenient: boolean) {
    this.hub.lenient = lenient;
  }

  /** The §2.1 expectations this view sets: its own once sessions run on two EVSEs, else the case's. */
  private get rules(): PendingRules {
    return this.scope && this.hub.scoped ? this.ownPending : this.hub.pending;
  }

  /** Set by a remote start: the next event must have triggerReason RemoteStart and carry remoteStartId. */
  get pendingRemoteStart(): boolean {
    return this.rules.pendingRemoteStart;
  }
  set pendingRemoteStart(pending: boolean) {
    this.rules.pendingRemoteStart = pending;
  }

  /** Set when a token authorized the session: the next event must carry it. */
  get pendingIdToken(): ConfiguredIdToken | undefined {
    return this.rules.pendingIdToken;
  }
  set pendingIdToken(token: ConfiguredIdToken | undefined) {
    this.rules.pendingIdToken = token;
  }

  /** Set when the EV was connected: the next event must name the EVSE and connector. */
  get pendingEvse(): { readonly evseId: number; readonly connectorId: number } | undefined {
    return this.rules.pendingEvse;
  }
  set pendingEvse(evse: { readonly evseId: number; readonly connectorId: number } | undefined) {
    this.rules.pendingEvse = evse;
  }

  /** Whether this view sees `tx`: always, unless sessions run on two EVSEs (then: its EVSE's, or one that named none yet while this view has none open). */
  private sees(tx: ObservedTransaction | undefined): boolean {
    if (!tx || !this.scope || !this.hub.scoped) return true;
    if (tx.evseId !== undefined) return tx.evseId === this.scope.evseId;
    return !this.hub.order.some((t) => t.evseId === this.scope?.evseId && !t.ended);
  }

  /** Whether a CALL is this view's: every CALL but the TransactionEventRequests of transactions it does not see. */
  private mine(call: SessionCall): boolean {
    return call.action !== 'TransactionEvent' || this.sees(this.hub.transactions.get((call.payload as TransactionEventRequest).transactionInfo.transactionId));
  }

  /** Transactions in the order they were first seen. */
  get order(): readonly ObservedTransaction[] {
    return this.hub.order.filter((tx) => this.sees(tx));
  }

  /** Every TransactionEventRequest received, in arrival order (retransmissions of an event not counted). */
  get events(): readonly TransactionEventCall[] {
    return this.hub.events.filter((call) => this.mine(call));
  }

  /** TransactionEventRequests received again with the seqNo and timestamp of an earlier one. */
  get retransmissions(): readonly TransactionEventCall[] {
    return this.hub.retransmissions.filter((call) => this.mine(call));
  }

  /** The transaction seen most recently (the one the session is about). */
  get current(): ObservedTransaction | undefined {
    return this.order.at(-1);
  }

  /** True while the most recent transaction has not ended. */
  get transactionOpen(): boolean {
    return this.current !== undefined && !this.current.ended;
  }

  /** A transaction by id. */
  transaction(id: string): ObservedTransaction | undefined {
    return this.hub.transactions.get(id);
  }

  /**
   * The first message (kept or still to come) for which `select` is true; it is claimed, so no later step gets it.
   * Fails the case when none comes within the timeout (the run's message timeout unless told).
   */
  async next(what: string, select: (call: SessionCall) => boolean, options: NextOptions = {}): Promise<SessionCall> {
    const { backlog } = this.hub;
    const wanted = (call: SessionCall) => this.mine(call) && select(call);
    const kept = backlog.findIndex(wanted);
    if (kept >= 0) return backlog.splice(kept, 1)[0];
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
      if (wanted(call)) return call;
      backlog.push(call);
    }
  }

  /** The next TransactionEventRequest that is not only meter values (the event a state step is about). */
  async nextEvent(what: string, options: NextOptions = {}, select: (event: TransactionEventRequest) => boolean = () => true): Promise<TransactionEventRequest> {
    const call = await this.next(what, (c) => c.action === 'TransactionEvent' && !isMeterOnly(c.payload as TransactionEventRequest) && select(c.payload as TransactionEventRequest), options);
    return call.payload as TransactionEventRequest;
  }

  /**
   * Takes everything the station sends for `ms` milliseconds (a wait Part 6 prescribes, or the silence a step must
   * observe); a message of this view for which `forbidden` is true fails the case at once. The rest is kept for later steps.
   */
  async watch(ms: number, forbidden: (call: SessionCall) => string | undefined = () => undefined, options: Pick<NextOptions, 'acrossReconnect'> = {}): Promise<void> {
    const judged = (call: SessionCall) => (this.mine(call) ? forbidden(call) : undefined);
    const early = this.hub.backlog.map(judged).find(Boolean);
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
      const problem = judged(call);
      if (problem) throw sutFailed('OCPPCT_VALIDATION', problem);
      this.hub.backlog.push(call);
    }
  }

  /** Drops what is kept of one kind (e.g. meter values a step has looked at). */
  discard(select: (call: SessionCall) => boolean): SessionCall[] {
    const { backlog } = this.hub;
    const dropped: SessionCall[] = [];
    for (let i = backlog.length - 1; i >= 0; i--) if (this.mine(backlog[i]) && select(backlog[i])) dropped.unshift(...backlog.splice(i, 1));
    return dropped;
  }

  /** Takes a CALL a step received by other means (it is checked, answered and kept like any other). */
  adopt(call: SessionCall): void {
    this.take(call);
    this.hub.backlog.push(call);
  }

  /** Answers one CALL as the monitor's CSMS does, unless it was answered already. */
  private answer(call: SessionCall): void {
    const { hub } = this;
    if (call.isAnswered || hub.handled.has(call)) return;
    hub.handled.add(call);
    if (call.action === 'TransactionEvent') {
      const event = call as TransactionEventCall;
      if (!hub.answerTransactionEvent?.(event)) event.respond(this.defaultAnswer(event.payload));
      return;
    }
    if (call.action === 'Authorize') {
      const authorize = call as IncomingCall<'Authorize'>;
      return authorize.respond({ idTokenInfo: hub.tokenInfo(authorize.payload.idToken) });
    }
    (call as IncomingCall<'StatusNotification'>).respond({});
  }

  /** Records, checks and (if not done yet) answers one CALL. */
  private take(call: SessionCall): void {
    if (call.action === 'TransactionEvent') return this.takeEvent(call as TransactionEventCall);
    this.answer(call);
  }

  private takeEvent(call: TransactionEventCall): void {
    const { hub } = this;
    const check = hub.lenient ? LENIENT : this.ctx.check;
    const event = call.payload;
    const id = event.transactionInfo.transactionId;
    let tx = hub.transactions.get(id);
    const first = !tx;
    if (!tx) {
      tx = { id, events: [], ended: false };
      hub.transactions.set(id, tx);
      hub.order.push(tx);
    }
    const retransmission = tx.events.some((e) => e.seqNo === event.seqNo && e.timestamp === event.timestamp && e.triggerReason === event.triggerReason);
    const seqNos = tx.events.map((e) => e.seqNo);
    // The rules of the session whose transaction this is (looked up before an EVSE named now settles whose it is).
    const rules = this.rulesFor(tx);
    if (tx.evseId === undefined && event.evse) tx.evseId = event.evse.id;
    if (retransmission) hub.retransmissions.push(call);
    else {
      tx.events.push(event);
      hub.events.push(call);
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
    if (!isMeterOnly(event) && !hub.lenient && rules) this.generalRules(event, rules);
  }

  /**
   * The §2.1 expectations a new event of `tx` answers to: the case's while it charges on one EVSE; else those of the
   * view of the transaction's EVSE, or (for a transaction that named no EVSE yet) of the last view that expects an
   * event and has no transaction open.
   */
  private rulesFor(tx: ObservedTransaction): PendingRules | undefined {
    const { hub } = this;
    if (!hub.scoped) return hub.pending;
    const expecting = (view: StationMonitor) => view.ownPending.pendingRemoteStart || view.ownPending.pendingIdToken !== undefined || view.ownPending.pendingEvse !== undefined;
    const owner =
      tx.evseId !== undefined
        ? hub.views.filter((view) => view.scope?.evseId === tx.evseId).at(-1)
        : hub.views.filter((view) => expecting(view) && !hub.order.some((t) => t !== tx && t.evseId === view.scope?.evseId && !t.ended)).at(-1);
    return owner?.ownPending;
  }

  /** The general tool rules of §2.1 about the first event after a remote start, a presented token and a connected EV. */
  private generalRules(event: TransactionEventRequest, rules: PendingRules): void {
    const { check } = this.ctx;
    if (rules.pendingRemoteStart) {
      rules.pendingRemoteStart = false;
      check.equal('first TransactionEventRequest after the remote start: triggerReason', event.triggerReason, 'RemoteStart');
      check.that('first TransactionEventRequest after the remote start: transactionInfo.remoteStartId', event.transactionInfo.remoteStartId !== undefined, 'present', String(event.transactionInfo.remoteStartId));
    }
    const token = rules.pendingIdToken;
    if (token) {
      rules.pendingIdToken = undefined;
      check.equal('first TransactionEventRequest after authorization: idToken.idToken', event.idToken?.idToken, token.idToken);
      check.equal('first TransactionEventRequest after authorization: idToken.type', event.idToken?.type, token.type);
    }
    const connected = rules.pendingEvse;
    if (connected) {
      rules.pendingEvse = undefined;
      check.equal('first TransactionEventRequest after connecting the EV: evse.id', event.evse?.id, connected.evseId);
      check.equal('first TransactionEventRequest after connecting the EV: evse.connectorId', event.evse?.connectorId, connected.connectorId);
    }
  }

  /** The answer of a plain CSMS: idTokenInfo for a request that carries an idToken. */
  defaultAnswer(event: TransactionEventRequest): TransactionEventResponse {
    return event.idToken ? { idTokenInfo: this.hub.tokenInfo(event.idToken) } : {};
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
