/** The actions a CSMS case can ask of the CSMS side (set-ups and operations OCPP cannot trigger), and how an operator is told to do them. */
import type { ComponentCriterionEnumType, GetCertificateIdUseEnumType, InstallCertificateUseEnumType, IdTokenType, LogEnumType, ReportBaseEnumType, ResetEnumType } from '../ocpp/generated/definitions';
import type { CertificateHashDataType, MonitorEnumType, MonitoringBaseEnumType, MonitoringCriterionEnumType } from '../ocpp/generated/definitions';
import type { MessageFormatEnumType, MessagePriorityEnumType, MessageStateEnumType } from '../ocpp/generated/definitions';

/** Block O: the display message a `setDisplayMessage` action asks for (no id: the CSMS picks one; no transactionId: not bound to a transaction). */
export interface ActionDisplayMessage {
  readonly id?: number;
  readonly priority: MessagePriorityEnumType;
  readonly state?: MessageStateEnumType;
  readonly startDateTime?: string;
  readonly endDateTime?: string;
  readonly transactionId?: string;
  readonly format: MessageFormatEnumType;
  readonly language?: string;
  readonly content: string;
}
import type { ChargingLimitSourceEnumType, ChargingProfileKindEnumType, ChargingProfilePurposeEnumType, ChargingRateUnitEnumType, RecurrencyKindEnumType } from '../ocpp/generated/definitions';

/** Block N: a monitor a `setVariableMonitoring` action installs (value: the threshold, delta or period; for a Delta on a non-numeric variable 1 is recommended, N04.FR.17). */
export interface ActionMonitor extends ActionVariable {
  readonly type: MonitorEnumType;
  readonly severity: number;
  readonly value?: number;
}

/** Block N: the customer a `requestCustomerInformation` action names (N09.FR.04: exactly one kind of reference). */
export type CustomerReference = { readonly idToken: IdTokenType } | { readonly customerIdentifier: string } | { readonly customerCertificate: CertificateHashDataType };

/** Which local authorization list a `sendLocalList` action asks the CSMS to send. */
export type LocalListKind = 'full' | 'differentialUpdate' | 'differentialRemove' | 'emptyFull';

/** Block B: a component variable a CSMS action names (by component and variable name, with the EVSE when it has one). */
export interface ActionVariable {
  readonly component: string;
  readonly variable: string;
  readonly evseId?: number;
  /** variable.instance, e.g. GetVariables of DeviceDataCtrlr.ItemsPerMessage. */
  readonly instance?: string;
}

/** Block B: a component variable with the value a CSMS action sets or an operator should see. */
export interface ActionVariableValue extends ActionVariable {
  readonly value: string;
}

/** Block K: a charging profile a CSMS action asks for (limit in the unit's own scale: 6 for 6 A, 6000 for 6 kW). */
export interface ActionChargingProfile {
  readonly id: number;
  readonly purpose: ChargingProfilePurposeEnumType;
  readonly stackLevel: number;
  readonly kind: ChargingProfileKindEnumType;
  readonly recurrencyKind?: RecurrencyKindEnumType;
  readonly chargingRateUnit: ChargingRateUnitEnumType;
  readonly limit: number;
  readonly numberPhases?: number;
  /** chargingSchedule.duration, seconds. */
  readonly duration?: number;
  /** validFrom now and validTo this many seconds later; absent: no validity period. */
  readonly validForSeconds?: number;
  /** The transaction a TxProfile limits. */
  readonly transactionId?: string;
}

