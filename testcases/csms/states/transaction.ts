/** The transaction side of the CSMS reusable states (Part 6 section 3.18), played by the harness's simulated station and composed by the cases. */
import { newTransactionId } from '../../../src/actors/ids';
import { availabilityEvent } from '../../../src/actors/simulated-station';
import type { ConfiguredIdToken, RunConfig } from '../../../src/engine/config';
import type { CsmsCaseContext } from '../../../src/engine/testcase';
import { VerdictError } from '../../../src/engine/verdict';
import type { OcppResponses } from '../../../src/ocpp/generated';
import type {
  AuthorizationStatusEnumType,
  ChargingStateEnumType,
  IdTokenInfoType,
  IdTokenType,
  MeterValueType,
  ReasonEnumType,
  TransactionEventEnumType,
  TriggerReasonEnumType,
} from '../../../src/ocpp/generated/definitions';

/** How far a simulated transaction got, in the terms of the section 3.18 states. */
export type TransactionPhase = 'idle' | 'charging' | 'suspended' | 'stopAuthorized' | 'postSession' | 'ended';

/** An EVSE and one of its connectors. */
export interface EvseConnector {
  readonly id: number;
  readonly connectorId: number;
}

/** One transaction of the harness's simulated station: its id, EVSE, idToken, seqNo counter and the state it reached. */
export class SimulatedTransaction {
  readonly transactionId = newTransactionId();
  phase: TransactionPhase = 'idle';
  authorized = false;
  evConnected = false;
  /** True once the first TransactionEventRequest (eventType Started) went out. */
  started = false;
  /** When the energy started to flow (for the meter values of the transaction). */
  chargingSince: Date | undefined;
  /** Records, as a validation, that the CSMS answered the Started event (TC_E_53_CSMS judges exactly that). */
  checkStartAnswered = false;
  private nextSeqNo = 0;

  constructor(
    readonly evse: EvseConnector,
    readonly idToken: IdTokenType,
  ) {}

  /** Takes the next seqNo. */
  takeSeqNo(): number {
    return this.nextSeqNo++;
  }

  /** Leaves `count` seqNos out (to be sent later, as queued events), and returns them. */
  skipSeqNos(count: number): number[] {
    return Array.from({ length: count }, () => this.takeSeqNo());
  }

  /** True while the transaction has not ended. */
  get open(): boolean {
    return this.started && this.phase !== 'ended';
  }
}

/** The idToken as OCPP sends it. */
export function idTokenOf(token: ConfiguredIdToken): IdTokenType {
  return { idToken: token.idToken, type: token.type };
}

/** A transaction on `evse` (default: the configured evseId and connectorId) for `token` (default: the valid idToken). */
export function newTransaction(config: RunConfig, options: { evse?: EvseConnector; token?: ConfiguredIdToken } = {}): SimulatedTransaction {
  const evse = options.evse ?? { id: config.configured.evseId, connectorId: config.configured.connectorId };
  return new SimulatedTransaction(evse, idTokenOf(options.token ?? config.configured.idTokens.valid));
}

/** The first connector of every configured EVSE other than the configured one: where cases with two transactions put the second. */
export function otherEvses(config: RunConfig): EvseConnector[] {
  return config.station.evses.filter((e) => e.id !== config.configured.evseId && e.connectors.length > 0).map((e) => ({ id: e.id, connectorId: e.connectors[0] }));
}

/** What a case expects of an idTokenInfo: one of `statuses`, and `group` as its groupIdToken when given. */
export interface IdTokenExpectation {
  readonly statuses: readonly AuthorizationStatusEnumType[];
  readonly group?: ConfiguredIdToken;
}

/** Accepted, and (when given) in `group`. */
export const accepted = (group?: ConfiguredIdToken): IdTokenExpectation => ({ statuses: ['Accepted'], group });

/** Records the validations of an idTokenInfo that `message` carried. */
export function checkIdTokenInfo(ctx: CsmsCaseContext, message: string, info: IdTokenInfoType | undefined, expectation: IdTokenExpectation): void {
  const { check } = ctx;
  if (expectation.statuses.length === 1) check.equal(`${message}.idTokenInfo.status`, info?.status, expectation.statuses[0]);
  else check.oneOf(`${message}.idTokenInfo.status`, info?.status, expectation.statuses);
  if (expectation.group) check.equal(`${message}.idTokenInfo.groupIdToken.idToken`, info?.groupIdToken?.idToken, expectation.group.idToken);
}

