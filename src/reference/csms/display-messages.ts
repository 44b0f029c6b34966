/** Block O of the reference CSMS: sets, queries and clears a station's display messages when its operator says so, and takes in the messages stations report. */
import type { ActionDisplayMessage } from '../../drivers/csms-actions';
import type { MessageInfoType, MessagePriorityEnumType } from '../../ocpp/generated/definitions';
import type { CsmsFeature, CsmsRuntime } from './feature';

/** The priority after `p` (fault displayMessages.wrongPriority): every priority comes out as another one. */
const NEXT_PRIORITY: Readonly<Record<MessagePriorityEnumType, MessagePriorityEnumType>> = { AlwaysFront: 'InFront', InFront: 'NormalCycle', NormalCycle: 'AlwaysFront' };

/** The display-message feature of the reference CSMS. */
export function displayMessagesFeature(csms: CsmsRuntime): CsmsFeature {
  let requestId = 0;
  /** Per station, the messages it accepted from this CSMS or reported, by id. */
  const known = new Map<string, Map<number, MessageInfoType>>();
  const knownOf = (stationId: string): Map<number, MessageInfoType> => {
    let map = known.get(stationId);
    if (!map) known.set(stationId, (map = new Map()));
    return map;
  };
  /** A message id the station does not hold yet (as far as this CSMS knows). */
  const newId = (stationId: string): number => Math.max(0, ...knownOf(stationId).keys()) + 1;

  const messageOf = (stationId: string, m: ActionDisplayMessage): MessageInfoType => ({
    id: m.id !== undefined && !csms.has('displayMessages.idIgnored') ? m.id : newId(stationId),
    priority: csms.has('displayMessages.wrongPriority') ? NEXT_PRIORITY[m.priority] : m.priority,
    ...(m.state !== undefined && !csms.has('displayMessages.stateDropped') ? { state: m.state } : {}),
    ...(m.startDateTime !== undefined && !csms.has('displayMessages.startTimeDropped') ? { startDateTime: m.startDateTime } : {}),
    ...(m.endDateTime !== undefined && !csms.has('displayMessages.endTimeDropped') ? { endDateTime: m.endDateTime } : {}),
    // O01.FR.04: a message that belongs to no transaction carries no transactionId.
    ...(m.transactionId !== undefined && !csms.has('displayMessages.noTransactionId') ? { transactionId: m.transactionId } : {}),
    ...(m.transactionId === undefined && csms.has('displayMessages.transactionIdAdded') ? { transactionId: 'no-transaction' } : {}),
    message: { format: m.format, content: m.content, ...(m.language !== undefined ? { language: m.language } : {}) },
  });

  return {
    handlers: {
      NotifyDisplayMessages: (call, session) => {
        if (csms.has('displayMessages.ignoresNotify')) throw new Error('NotifyDisplayMessages is not handled');
        const map = knownOf(session.stationId);
        for (const m of call.payload.messageInfo ?? []) map.set(m.id, m);
        return {};
      },
    },
    async perform(action) {
      switch (action.kind) {
        case 'setDisplayMessage': {
          if (csms.has('displayMessages.setNotSent')) return true;
          const message = messageOf(action.stationId, action.message);
          const answer = await csms.call(action.stationId, 'SetDisplayMessage', { message });
          // O06.FR.01: an accepted message with a known id replaces the old one.
          if (answer.status === 'Accepted') knownOf(action.stationId).set(message.id, message);
          return true;
        }
        case 'getDisplayMessages': {
          if (csms.has('displayMessages.getNotSent')) return true;
          const filtered = !csms.has('displayMessages.getFilterDropped');
          await csms.call(action.stationId, 'GetDisplayMessages', {
            requestId: ++requestId,
            ...(filtered && action.id !== undefined ? { id: [action.id] } : {}),
            ...(filtered && action.priority !== undefined ? { priority: action.priority } : {}),
            ...(filtered && action.state !== undefined ? { state: action.state } : {}),
          });
          return true;
        }
        case 'clearDisplayMessage': {
          if (csms.has('displayMessages.clearNotSent')) return true;
          const id = action.id + (csms.has('displayMessages.clearWrongId') ? 1 : 0);
          const answer = await csms.call(action.stationId, 'ClearDisplayMessage', { id });
          if (answer.status === 'Accepted' || answer.status === 'Unknown') knownOf(action.stationId).delete(id);
          return true;
        }
        default:
          return false;
      }
    },
  };
}
