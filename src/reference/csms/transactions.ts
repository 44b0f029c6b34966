/** Block E (and F's remote start / stop) of the reference CSMS: it keeps the transactions stations report and answers their events. */
import type { TransactionEventRequest, TransactionEventResponse } from '../../ocpp/generated';
import type { IdTokenType } from '../../ocpp/generated/definitions';
import { idTokenDirectory } from './authorization';
import { callInBackground } from './background-call';
import type { CsmsFeature, CsmsRuntime } from './feature';
import { refuseSignedValues, unanswered } from './meter-values';

/** A transaction as the CSMS knows it. */
interface KnownTransaction {
  readonly transactionId: string;
  /** The CSMS's own number for it (what the `remoteStop.wrongTransactionId` fault sends instead of the id). */
  readonly internalNo: number;
  readonly seqNos: number[];
  evseId?: number;
  idToken?: IdTokenType;
  ended: boolean;
}

/** Adds to the answer of a TransactionEventRequest (Block I: the running and total cost); runs after the answer is made, in the order added. */
export type TransactionAnswerHook = (stationId: string, event: TransactionEventRequest, answer: TransactionEventResponse) => TransactionEventResponse;

const answerHooks = new WeakMap<CsmsRuntime, TransactionAnswerHook[]>();

/** The hooks every TransactionEventResponse of `csms` goes through (features add theirs with `push`). */
export function transactionAnswerHooks(csms: CsmsRuntime): TransactionAnswerHook[] {
  let hooks = answerHooks.get(csms);
  if (!hooks) answerHooks.set(csms, (hooks = []));
  return hooks;
}

/** Per reference CSMS, how its other features find the ongoing transaction of a station's EVSE (filled by `transactionsFeature`). */
const ongoingLookups = new WeakMap<CsmsRuntime, (stationId: string, evseId: number) => string | undefined>();

/** The id of the latest transaction not yet ended that `stationId` reported on `evseId` (Block K: a TxProfile names it, K01.FR.03). */
export function ongoingTransactionOn(csms: CsmsRuntime, stationId: string, evseId: number): string | undefined {
  return ongoingLookups.get(csms)?.(stationId, evseId);
}

/** TransactionEvent answers (idTokenInfo from the idToken directory), and the remote start / stop and transaction-status actions. */
export function transactionsFeature(csms: CsmsRuntime): CsmsFeature {
  const directory = idTokenDirectory(csms);
  const byStation = new Map<string, Map<string, KnownTransaction>>();
  const highestSeqNo = new Map<string, number>();
  let internalNo = 0;
  let remoteStartId = 0;
  const transactionsOf = (stationId: string): Map<string, KnownTransaction> => {
    let transactions = byStation.get(stationId);
    if (!transactions) byStation.set(stationId, (transactions = new Map()));
    return transactions;
  };
  const refuse = (why: string): never => {
    throw new Error(why);
  };
  ongoingLookups.set(csms, (stationId, evseId) => [...transactionsOf(stationId).values()].reverse().find((t) => !t.ended && t.evseId === evseId)?.transactionId);
  return {
    handlers: {
      TransactionEvent: (call, session) => {
        const event = call.payload;
        if (event.eventType === 'Ended' && csms.has('transaction.endedUnanswered')) return unanswered();
        if (event.meterValue?.length && csms.has('transaction.meterValuesUnanswered')) return unanswered();
        refuseSignedValues(csms, event.meterValue);
        if (event.offline && csms.has('transaction.rejectsOfflineEvents')) refuse('events sent while offline are not accepted');
        if (event.eventType === 'Started' && !event.idToken && csms.has('transaction.requiresIdTokenAtStart')) refuse('a transaction cannot start without an idToken');
        const highest = highestSeqNo.get(session.stationId);
        if (csms.has('transaction.rejectsSeqNoRestart') && highest !== undefined && event.seqNo <= highest) refuse(`seqNo ${event.seqNo} is not above ${highest}`);
        highestSeqNo.set(session.stationId, Math.max(highest ?? event.seqNo, event.seqNo));
        const transactions = transactionsOf(session.stationId);
        const id = event.transactionInfo.transactionId;
        let transaction = transactions.get(id);
        if (!transaction) transactions.set(id, (transaction = { transactionId: id, internalNo: ++internalNo, seqNos: [], ended: false }));
        if (transaction.ended && csms.has('transaction.rejectsEventsAfterEnded')) refuse(`transaction ${id} has already ended`);
        transaction.seqNos.push(event.seqNo);
        transaction.evseId ??= event.evse?.id;
        transaction.idToken ??= event.idToken;
        if (event.eventType === 'Ended') transaction.ended = true;
        const answer: TransactionEventResponse = !event.idToken || csms.has('transaction.noIdTokenInfo') ? {} : { idTokenInfo: directory(event.idToken, 'transaction') };
        return transactionAnswerHooks(csms).reduce((sofar, hook) => hook(session.stationId, event, sofar), answer);
      },
    },
    perform(action) {
      switch (action.kind) {
        case 'remoteStartTransaction':
          // Fault remoteStart.wrongIdToken: the idToken goes out with type Central, whatever the operator gave.
          callInBackground(csms, action.stationId, 'RequestStartTransaction', {
            idToken: csms.has('remoteStart.wrongIdToken') ? { ...action.idToken, type: 'Central' } : action.idToken,
            evseId: action.evseId,
            remoteStartId: ++remoteStartId,
          });
          return true;
        case 'remoteStopTransaction': {
          const known = transactionsOf(action.stationId).get(action.transactionId);
          if (!known || known.ended) throw new Error(`the reference CSMS knows no ongoing transaction ${action.transactionId} of ${action.stationId}`);
          const transactionId = csms.has('remoteStop.wrongTransactionId') ? String(known.internalNo) : known.transactionId;
          callInBackground(csms, action.stationId, 'RequestStopTransaction', { transactionId });
          return true;
        }
        case 'requestTransactionStatus': {
          if (action.transactionId !== undefined) {
            callInBackground(csms, action.stationId, 'GetTransactionStatus', csms.has('transactionStatus.dropsTransactionId') ? {} : { transactionId: action.transactionId });
          } else if (!csms.has('transactionStatus.queueOnlyPerTransaction')) {
            callInBackground(csms, action.stationId, 'GetTransactionStatus', {});
          } else {
            const latest = [...transactionsOf(action.stationId).values()].pop();
            if (latest) callInBackground(csms, action.stationId, 'GetTransactionStatus', { transactionId: latest.transactionId });
          }
          return true;
        }
        default:
          return false;
      }
    },
  };
}
