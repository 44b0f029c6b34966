/** Block O of the reference station: SetDisplayMessage, GetDisplayMessages, ClearDisplayMessage and what the display shows (O01-O06). */
import type { OcppResponses } from '../../ocpp/generated';
import type { MessageInfoType, MessagePriorityEnumType, MessageStateEnumType } from '../../ocpp/generated/definitions';
import { evModel } from './ev-model';
import type { StationFeature, StationRuntime } from './feature';
import { transactionsOf } from './transactions';

/** Messages per NotifyDisplayMessagesRequest (O03.FR.03 / O04.FR.04: more are split over several requests, tbc on all but the last). */
const MESSAGES_PER_NOTIFY = 4;

const CTRLR = 'DisplayMessageCtrlr';

/** NumberOfDisplayMessages maxLimit (DisplayMessageCtrlr.DisplayMessages in device-model-data.ts). */
const MAX_MESSAGES = 10;

const displays = new WeakMap<StationRuntime, () => DisplayedMessages>();

/** What the display of `station` shows now (for logs and unit tests; no driver action returns data, so cases read it with GetDisplayMessages). */
export function displayedMessages(station: StationRuntime): DisplayedMessages {
  return displays.get(station)?.() ?? { front: [], cycle: [] };
}

/** One message the station holds, with what the display logic remembers about it. */
interface Held {
  info: MessageInfoType;
  /** Its state has held since it was set (fault displayMessages.removedAfterState). */
  stateSeen: boolean;
  timer?: NodeJS.Timeout;
}

/** What the reference station shows, most prominent first: the one AlwaysFront message, else the InFront ones in cycle, else the normal cycle. */
export interface DisplayedMessages {
  readonly front: readonly MessageInfoType[];
  readonly cycle: readonly MessageInfoType[];
}

/**
 * The display message feature. Messages survive a reboot (O01.FR.10); a message with the id of one held replaces it
 * (O06.FR.01); a new AlwaysFront message replaces the one before (O01.FR.16, O02.FR.18); a transaction's messages go
 * when the transaction ends (O02.FR.02) and a message goes at its endDateTime (O01.FR.07). What is shown at a moment
 * (`displayed`) follows startDateTime (O01.FR.06), the message's state against the station's (Charging, Faulted,
 * Unavailable, Idle), its transaction and its priority. The supported priorities and formats are the
 * DisplayMessageCtrlr variables; the station refuses what they leave out and the states the options leave out.
 */