/** A step: the harness sends an AuthorizeRequest for `token`; the answer is checked against `expectation` when given. */
export function authorizeStep(ctx: CsmsCaseContext, title: string, token: IdTokenType, expectation?: IdTokenExpectation): Promise<OcppResponses['Authorize']> {
  return ctx.step(title, async () => {
    const response = await ctx.station.call('Authorize', { idToken: token });
    if (expectation) checkIdTokenInfo(ctx, 'AuthorizeResponse', response.idTokenInfo, expectation);
    return response;
  });
}

/** What a TransactionEventRequest says beyond what the transaction fills in itself (transactionId, seqNo, timestamp). */
export interface EventFields {
  /** Defaults to Started for the first event of the transaction, Updated after. */
  readonly eventType?: TransactionEventEnumType;
  readonly triggerReason: TriggerReasonEnumType;
  readonly chargingState?: ChargingStateEnumType;
  readonly stoppedReason?: ReasonEnumType;
  readonly idToken?: IdTokenType;
  /** Adds evse with the transaction's EVSE and connector. */
  readonly withEvse?: boolean;
  readonly meterValue?: MeterValueType[];
  readonly offline?: boolean;
  /** A seqNo skipped earlier; otherwise the next one is taken. */
  readonly seqNo?: number;
  /** When the event happened; defaults to now. */
  readonly timestamp?: Date;
}

/** The transactions and Occupied connectors of each running case, for the clean-up when it ends. */
const leftOver = new WeakMap<CsmsCaseContext, { readonly transactions: Set<SimulatedTransaction>; readonly occupied: Map<string, EvseConnector> }>();

/**
 * What the case has open, registered the first time: when the case ends, however it ends, the harness ends the
 * transactions it left open and reports Available the connectors it left Occupied, so the next case (and the CSMS) finds
 * the station idle. Sent straight on the connection, as the case's waits may be over; a failure is a warning of the
 * case, never its verdict.
 */
function openWork(ctx: CsmsCaseContext): { readonly transactions: Set<SimulatedTransaction>; readonly occupied: Map<string, EvseConnector> } {
  const work = leftOver.get(ctx);
  if (work) return work;
  const created = { transactions: new Set<SimulatedTransaction>(), occupied: new Map<string, EvseConnector>() };
  leftOver.set(ctx, created);
  ctx.defer('harness ends the transactions and frees the connectors the case left open (not part of Part 6)', async () => {
    const open = [...created.transactions].filter((tx) => tx.open);
    if (open.length === 0 && created.occupied.size === 0) return;
    const connection = ctx.station.connection;
    if (!connection) {
      ctx.warn(`the case ended with ${open.length} transaction(s) open and ${created.occupied.size} connector(s) Occupied while the CSMS was not connected: the CSMS may still count them`);
      return;
    }
    for (const tx of open) {
      await connection.call('TransactionEvent', { eventType: 'Ended', timestamp: new Date().toISOString(), triggerReason: 'EVCommunicationLost', seqNo: tx.takeSeqNo(), transactionInfo: { transactionId: tx.transactionId, chargingState: 'Idle', stoppedReason: 'EVDisconnected' } });
      tx.phase = 'ended';
    }
    for (const [key, evse] of created.occupied) {
      await connection.call('StatusNotification', { timestamp: new Date().toISOString(), connectorStatus: 'Available', evseId: evse.id, connectorId: evse.connectorId });
      created.occupied.delete(key);
    }
  });
  return created;
}

/** Keeps track of what a connector reported, so the case's clean-up frees one left Occupied. */
export function connectorReported(ctx: CsmsCaseContext, evse: EvseConnector, status: 'Occupied' | 'Available'): void {
  const { occupied } = openWork(ctx);
  if (status === 'Occupied') occupied.set(`${evse.id}/${evse.connectorId}`, evse);
  else occupied.delete(`${evse.id}/${evse.connectorId}`);
}

