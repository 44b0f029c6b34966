/** The actions a CSMS case can ask of the CSMS side (set-ups and operations OCPP cannot trigger), and how an operator is told to do them. */
import type { IdTokenType } from '../ocpp/generated/definitions';

/** Which local authorization list a `sendLocalList` action asks the CSMS to send. */
export type LocalListKind = 'full' | 'differentialUpdate' | 'differentialRemove' | 'emptyFull';

/** Something done to a CSMS under test. */
export type CsmsAction =
  | { readonly kind: 'answerNextBootWithPending'; readonly stationId: string }
  | { readonly kind: 'remoteStartTransaction'; readonly stationId: string; readonly evseId: number; readonly idToken: IdTokenType }
  | { readonly kind: 'remoteStopTransaction'; readonly stationId: string; readonly transactionId: string }
  | { readonly kind: 'requestTransactionStatus'; readonly stationId: string; readonly transactionId?: string }
  | { readonly kind: 'clearCache'; readonly stationId: string }
  | { readonly kind: 'getLocalListVersion'; readonly stationId: string }
  | { readonly kind: 'sendLocalList'; readonly stationId: string; readonly list: LocalListKind }
  | { readonly kind: 'trustContractRoot'; readonly subject: string; readonly certificatePem: string }
  // Block A (issue 4): the operator requests of the A01, A02 and A05 cases.
  | { readonly kind: 'triggerCertificateSigning'; readonly stationId: string; readonly requestedMessage: 'SignChargingStationCertificate' | 'SignV2GCertificate' | 'SignCombinedCertificate' }
  | { readonly kind: 'updateBasicAuthPassword'; readonly stationId: string }
  | { readonly kind: 'setNetworkProfile'; readonly stationId: string; readonly securityProfile: 1 | 2 | 3 }
  | { readonly kind: 'setNetworkConfigurationPriority'; readonly stationId: string }
  | { readonly kind: 'resetStation'; readonly stationId: string };

/** Every CSMS action kind (a Record, so the compiler insists each kind of the union is listed). */
export const CSMS_ACTION_KINDS: Readonly<Record<CsmsAction['kind'], true>> = {
  answerNextBootWithPending: true,
  remoteStartTransaction: true,
  remoteStopTransaction: true,
  requestTransactionStatus: true,
  clearCache: true,
  getLocalListVersion: true,
  sendLocalList: true,
  trustContractRoot: true,
  triggerCertificateSigning: true,
  updateBasicAuthPassword: true,
  setNetworkProfile: true,
  setNetworkConfigurationPriority: true,
  resetStation: true,
};

const LOCAL_LIST_WORDING: Readonly<Record<LocalListKind, string>> = {
  full: 'a full local authorization list (updateType Full) holding at least one idToken with its idTokenInfo',
  differentialUpdate: 'a differential local authorization list update (updateType Differential) that adds or changes some idTokens',
  differentialRemove: 'a differential local authorization list update (updateType Differential) that removes some idTokens (entries without idTokenInfo)',
  emptyFull: 'a full local authorization list (updateType Full) without any entries, so the list is cleared',
};

/** The operator's instruction for a CSMS action, in plain words. */
export function describeCsmsAction(action: CsmsAction): string {
  if (action.kind === 'trustContractRoot') {
    return `Make sure the CSMS trusts this root certificate for ISO 15118 contract certificates (as a V2G or MO root): ${action.subject}\n${action.certificatePem}`;
  }
  const station = `station '${action.stationId}'`;
  switch (action.kind) {
    case 'answerNextBootWithPending':
      return `Set up the CSMS so that it answers the next BootNotification of ${station} with status Pending.`;
    case 'remoteStartTransaction':
      return `Make the CSMS start a transaction remotely on EVSE ${action.evseId} of ${station} for idToken '${action.idToken.idToken}' (${action.idToken.type}).`;
    case 'remoteStopTransaction':
      return `Make the CSMS stop the ongoing transaction '${action.transactionId}' of ${station} remotely.`;
    case 'requestTransactionStatus':
      return action.transactionId === undefined
        ? `Make the CSMS ask ${station} whether it has transaction messages queued, without naming a transaction.`
        : `Make the CSMS ask ${station} for the status of transaction '${action.transactionId}'.`;
    case 'clearCache':
      return `Make the CSMS ask ${station} to clear its authorization cache.`;
    case 'getLocalListVersion':
      return `Make the CSMS ask ${station} for the version of its local authorization list.`;
    case 'sendLocalList':
      return `Make the CSMS send ${station} ${LOCAL_LIST_WORDING[action.list]}.`;
    case 'triggerCertificateSigning':
      return `Make the CSMS send ${station} a TriggerMessageRequest with requestedMessage ${action.requestedMessage}, and let it sign the CSR that follows.`;
    case 'updateBasicAuthPassword':
      return `Make the CSMS give ${station} a new Basic-authentication password (SetVariablesRequest of SecurityCtrlr.BasicAuthPassword).`;
    case 'setNetworkProfile':
      return `Make the CSMS set a new network connection profile on ${station} with security profile ${action.securityProfile} (SetNetworkProfileRequest).`;
    case 'setNetworkConfigurationPriority':
      return `Make the CSMS change the NetworkConfigurationPriority of ${station} so that it holds the slot of the new network connection profile.`;
    case 'resetStation':
      return `Make the CSMS reboot ${station} (ResetRequest).`;
  }
}