export function displayMessagesFeature(station: StationRuntime): StationFeature {
  const { deviceModel } = station;
  const model = evModel(station);
  const engine = transactionsOf(station);
  const messages = new Map<number, Held>();
  const unsupported = station.options.displayMessagesUnsupported ?? { priorities: [], states: [], formats: [] };
  if (unsupported.priorities.length > 0) deviceModel.set(CTRLR, 'SupportedPriorities', deviceModel.getList(CTRLR, 'SupportedPriorities').filter((p) => !unsupported.priorities.includes(p)).join(','));
  if (unsupported.formats.length > 0) deviceModel.set(CTRLR, 'SupportedFormats', deviceModel.getList(CTRLR, 'SupportedFormats').filter((f) => !unsupported.formats.includes(f)).join(','));

  const enabled = (): boolean => deviceModel.getBoolean(CTRLR, 'Available') && deviceModel.getBoolean(CTRLR, 'Enabled');
  const counted = (): void => deviceModel.set(CTRLR, 'DisplayMessages', String(messages.size));

  /** The state the station is in, as MessageStateEnumType names it. */
  const stationState = (): MessageStateEnumType => {
    const connectors = [...model.evses.values()].flatMap((e) => e.connectors);
    if (connectors.some((c) => c.faulted)) return 'Faulted';
    if (connectors.some((c) => c.unavailable)) return 'Unavailable';
    if ([...model.evses.values()].some((e) => e.flowingSince !== undefined)) return 'Charging';
    return 'Idle';
  };

  const remove = (id: number): void => {
    const held = messages.get(id);
    if (!held) return;
    if (held.timer) clearTimeout(held.timer);
    messages.delete(id);
    counted();
  };

  /** O01.FR.07 / O02.FR.07: a message goes at its endDateTime. */
  const expired = (info: MessageInfoType): boolean => info.endDateTime !== undefined && Date.parse(info.endDateTime) <= Date.now() && !station.has('displayMessages.endTimeIgnored');
  const purge = (): void => {
    for (const [id, held] of messages) if (expired(held.info)) remove(id);
  };
  const armEnd = (held: Held): void => {
    if (held.info.endDateTime === undefined || station.has('displayMessages.endTimeIgnored')) return;
    const id = held.info.id;
    held.timer = setTimeout(() => {
      if (messages.get(id) === held) remove(id);
    }, Math.max(0, Date.parse(held.info.endDateTime) - Date.now()));
    held.timer.unref?.();
  };

  /** After every change of the station's state: notes which state-bound messages have seen their state, and (fault) drops those whose state is over. */
  const stateChanged = (): void => {
    const now = stationState();
    for (const [id, held] of messages) {
      if (held.info.state === undefined) continue;
      if (held.info.state === now) held.stateSeen = true;
      else if (held.stateSeen && station.has('displayMessages.removedAfterState')) remove(id);
    }
  };
  for (const event of ['flow', 'fault', 'availability'] as const) model.on(event, stateChanged);
  model.on('transaction', ({ transactionId, started }) => {
    if (started || station.has('displayMessages.keptAfterTransaction')) return;
    for (const [id, held] of messages) if (held.info.transactionId === transactionId) remove(id); // O02.FR.02
  });

  /** Why a message cannot be taken, or undefined when it can. */
  const refusal = (info: MessageInfoType): OcppResponses['SetDisplayMessage']['status'] | undefined => {
    if (!enabled()) return 'Rejected';
    if (info.message.language !== undefined && station.has('displayMessages.languageRejected')) return 'Rejected';
    if (!deviceModel.getList(CTRLR, 'SupportedFormats').includes(info.message.format) && !station.has('displayMessages.unsupportedFormatAccepted')) return 'NotSupportedMessageFormat'; // O01.FR.03
    if (!deviceModel.getList(CTRLR, 'SupportedPriorities').includes(info.priority) && !station.has('displayMessages.unsupportedPriorityAccepted')) return 'NotSupportedPriority'; // O01.FR.01
    if (info.state !== undefined && unsupported.states.includes(info.state) && !station.has('displayMessages.unsupportedStateAccepted')) return 'NotSupportedState'; // O01.FR.02
    if (info.transactionId !== undefined && !engine.open.some((t) => t.id === info.transactionId) && !station.has('displayMessages.unknownTransactionAccepted')) return 'UnknownTransaction'; // O02.FR.01
    if (messages.has(info.id) && station.has('displayMessages.replaceRejected')) return 'Rejected';
    if (!messages.has(info.id) && messages.size + 1 > MAX_MESSAGES) return 'Rejected'; // O01.FR.11
    return undefined;
  };

  /** The message as the station keeps it (faults drop fields). */
  const kept = (info: MessageInfoType): MessageInfoType => {
    const { startDateTime, state, ...rest } = info;
    return {
      ...rest,
      ...(startDateTime === undefined || station.has('displayMessages.startTimeDropped') ? {} : { startDateTime }),
      ...(state === undefined || station.has('displayMessages.stateDropped') ? {} : { state }),
    };
  };

  const matches = (info: MessageInfoType, ids: readonly number[] | undefined, priority: MessagePriorityEnumType | undefined, state: MessageStateEnumType | undefined): boolean =>
    station.has('displayMessages.ignoresFilters') || ((ids === undefined || ids.includes(info.id)) && (priority === undefined || info.priority === priority) && (state === undefined || info.state === state));

  const notify = async (requestId: number, found: readonly MessageInfoType[]): Promise<void> => {
    if (station.has('displayMessages.noNotify')) return;
    const id = station.has('displayMessages.notifyWrongRequestId') ? requestId + 1 : requestId;
    if (found.length === 0) {
      await station.send('NotifyDisplayMessages', { requestId: id });
      return;
    }
    for (let index = 0; index < found.length; index += MESSAGES_PER_NOTIFY) {
      const part = found.slice(index, index + MESSAGES_PER_NOTIFY);
      await station.send('NotifyDisplayMessages', { requestId: id, messageInfo: part, tbc: index + MESSAGES_PER_NOTIFY < found.length });
    }
  };

  /** What the display shows now: messages inside their time window, of the station's state and of an open transaction. */
  const displayed = (): DisplayedMessages => {
    const now = Date.now();
    const state = stationState();
    const visible = [...messages.values()]
      .map((h) => h.info)
      .filter((info) => (info.startDateTime === undefined || Date.parse(info.startDateTime) <= now) && !expired(info)) // O01.FR.06
      .filter((info) => info.state === undefined || info.state === state)
      .filter((info) => info.transactionId === undefined || engine.open.some((t) => t.id === info.transactionId));
    const always = visible.filter((i) => i.priority === 'AlwaysFront');
    const inFront = visible.filter((i) => i.priority === 'InFront');
    return { front: always.length > 0 ? always.slice(-1) : inFront, cycle: visible.filter((i) => i.priority === 'NormalCycle') };
  };
  displays.set(station, displayed);

  return {
    handlers: {
      SetDisplayMessage: (call): OcppResponses['SetDisplayMessage'] => {
        const info = call.payload.message;
        purge();
        const refused = refusal(info);
        if (refused) return { status: refused };
        if (station.has('displayMessages.notStored')) return { status: 'Accepted' };
        if (info.priority === 'AlwaysFront' && !station.has('displayMessages.alwaysFrontKept')) {
          for (const [id, held] of messages) if (id !== info.id && held.info.priority === 'AlwaysFront') remove(id); // O01.FR.16, O02.FR.18
        }
        if (info.priority === 'InFront' && station.has('displayMessages.inFrontReplaces')) {
          for (const [id, held] of messages) if (id !== info.id && held.info.priority === 'InFront') remove(id);
        }
        remove(info.id); // O06.FR.01: the new message with all its parameters takes the place of the old one
        const held: Held = { info: kept(info), stateSeen: info.state !== undefined && info.state === stationState() };
        messages.set(info.id, held);
        armEnd(held);
        counted();
        return { status: 'Accepted' };
      },
      GetDisplayMessages: (call): OcppResponses['GetDisplayMessages'] => {
        const { requestId, id, priority, state } = call.payload;
        purge();
        const found = [...messages.values()].map((h) => h.info).filter((info) => matches(info, id, priority, state));
        if (found.length === 0 && !station.has('displayMessages.unknownAnsweredAccepted')) return { status: 'Unknown' }; // O03.FR.06, O04.FR.02, O04.FR.07
        station.later(0, () => void notify(requestId, found));
        return { status: 'Accepted' };
      },
      ClearDisplayMessage: (call): OcppResponses['ClearDisplayMessage'] => {
        const { id } = call.payload;
        purge();
        if (!messages.has(id)) return { status: station.has('displayMessages.clearUnknownAccepted') ? 'Accepted' : 'Unknown' }; // O05.FR.02
        if (!station.has('displayMessages.clearNotApplied')) remove(id);
        return { status: 'Accepted' }; // O05.FR.01
      },
    },
    onReboot: () => {
      if (!station.has('displayMessages.notPersistent')) return;
      for (const id of [...messages.keys()]) remove(id);
    },
    stop: () => {
      for (const held of messages.values()) if (held.timer) clearTimeout(held.timer);
    },
  };
}