/** Sends one TransactionEventRequest of `tx` and returns the CSMS's answer (a CALLERROR, silence or a bad answer fails the case). */
export async function sendTransactionEvent(ctx: CsmsCaseContext, tx: SimulatedTransaction, fields: EventFields): Promise<OcppResponses['TransactionEvent']> {
  openWork(ctx).transactions.add(tx);
  const eventType = fields.eventType ?? (tx.started ? 'Updated' : 'Started');
  const response = ctx.station.call('TransactionEvent', {
    eventType,
    timestamp: (fields.timestamp ?? new Date()).toISOString(),
    triggerReason: fields.triggerReason,
    seqNo: fields.seqNo ?? tx.takeSeqNo(),
    ...(fields.offline === undefined ? {} : { offline: fields.offline }),
    transactionInfo: {
      transactionId: tx.transactionId,
      ...(fields.chargingState ? { chargingState: fields.chargingState } : {}),
      ...(fields.stoppedReason ? { stoppedReason: fields.stoppedReason } : {}),
    },
    ...(fields.withEvse ? { evse: { id: tx.evse.id, connectorId: tx.evse.connectorId } } : {}),
    ...(fields.idToken ? { idToken: fields.idToken } : {}),
    ...(fields.meterValue?.length ? { meterValue: fields.meterValue } : {}),
  });
  tx.started = true;
  if (eventType === 'Ended') tx.phase = 'ended';
  return eventType === 'Started' && tx.checkStartAnswered ? answeredStart(ctx, response) : response;
}

/** Turns the answer (or the lack of one) to a Started event into a recorded validation. */
async function answeredStart(ctx: CsmsCaseContext, response: Promise<OcppResponses['TransactionEvent']>): Promise<OcppResponses['TransactionEvent']> {
  const label = 'the CSMS answers the TransactionEventRequest with eventType Started and seqNo 0';
  try {
    const answer = await response;
    ctx.check.that(label, true, 'a TransactionEventResponse', 'a TransactionEventResponse');
    return answer;
  } catch (error) {
    if (error instanceof VerdictError && error.verdict === 'failed') ctx.check.that(label, false, 'a TransactionEventResponse', error.message);
    throw error;
  }
}

/** A step: one TransactionEventRequest of `tx`; its idTokenInfo is checked against `expectation` when given. */
export function transactionEventStep(
  ctx: CsmsCaseContext,
  title: string,
  tx: SimulatedTransaction,
  fields: EventFields,
  expectation?: IdTokenExpectation,
): Promise<OcppResponses['TransactionEvent']> {
  return ctx.step(title, async () => {
    const response = await sendTransactionEvent(ctx, tx, fields);
    if (expectation) checkIdTokenInfo(ctx, 'TransactionEventResponse', response.idTokenInfo, expectation);
    return response;
  });
}

/** Sends the StatusNotificationRequest of a connector's new status (at `timestamp`). */
function sendConnectorStatus(ctx: CsmsCaseContext, evse: EvseConnector, status: 'Occupied' | 'Available', timestamp: string): Promise<unknown> {
  connectorReported(ctx, evse, status);
  return ctx.station.call('StatusNotification', { timestamp, connectorStatus: status, evseId: evse.id, connectorId: evse.connectorId });
}

/** A step: the harness reports a connector's new status with a StatusNotificationRequest only (where Part 6 names no NotifyEventRequest). */
export function reportConnectorStatus(ctx: CsmsCaseContext, title: string, evse: EvseConnector, status: 'Occupied' | 'Available'): Promise<void> {
  return ctx.step(title, async () => {
    await sendConnectorStatus(ctx, evse, status, new Date().toISOString());
  });
}

/** A step: the harness reports a connector's new status, with a StatusNotificationRequest and a NotifyEventRequest (AvailabilityState). */
export function reportConnector(ctx: CsmsCaseContext, title: string, evse: EvseConnector, status: 'Occupied' | 'Available'): Promise<void> {
  const { station } = ctx;
  return ctx.step(title, async () => {
    const timestamp = new Date().toISOString();
    await sendConnectorStatus(ctx, evse, status, timestamp);
    await station.call('NotifyEvent', {
      generatedAt: timestamp,
      seqNo: 0,
      eventData: [availabilityEvent(evse.id, evse.connectorId, status, timestamp)],
    });
  });
}

/** A step: the harness keeps serving the CSMS for <Configured Transaction Duration> (a wait Part 6 prescribes). */
export function letTransactionRun(ctx: CsmsCaseContext, title = 'harness waits <Configured Transaction Duration>'): Promise<void> {
  const seconds = ctx.config.configured.transactionDuration;
  return ctx.step(`${title} (${seconds} s), answering the CSMS meanwhile`, () => ctx.station.serveFor(seconds * 1000));
}

