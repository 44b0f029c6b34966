/** Display messages (Block O) as the harness plays the CSMS: setting, asking for and clearing messages, and clearing what a case set afterwards. */
import { newRequestId } from '../../../src/actors/ids';
import type { ConnectorRef } from '../../../src/drivers/station-actions';
import type { CsCaseContext } from '../../../src/engine/testcase';
import { inconclusive } from '../../../src/engine/verdict';
import type { OcppRequests, OcppResponses } from '../../../src/ocpp/generated';
import type { MessageInfoType } from '../../../src/ocpp/generated/definitions';
import { authorized } from './authorization';
import { sessionEndedInTurn } from './reset';
import { monitorOf } from './monitor';
import type { ChargingSession } from './session';
import { energyTransferStarted, evConnectedPreSession, parkingBayOccupied, reportedStatus } from './transaction';

/** A fresh displayMessageId (<Generated displayMessageId>). */
export const newDisplayMessageId = (): number => 1 + Math.floor(Math.random() * 1_000_000);

/** What a case changes of the configured message: any MessageInfoType field, and the content of its message. */
export type MessageOverrides = Partial<Omit<MessageInfoType, 'message'>> & { readonly content?: string; readonly format?: MessageInfoType['message']['format']; readonly language?: string };

/**
 * The message of the SetDisplayMessage memory state (errata 2025-09 6.2.111): a new id, <Configured priority>,
 * <Configured Message Format> and <Configured Message>, message.display when configured; `overrides` win.
 */
export function configuredMessage(ctx: CsCaseContext, overrides: MessageOverrides = {}): MessageInfoType {
  const configured = ctx.config.configured.displayMessage;
  const { content = configured.content, format = configured.format, language, ...fields } = overrides;
  return {
    id: newDisplayMessageId(),
    priority: configured.priority,
    ...(configured.display === '' ? {} : { display: { name: configured.display } }),
    ...fields,
    message: { format, content, ...(language === undefined ? {} : { language }) },
  };
}

/** Ids the case set, cleared once when it ends. */
const setByCase = new WeakMap<CsCaseContext, Set<number>>();

/** Registers (once per case) the clean-up that clears every message the case set. */
function clearedAfterwards(ctx: CsCaseContext, id: number): void {
  let ids = setByCase.get(ctx);
  if (!ids) {
    const created = new Set<number>();
    ids = created;
    setByCase.set(ctx, created);
    ctx.defer('clear the display messages this case set (clean-up, not part of the Part 6 case)', async () => {
      if (!ctx.csms.connection) return;
      for (const each of created) await ctx.csms.call('ClearDisplayMessage', { id: each });
    });
  }
  ids.add(id);
}

/** A step: the harness sends SetDisplayMessageRequest with `message`; the station must answer `expected`. The message is cleared when the case ends. */
export async function setDisplayMessage(ctx: CsCaseContext, title: string, message: MessageInfoType, expected: OcppResponses['SetDisplayMessage']['status'] = 'Accepted'): Promise<OcppResponses['SetDisplayMessage']> {
  return ctx.step(title, async () => {
    clearedAfterwards(ctx, message.id);
    const answer = await ctx.csms.call('SetDisplayMessage', { message });
    ctx.check.equal('SetDisplayMessageResponse.status', answer.status, expected);
    return answer;
  });
}

/** Memory state SetDisplayMessage (errata 2025-09 6.2.111): a message set and accepted before the case's steps; returns it. */
export async function displayMessageConfigured(ctx: CsCaseContext, overrides: MessageOverrides = {}): Promise<MessageInfoType> {
  const message = configuredMessage(ctx, overrides);
  await setDisplayMessage(ctx, `Memory State SetDisplayMessage: message ${message.id} (priority ${message.priority}${message.state ? `, state ${message.state}` : ''}) is set`, message);
  return message;
}

/** The filters of a GetDisplayMessagesRequest. */
export type DisplayMessagesFilter = Omit<OcppRequests['GetDisplayMessages'], 'requestId'>;

/** What a GetDisplayMessagesRequest returned: its response and the NotifyDisplayMessagesRequests that followed (none unless Accepted). */
export interface DisplayMessagesReport {
  readonly requestId: number;
  readonly response: OcppResponses['GetDisplayMessages'];
  readonly parts: OcppRequests['NotifyDisplayMessages'][];
  /** Every message of all parts. */
  readonly messages: MessageInfoType[];
}