/** Block K: the chargingProfile criteria of a getChargingProfiles action (K09.FR.03: ids, or any of the other fields). */
export interface ActionProfileCriteria {
  readonly purpose?: ChargingProfilePurposeEnumType;
  readonly stackLevel?: number;
  readonly chargingLimitSource?: ChargingLimitSourceEnumType;
  readonly chargingProfileId?: number;
}

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
  | { readonly kind: 'setNetworkProfile'; readonly stationId: string; readonly securityProfile: 1 | 2 | 3; readonly configurationSlot?: number }
  | { readonly kind: 'setNetworkConfigurationPriority'; readonly stationId: string }
  | { readonly kind: 'resetStation'; readonly stationId: string; readonly type?: ResetEnumType; readonly evseId?: number }
  // Blocks F, G, H (issue 14): remote control, availability and reservations.
  | { readonly kind: 'unlockConnector'; readonly stationId: string; readonly evseId: number; readonly connectorId: number }
  | { readonly kind: 'triggerMessage'; readonly stationId: string; readonly requestedMessage: import('../ocpp/generated/definitions').MessageTriggerEnumType; readonly evseId?: number; readonly connectorId?: number }
  | { readonly kind: 'changeAvailability'; readonly stationId: string; readonly operationalStatus: 'Operative' | 'Inoperative'; readonly evseId?: number; readonly connectorId?: number }
  | { readonly kind: 'reserveNow'; readonly stationId: string; readonly idToken: IdTokenType; readonly evseId?: number; readonly groupIdToken?: IdTokenType; readonly connectorType?: import('../ocpp/generated/definitions').ConnectorEnumType; readonly expiryDateTime?: string }
  | { readonly kind: 'cancelReservation'; readonly stationId: string }
  // Block B (Part 6 B CSMS cases): device model, reports, and the boot of a Pending station.
  | { readonly kind: 'getVariables'; readonly stationId: string; readonly variables: readonly ActionVariable[] }
  | { readonly kind: 'setVariables'; readonly stationId: string; readonly values: readonly ActionVariableValue[] }
  | { readonly kind: 'getBaseReport'; readonly stationId: string; readonly reportBase: ReportBaseEnumType }
  | { readonly kind: 'getCustomReport'; readonly stationId: string; readonly criterion: ComponentCriterionEnumType; readonly variable: ActionVariable }
  | { readonly kind: 'confirmStationValues'; readonly stationId: string; readonly values: readonly ActionVariableValue[] }
  // Blocks L and M (issue 15): firmware updates and certificate management.
  | { readonly kind: 'updateFirmware'; readonly stationId: string; readonly location: string; readonly signingCertificate: string; readonly signature: string; readonly retrieve: 'now' | 'later'; readonly install: 'now' | 'later' }
  | { readonly kind: 'installCertificate'; readonly stationId: string; readonly certificateType: InstallCertificateUseEnumType; readonly certificatePem: string }
  | { readonly kind: 'getInstalledCertificateIds'; readonly stationId: string; readonly certificateTypes: readonly GetCertificateIdUseEnumType[] }
  | { readonly kind: 'deleteCertificate'; readonly stationId: string; readonly certificateType: GetCertificateIdUseEnumType; readonly serialNumber: string }
  | { readonly kind: 'publishFirmware'; readonly stationId: string; readonly location: string; readonly checksum: string }
  | { readonly kind: 'unpublishFirmware'; readonly stationId: string; readonly checksum: string }
  | { readonly kind: 'triggerBootNotification'; readonly stationId: string }
  // Block N (issue 16): logs and customer information.
  | { readonly kind: 'requestLog'; readonly stationId: string; readonly logType: LogEnumType }
  | { readonly kind: 'requestCustomerInformation'; readonly stationId: string; readonly report: boolean; readonly clear: boolean; readonly customer: CustomerReference }
  | { readonly kind: 'removeFromLocalList'; readonly stationId: string; readonly idToken: IdTokenType }
  // Block N (issue 16): variable monitoring.
  | { readonly kind: 'getMonitoringReport'; readonly stationId: string; readonly criteria?: readonly MonitoringCriterionEnumType[]; readonly variables?: readonly ActionVariable[] }
  | { readonly kind: 'setMonitoringBase'; readonly stationId: string; readonly monitoringBase: MonitoringBaseEnumType }
  | { readonly kind: 'setVariableMonitoring'; readonly stationId: string; readonly monitors: readonly ActionMonitor[] }
  | { readonly kind: 'setMonitoringLevel'; readonly stationId: string; readonly severity: number }
  | { readonly kind: 'clearVariableMonitoring'; readonly stationId: string; readonly ids: readonly number[] }
  | { readonly kind: 'confirmMonitorsShown'; readonly stationId: string; readonly monitors: readonly (ActionVariable & { readonly type: MonitorEnumType })[] }
  // Block O: display messages.
  | { readonly kind: 'setDisplayMessage'; readonly stationId: string; readonly message: ActionDisplayMessage }
  | { readonly kind: 'getDisplayMessages'; readonly stationId: string; readonly id?: number; readonly priority?: MessagePriorityEnumType; readonly state?: MessageStateEnumType }
  | { readonly kind: 'clearDisplayMessage'; readonly stationId: string; readonly id: number }
  // Block K: smart charging.
  | { readonly kind: 'setChargingProfile'; readonly stationId: string; readonly evseId: number; readonly profile: ActionChargingProfile }
  | { readonly kind: 'clearChargingProfile'; readonly stationId: string; readonly chargingProfileId?: number; readonly criteria?: { readonly evseId?: number; readonly purpose?: ChargingProfilePurposeEnumType; readonly stackLevel?: number } }
  | { readonly kind: 'getChargingProfiles'; readonly stationId: string; readonly evseId?: number; readonly criteria: ActionProfileCriteria }
  | { readonly kind: 'getCompositeSchedule'; readonly stationId: string; readonly evseId: number; readonly duration: number; readonly chargingRateUnit: ChargingRateUnitEnumType }
  | { readonly kind: 'remoteStartWithProfile'; readonly stationId: string; readonly evseId: number; readonly idToken: IdTokenType; readonly profile: ActionChargingProfile };

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
  unlockConnector: true,
  triggerMessage: true,
  changeAvailability: true,
  reserveNow: true,
  cancelReservation: true,
  getVariables: true,
  setVariables: true,
  getBaseReport: true,
  getCustomReport: true,
  confirmStationValues: true,
  updateFirmware: true,
  installCertificate: true,
  getInstalledCertificateIds: true,
  deleteCertificate: true,
  publishFirmware: true,
  unpublishFirmware: true,
  triggerBootNotification: true,
  requestLog: true,
  requestCustomerInformation: true,
  removeFromLocalList: true,
  getMonitoringReport: true,
  setMonitoringBase: true,
  setVariableMonitoring: true,
  setMonitoringLevel: true,
  clearVariableMonitoring: true,
  confirmMonitorsShown: true,
  setDisplayMessage: true,
  getDisplayMessages: true,
  clearDisplayMessage: true,
  setChargingProfile: true,
  clearChargingProfile: true,
  getChargingProfiles: true,
  getCompositeSchedule: true,
  remoteStartWithProfile: true,
};