/** Reusable State EVConnectedPreSession: the connector turns Occupied and the cable-plugged event goes out (Started unless authorized first). */
export function evConnectedPreSession(ctx: CsmsCaseContext, tx: SimulatedTransaction, options: { meterValue?: MeterValueType[] } = {}): Promise<void> {
  return ctx.step('Reusable State EVConnectedPreSession', async () => {
    await reportConnector(ctx, '1-2. harness reports the connector Occupied', tx.evse, 'Occupied');
    await transactionEventStep(ctx, '3-4. harness sends TransactionEventRequest (CablePluggedIn, EVConnected)', tx, {
      triggerReason: 'CablePluggedIn',
      chargingState: 'EVConnected',
      withEvse: true,
      meterValue: options.meterValue,
    });
    tx.evConnected = true;
  });
}

/** A step: the Authorized event of `tx` carrying `token` (Started when it is the first event); its idTokenInfo is checked against `expectation`. */
export async function sendAuthorized(ctx: CsmsCaseContext, title: string, tx: SimulatedTransaction, token: IdTokenType, expectation: IdTokenExpectation): Promise<void> {
  await transactionEventStep(ctx, title, tx, { triggerReason: 'Authorized', idToken: token }, expectation);
  tx.authorized = true;
}

/** A step: the StopAuthorized event of `tx` (Updated) carrying `token`; its idTokenInfo is checked against `expectation`. */
export async function sendStopAuthorized(ctx: CsmsCaseContext, title: string, tx: SimulatedTransaction, token: IdTokenType, expectation: IdTokenExpectation): Promise<void> {
  await transactionEventStep(ctx, title, tx, { eventType: 'Updated', triggerReason: 'StopAuthorized', idToken: token }, expectation);
  tx.phase = 'stopAuthorized';
}

/** Reusable State Authorized: the idToken is authorized with an AuthorizeRequest, then the Authorized event goes out; both answers Accepted. */
export function authorized(ctx: CsmsCaseContext, tx: SimulatedTransaction): Promise<void> {
  return ctx.step('Reusable State Authorized', async () => {
    await authorizeStep(ctx, '1-2. harness sends AuthorizeRequest for the idToken', tx.idToken, accepted());
    await sendAuthorized(ctx, '3-4. harness sends TransactionEventRequest (Authorized) with the idToken', tx, tx.idToken, accepted());
  });
}

/** Reusable State EnergyTransferStarted: authorizes and plugs in first when needed, then reports chargingState Charging. */
export async function energyTransferStarted(ctx: CsmsCaseContext, tx: SimulatedTransaction): Promise<void> {
  if (!tx.authorized) await authorized(ctx, tx);
  await ctx.step('Reusable State EnergyTransferStarted', async () => {
    if (!tx.evConnected) {
      await reportConnector(ctx, '1-2. harness reports the connector Occupied', tx.evse, 'Occupied');
      await transactionEventStep(ctx, '3-4. harness sends TransactionEventRequest (CablePluggedIn, EVConnected)', tx, {
        triggerReason: 'CablePluggedIn',
        chargingState: 'EVConnected',
        withEvse: true,
      });
      tx.evConnected = true;
    }
    await transactionEventStep(ctx, '5-6. harness sends TransactionEventRequest (ChargingStateChanged, Charging)', tx, { triggerReason: 'ChargingStateChanged', chargingState: 'Charging' });
    tx.phase = 'charging';
    tx.chargingSince = new Date();
  });
}

/** Reusable State EnergyTransferSuspended: after <Configured Transaction Duration> of charging, the EV suspends (SuspendedEV). */
export async function energyTransferSuspended(ctx: CsmsCaseContext, tx: SimulatedTransaction): Promise<void> {
  if (tx.phase !== 'charging') await energyTransferStarted(ctx, tx);
  await ctx.step('Reusable State EnergyTransferSuspended', async () => {
    await letTransactionRun(ctx);
    await transactionEventStep(ctx, '1-2. harness sends TransactionEventRequest (ChargingStateChanged, SuspendedEV)', tx, { triggerReason: 'ChargingStateChanged', chargingState: 'SuspendedEV' });
    tx.phase = 'suspended';
  });
}