/**
 * Sends GetDisplayMessagesRequest with `filter` and a new requestId and checks the status is `expected` ('probe': a
 * preparation, nothing checked). When Accepted and `titles.notify` is given, takes every NotifyDisplayMessagesRequest
 * up to the one without tbc (O03.FR.04 / O04.FR.05), each checked for the request's requestId (O03.FR.05 / O04.FR.06).
 * The wait for the first part is armed before the request.
 */
export async function displayMessagesRequested(
  ctx: CsCaseContext,
  filter: DisplayMessagesFilter,
  titles: { readonly request: string; readonly notify?: string },
  expected: OcppResponses['GetDisplayMessages']['status'] | 'probe' = 'Accepted',
): Promise<DisplayMessagesReport> {
  const requestId = newRequestId();
  // Only parts sent after this request count: a part of an earlier request of the case, answered in the background, is not one.
  const asked = Date.now();
  const nextPart = () => {
    const arrived = ctx.csms.expect('NotifyDisplayMessages', { where: (c) => c.receivedAt.getTime() >= asked, description: `NotifyDisplayMessagesRequest for request ${requestId}` }).then((call) => {
      call.respond({});
      return call.payload;
    });
    arrived.catch(() => undefined); // armed before the request; awaited only when the station accepts
    return arrived;
  };
  const first = titles.notify ? nextPart() : undefined;
  const response = await ctx.step(titles.request, async () => {
    const answer = await ctx.csms.call('GetDisplayMessages', { requestId, ...filter });
    if (expected !== 'probe') ctx.check.equal('GetDisplayMessagesResponse.status', answer.status, expected);
    return answer;
  });
  const parts: OcppRequests['NotifyDisplayMessages'][] = [];
  if (response.status === 'Accepted' && first && titles.notify) {
    await ctx.step(titles.notify, async () => {
      parts.push(await first);
      while (parts[parts.length - 1].tbc === true) parts.push(await nextPart());
      if (expected === 'probe') return;
      for (const part of parts) ctx.check.equal('NotifyDisplayMessagesRequest.requestId', part.requestId, requestId);
    });
  }
  return { requestId, response, parts, messages: parts.flatMap((p) => p.messageInfo ?? []) };
}

/** Describes messages for a validation's actual value. */
export function describeMessages(messages: readonly MessageInfoType[]): string {
  if (messages.length === 0) return 'none';
  return messages.map((m) => `#${m.id} ${m.priority}${m.state ? ` ${m.state}` : ''}${m.transactionId ? ` tx ${m.transactionId}` : ''} "${m.message.content}"`).join('; ');
}

/** The reported message with `id`, checked to be there. */
export function reportedMessage(ctx: CsCaseContext, report: DisplayMessagesReport, id: number): MessageInfoType | undefined {
  const found = report.messages.find((m) => m.id === id);
  ctx.check.that(`NotifyDisplayMessagesRequest.messageInfo with id ${id}`, found !== undefined, 'reported', describeMessages(report.messages));
  return found;
}

/** Post scenario "all messages have been received": every message of the report matches the request's filter, and the `expected` ids are all there. */
export function reportComplete(ctx: CsCaseContext, report: DisplayMessagesReport, filter: DisplayMessagesFilter, expected: readonly number[]): void {
  const outside = report.messages.filter((m) => (filter.id !== undefined && !filter.id.includes(m.id)) || (filter.priority !== undefined && m.priority !== filter.priority) || (filter.state !== undefined && m.state !== filter.state));
  ctx.check.that('reported messages outside the request', outside.length === 0, 'none', describeMessages(outside));
  const missing = expected.filter((id) => !report.messages.some((m) => m.id === id));
  ctx.check.that('messages set by the case that match the request', missing.length === 0, `all reported (${expected.join(', ')})`, missing.length === 0 ? 'all reported' : `missing ${missing.join(', ')}`);
}

/**
 * Preparation of the "no display messages configured" cases: the harness asks for every message and clears those the
 * station holds, then sets them again when the case ends (clean-up), so the station's messages are as they were.
 */