/** How an operator reads a component variable: Component[EVSE n].Variable. */
const variableName = (v: ActionVariable): string => `${v.component}${v.evseId === undefined ? '' : ` (EVSE ${v.evseId})`}.${v.variable}${v.instance === undefined ? '' : `[${v.instance}]`}`;

const LOCAL_LIST_WORDING: Readonly<Record<LocalListKind, string>> = {
  full: 'a full local authorization list (updateType Full) holding at least one idToken with its idTokenInfo',
  differentialUpdate: 'a differential local authorization list update (updateType Differential) that adds or changes some idTokens',
  differentialRemove: 'a differential local authorization list update (updateType Differential) that removes some idTokens (entries without idTokenInfo)',
  emptyFull: 'a full local authorization list (updateType Full) without any entries, so the list is cleared',
};

/** How an operator reads a target of an F/G action: a connector of an EVSE, an EVSE, or (none named) `none`. */
function where(evseId: number | undefined, connectorId: number | undefined, prefix: string, none: string): string {
  if (evseId === undefined) return none;
  const target = connectorId === undefined ? `EVSE ${evseId}` : `connector ${connectorId} of EVSE ${evseId}`;
  return `${prefix}${prefix ? ' ' : ''}${target}`;
}

/** Block K: how an operator reads a charging profile of an action. */
function profileWording(p: ActionChargingProfile): string {
  const parts = [
    `id ${p.id}`,
    `purpose ${p.purpose}`,
    `stack level ${p.stackLevel}`,
    `kind ${p.kind}${p.recurrencyKind ? ` (${p.recurrencyKind})` : ''}${p.kind === 'Relative' ? ' without startSchedule' : ', starting now'}`,
    `one period from 0 s with limit ${p.limit} ${p.chargingRateUnit}${p.numberPhases === undefined ? '' : ` on ${p.numberPhases} phase(s)`}`,
    p.duration === undefined ? '' : `schedule duration ${p.duration} s`,
    p.validForSeconds === undefined ? '' : `valid from now for ${p.validForSeconds} s`,
    p.transactionId === undefined ? '' : `for transaction '${p.transactionId}'`,
  ];
  return parts.filter(Boolean).join(', ');
}

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
      return `Make the CSMS set a new network connection profile on ${station} with security profile ${action.securityProfile}${action.configurationSlot === undefined ? '' : ` in configuration slot ${action.configurationSlot}`} (SetNetworkProfileRequest).`;
    case 'setNetworkConfigurationPriority':
      return `Make the CSMS change the NetworkConfigurationPriority of ${station} so that it holds the slot of the new network connection profile.`;
    case 'resetStation':
      return `Make the CSMS reboot ${action.evseId === undefined ? station : `EVSE ${action.evseId} of ${station}`} (ResetRequest${action.type ? ` with type ${action.type}` : ''}).`;
    case 'unlockConnector':
      return `Make the CSMS unlock connector ${action.connectorId} of EVSE ${action.evseId} of ${station} (UnlockConnectorRequest).`;
    case 'triggerMessage':
      return `Make the CSMS ask ${station} to send a ${action.requestedMessage} message${where(action.evseId, action.connectorId, ' for', ' (no EVSE named)')} (TriggerMessageRequest).`;
    case 'changeAvailability':
      return `Make the CSMS set ${where(action.evseId, action.connectorId, '', 'the whole of')} ${action.evseId === undefined ? '' : 'of '}${station} ${action.operationalStatus} (ChangeAvailabilityRequest).`;
    case 'reserveNow':
      return `Make the CSMS reserve ${action.evseId === undefined ? `any EVSE of ${station}` : `EVSE ${action.evseId} of ${station}`}${action.connectorType ? ` with a connector of type ${action.connectorType}` : ''} for idToken '${action.idToken.idToken}' (${action.idToken.type})${action.groupIdToken ? ` and its group '${action.groupIdToken.idToken}'` : ''} ${action.expiryDateTime ? `, valid until ${action.expiryDateTime}` : ''} (ReserveNowRequest).`;
    case 'cancelReservation':
      return `Make the CSMS cancel the reservation it just made on ${station} (CancelReservationRequest).`;
    case 'getVariables':
      return `Make the CSMS read ${action.variables.map(variableName).join(' and ')} from ${station} (GetVariablesRequest).`;
    case 'setVariables':
      return `Make the CSMS set ${action.values.map((v) => `${variableName(v)} to "${v.value}"`).join(' and ')} on ${station} (SetVariablesRequest).`;
    case 'getBaseReport':
      return `Make the CSMS retrieve a ${action.reportBase} base report from ${station} (GetBaseReportRequest).`;
    case 'getCustomReport':
      return `Make the CSMS ask ${station} for a report of ${variableName(action.variable)} from its components in state ${action.criterion} (GetReportRequest with componentCriteria ${action.criterion}).`;
    case 'confirmStationValues':
      return `Check that the CSMS now shows these values for ${station}: ${action.values.map((v) => `${variableName(v)} = "${v.value}"`).join(', ')}. Answer done only when it does; answer cannot when it shows something else or nothing.`;
    case 'requestLog':
      return `Make the CSMS ask ${station} to upload its ${action.logType} (GetLogRequest with logType ${action.logType}).`;
    case 'removeFromLocalList':
      return `Make the CSMS update the local authorization list of ${station} so that it no longer holds idToken '${action.idToken.idToken}' (${action.idToken.type}): a differential SendLocalListRequest removing it, or a full list without it (nothing to do when the CSMS does so by itself after clearing that customer's information).`;
    case 'getMonitoringReport': {
      const what = [action.criteria?.length ? `all ${action.criteria.join(' and ')} monitors` : 'all monitors', action.variables?.length ? `of ${action.variables.map(variableName).join(' and ')}` : ''].filter(Boolean).join(' ');
      return `Make the CSMS ask ${station} for a report of ${what} (GetMonitoringReportRequest${action.criteria?.length ? ` with monitoringCriteria ${action.criteria.join(', ')}` : ' without monitoringCriteria'}${action.variables?.length ? ' and those componentVariables' : ' and without componentVariable'}).`;
    }
    case 'setMonitoringBase':
      return `Make the CSMS set the monitoring base of ${station} to ${action.monitoringBase} (SetMonitoringBaseRequest).`;
    case 'setVariableMonitoring':
      return `Make the CSMS install these monitors on ${station} in one SetVariableMonitoringRequest: ${action.monitors.map((m) => `${variableName(m)} ${m.type}${m.value === undefined ? '' : ` value ${m.value}`} severity ${m.severity}`).join('; ')}.`;
    case 'setMonitoringLevel':
      return `Make the CSMS set the monitoring level of ${station} to severity ${action.severity} (SetMonitoringLevelRequest).`;
    case 'clearVariableMonitoring':
      return `Make the CSMS clear the monitors with ids ${action.ids.join(', ')} on ${station} (ClearVariableMonitoringRequest; the ids need not exist). Let it first read MonitoringCtrlr.ItemsPerMessage[ClearVariableMonitoring] from the station if it does so.`;
    case 'confirmMonitorsShown':
      return `Check that the CSMS now shows these monitors of ${station}: ${action.monitors.map((m) => `${variableName(m)} ${m.type}`).join(', ')}. Answer done only when it does; answer cannot when it does not.`;
    case 'requestCustomerInformation': {
      const who =
        'idToken' in action.customer
          ? `idToken '${action.customer.idToken.idToken}' (${action.customer.idToken.type})`
          : 'customerIdentifier' in action.customer
            ? `customer identifier '${action.customer.customerIdentifier}'`
            : `the customer certificate with serial number ${action.customer.customerCertificate.serialNumber} (${action.customer.customerCertificate.hashAlgorithm} issuer hashes ${action.customer.customerCertificate.issuerNameHash} / ${action.customer.customerCertificate.issuerKeyHash})`;
      const what = action.report && action.clear ? 'clear and report' : action.clear ? 'clear, without a report,' : 'report';
      return `Make the CSMS ask ${station} to ${what} the customer information of ${who} (CustomerInformationRequest with report ${action.report} and clear ${action.clear}).`;
    }
    case 'updateFirmware':
      return `Make the CSMS send ${station} a firmware update (UpdateFirmwareRequest) for the image at ${action.location}, with this signature and signing certificate, retrieveDateTime ${action.retrieve === 'now' ? 'now or earlier' : 'in the future'} and installDateTime ${action.install === 'now' ? 'now or earlier (or none)' : 'in the future'}.\nsignature: ${action.signature}\nsigningCertificate:\n${action.signingCertificate}`;
    case 'installCertificate':
      return `Make the CSMS install this certificate on ${station} as ${action.certificateType} (InstallCertificateRequest):\n${action.certificatePem}`;
    case 'getInstalledCertificateIds':
      return action.certificateTypes.length
        ? `Make the CSMS ask ${station} which ${action.certificateTypes.join(' and ')} certificates it has installed (GetInstalledCertificateIdsRequest with certificateType ${action.certificateTypes.join(', ')}).`
        : `Make the CSMS ask ${station} for all its installed certificates (GetInstalledCertificateIdsRequest without certificateType).`;
    case 'publishFirmware':
      return `Make the CSMS ask ${station}, as a Local Controller, to publish the firmware at ${action.location} (PublishFirmwareRequest with MD5 checksum ${action.checksum}).`;
    case 'unpublishFirmware':
      return `Make the CSMS ask ${station}, as a Local Controller, to stop publishing the firmware with MD5 checksum ${action.checksum} (UnpublishFirmwareRequest).`;
    case 'deleteCertificate':
      return `Make the CSMS delete the ${action.certificateType} with serial number ${action.serialNumber} from ${station} (DeleteCertificateRequest; the CSMS may first ask the station which certificates it has).`;
    case 'setDisplayMessage': {
      const m = action.message;
      const parts = [
        m.id === undefined ? 'a new message id of its choice' : `message id ${m.id} (replacing any message with that id)`,
        `priority ${m.priority}`,
        m.state === undefined ? 'no state' : `state ${m.state}`,
        m.startDateTime === undefined ? 'no start time' : `startDateTime ${m.startDateTime}`,
        m.endDateTime === undefined ? 'no end time' : `endDateTime ${m.endDateTime}`,
        m.transactionId === undefined ? 'not bound to a transaction' : `for transaction '${m.transactionId}'`,
        `format ${m.format}`,
        m.language === undefined ? '' : `language ${m.language}`,
        `content "${m.content}"`,
      ].filter(Boolean);
      return `Make the CSMS set a display message on ${station} (SetDisplayMessageRequest) with ${parts.join(', ')}.`;
    }
    case 'getDisplayMessages': {
      const filter = [action.id === undefined ? '' : `id ${action.id}`, action.priority === undefined ? '' : `priority ${action.priority}`, action.state === undefined ? '' : `state ${action.state}`].filter(Boolean);
      return filter.length === 0
        ? `Make the CSMS ask ${station} for all its display messages (GetDisplayMessagesRequest without id, priority or state).`
        : `Make the CSMS ask ${station} for its display messages with ${filter.join(' and ')} (GetDisplayMessagesRequest naming only that).`;
    }
    case 'clearDisplayMessage':
      return `Make the CSMS remove the display message with id ${action.id} from ${station} (ClearDisplayMessageRequest; the id need not exist there).`;
    case 'setChargingProfile':
      return `Make the CSMS set this charging profile on ${action.evseId === 0 ? 'the whole of' : `EVSE ${action.evseId} of`} ${station} (SetChargingProfileRequest with evseId ${action.evseId}): ${profileWording(action.profile)}.`;
    case 'clearChargingProfile': {
      const c = action.criteria;
      const what = action.chargingProfileId !== undefined ? `the charging profile with id ${action.chargingProfileId} only (chargingProfileId, no criteria)` : `the charging profiles matching${c?.purpose ? ` purpose ${c.purpose}` : ''}${c?.evseId === undefined ? '' : ` on EVSE ${c.evseId}`}${c?.stackLevel === undefined ? '' : ` at stack level ${c.stackLevel}`} (chargingProfileCriteria, no chargingProfileId)`;
      return `Make the CSMS clear ${what} on ${station} (ClearChargingProfileRequest).`;
    }
    case 'getChargingProfiles': {
      const c = action.criteria;
      const what = [c.chargingProfileId === undefined ? '' : `chargingProfileId ${c.chargingProfileId}`, c.purpose ? `purpose ${c.purpose}` : '', c.stackLevel === undefined ? '' : `stack level ${c.stackLevel}`, c.chargingLimitSource ? `limit source ${c.chargingLimitSource}` : ''].filter(Boolean).join(', ');
      return `Make the CSMS ask ${station} for its charging profiles ${action.evseId === undefined ? 'on any EVSE (no evseId)' : action.evseId === 0 ? 'of the station itself (evseId 0)' : `on EVSE ${action.evseId}`} with only these criteria: ${what} (GetChargingProfilesRequest).`;
    }
    case 'getCompositeSchedule':
      return `Make the CSMS ask ${station} for its composite schedule ${action.evseId === 0 ? 'of the whole station (evseId 0)' : `of EVSE ${action.evseId}`} for the next ${action.duration} s in ${action.chargingRateUnit} (GetCompositeScheduleRequest).`;
    case 'remoteStartWithProfile':
      return `Make the CSMS start a transaction remotely on EVSE ${action.evseId} of ${station} for idToken '${action.idToken.idToken}' (${action.idToken.type}), with this charging profile in the RequestStartTransactionRequest: ${profileWording(action.profile)}.`;
    case 'triggerBootNotification':
      return `${station} is waiting for its boot to be accepted: make the CSMS send it a TriggerMessageRequest for BootNotification (nothing to do when the CSMS does so by itself).`;
  }
}