/** Reusable State StopAuthorized: after <Configured Transaction Duration>, the driver's idToken stops the session; the answer is Accepted. */
export async function stopAuthorized(ctx: CsmsCaseContext, tx: SimulatedTransaction): Promise<void> {
  if (tx.phase !== 'charging' && tx.phase !== 'suspended') await energyTransferStarted(ctx, tx);
  await ctx.step('Reusable State StopAuthorized', async () => {
    await letTransactionRun(ctx);
    await sendStopAuthorized(ctx, '1-2. harness sends TransactionEventRequest (StopAuthorized, Updated) with the idToken', tx, tx.idToken, accepted());
  });
}

/** Reusable State EVConnectedPostSession: the energy transfer has stopped and the EV is still plugged in (chargingState EVConnected). */
export async function evConnectedPostSession(ctx: CsmsCaseContext, tx: SimulatedTransaction): Promise<void> {
  if (tx.phase !== 'stopAuthorized') await stopAuthorized(ctx, tx);
  await ctx.step('Reusable State EVConnectedPostSession', async () => {
    await transactionEventStep(ctx, '1-2. harness sends TransactionEventRequest (ChargingStateChanged, EVConnected)', tx, { eventType: 'Updated', triggerReason: 'ChargingStateChanged', chargingState: 'EVConnected' });
    tx.phase = 'postSession';
  });
}

/** Options of the EVDisconnected state. */
export interface EvDisconnectedOptions {
  /** False when the transaction outlives the unplugging (a stop point other than EVConnected): the event is then Updated. Default true. */
  readonly endsTransaction?: boolean;
  /** The meter values the last event carries, made when it is sent. */
  readonly meterValue?: (tx: SimulatedTransaction) => MeterValueType[];
}

/** The unplug event of the EVDisconnected state: EVCommunicationLost, Idle, and (when it ends the transaction) stoppedReason EVDisconnected. */
export function sendEvCommunicationLost(ctx: CsmsCaseContext, title: string, tx: SimulatedTransaction, options: EvDisconnectedOptions = {}): Promise<OcppResponses['TransactionEvent']> {
  const ends = options.endsTransaction ?? true;
  return ctx.step(title, () =>
    sendTransactionEvent(ctx, tx, {
      eventType: ends ? 'Ended' : 'Updated',
      triggerReason: 'EVCommunicationLost',
      chargingState: 'Idle',
      stoppedReason: ends ? 'EVDisconnected' : undefined,
      meterValue: options.meterValue?.(tx),
    }),
  );
}

/** Reusable State EVDisconnected: after the post session, the connector turns Available and the transaction ends as the EV is unplugged. */
export async function evDisconnected(ctx: CsmsCaseContext, tx: SimulatedTransaction, options: EvDisconnectedOptions = {}): Promise<void> {
  if (tx.phase !== 'postSession') await evConnectedPostSession(ctx, tx);
  await ctx.step('Reusable State EVDisconnected', async () => {
    await reportConnector(ctx, '1-2. harness reports the connector Available', tx.evse, 'Available');
    const ends = options.endsTransaction ?? true;
    await sendEvCommunicationLost(ctx, `3-4. harness sends TransactionEventRequest (EVCommunicationLost, Idle${ends ? ', Ended' : ''})`, tx, options);
    tx.evConnected = false;
  });
}

/**
 * Afterwards (not a Part 6 step): ends a transaction the case left open and frees its connector, so the next case finds the
 * station idle. What the CSMS answers here does not count: the case's own steps are over.
 */
export function leaveIdle(ctx: CsmsCaseContext, ...transactions: SimulatedTransaction[]): Promise<void> {
  return ctx.step('Afterwards: harness ends what the case left open (not part of Part 6; answers are not judged)', async () => {
    for (const tx of transactions) {
      try {
        if (tx.open) await sendTransactionEvent(ctx, tx, { eventType: 'Ended', triggerReason: 'EVCommunicationLost', chargingState: 'Idle', stoppedReason: 'EVDisconnected' });
        if (tx.evConnected) await sendConnectorStatus(ctx, tx.evse, 'Available', new Date().toISOString());
        tx.evConnected = false;
      } catch {
        // Hygiene only: a CSMS that does not answer here has already been judged by the case's steps.
      }
    }
  });
}