export async function noDisplayMessages(ctx: CsCaseContext): Promise<void> {
  await ctx.step('Memory State: no display messages configured (the harness clears any the station holds and sets them again afterwards)', async () => {
    const all = await displayMessagesRequested(ctx, {}, { request: 'Preparation: harness asks for every display message', notify: 'Preparation: the station reports them' }, 'probe');
    if (all.messages.length === 0) return;
    ctx.defer('set the display messages the station held again (clean-up, not part of the Part 6 case)', async () => {
      for (const message of all.messages) if (ctx.csms.connection) await ctx.csms.call('SetDisplayMessage', { message });
    });
    for (const message of all.messages) {
      const cleared = await ctx.csms.call('ClearDisplayMessage', { id: message.id });
      ctx.check.equal(`Preparation: ClearDisplayMessageResponse.status for message ${message.id}`, cleared.status, 'Accepted');
    }
  });
}

/** The Part 6 timed wait "wait till <offset> seconds have passed": until `at` (ms since epoch) and 1 s more for the station's clock. */
export async function waitUntil(ctx: CsCaseContext, title: string, at: number): Promise<void> {
  await ctx.step(title, () => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, at - Date.now()) + 1_000)));
}

/** <Received transactionId>: the id of the session's open transaction (the case cannot go on without one). */
export function openTransactionId(session: ChargingSession): string {
  const id = session.transactionOpen ? session.transactionId : undefined;
  if (id === undefined) throw inconclusive('OCPPCT_PRECONDITION', 'no transaction is open after EnergyTransferStarted, so there is no transactionId to set a message for');
  return id;
}

/** Charging State EnergyTransferStarted of the O cases, as a Before step. */
export async function chargingBefore(session: ChargingSession): Promise<void> {
  await session.ctx.step('Before: reach state EnergyTransferStarted', () => energyTransferStarted(session));
}

/** A whole session numbered from `first`: ParkingBayOccupied, Authorized, EVConnectedPreSession, EnergyTransferStarted, then the states that end it (sessionEndedInTurn). */
export async function wholeSession(session: ChargingSession, first: number): Promise<void> {
  const { step } = session.ctx;
  await step(`${first}. Reusable State ParkingBayOccupied`, () => parkingBayOccupied(session));
  await step(`${first + 1}. Reusable State Authorized`, () => authorized(session));
  await step(`${first + 2}. Reusable State EVConnectedPreSession`, () => evConnectedPreSession(session));
  await step(`${first + 3}. Reusable State EnergyTransferStarted`, () => energyTransferStarted(session));
  await sessionEndedInTurn(session, openTransactionId(session), first + 4);
}

/**
 * A step: after a fault was raised on `connector`, the station reports it (errata 2025-09 6.2.115: StatusNotification
 * Faulted or Unavailable, or NotifyEvent on the connector's or the station's AvailabilityState with trigger Delta).
 */
export async function faultReported(ctx: CsCaseContext, title: string, connector: ConnectorRef, since: number): Promise<void> {
  const faulted = ['Faulted', 'Unavailable'];
  const stationLevel = (call: { action: string; payload: unknown }) =>
    call.action === 'NotifyEvent' ? (call.payload as OcppRequests['NotifyEvent']).eventData.find((d) => d.component.name === 'ChargingStation' && d.variable.name === 'AvailabilityState' && faulted.includes(d.actualValue)) : undefined;
  await ctx.step(title, async () => {
    const call = await monitorOf(ctx).next(`a report of the fault (connector ${connector.connectorId} of EVSE ${connector.evseId} or the station Faulted)`, (c) => c.receivedAt.getTime() >= since && (faulted.includes(reportedStatus(c, connector) ?? '') || stationLevel(c) !== undefined));
    const station = stationLevel(call);
    if (station) {
      ctx.check.equal('NotifyEventRequest eventData.trigger', station.trigger, 'Delta');
      ctx.check.equal('NotifyEventRequest eventData.actualValue', station.actualValue, 'Faulted');
      return;
    }
    if (call.action === 'NotifyEvent') {
      const data = (call.payload as OcppRequests['NotifyEvent']).eventData.find((d) => d.component.name === 'Connector' && d.variable.name === 'AvailabilityState');
      ctx.check.equal('NotifyEventRequest eventData.trigger', data?.trigger, 'Delta');
    }
    ctx.check.oneOf('reported connector status', reportedStatus(call, connector), faulted);
  });
}
