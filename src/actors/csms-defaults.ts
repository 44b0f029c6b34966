/** How the harness, playing the CSMS, answers station CALLs that no step is waiting for: the answers a plain, accepting CSMS gives. */
import type { IncomingCall } from '../ocpp/connection';
import type { AuthorizeResponse, OcppAction, OcppResponses } from '../ocpp/generated';
import type { ConfiguredIdToken, ConfiguredIdTokens } from '../engine/config';

type Answers = { [A in OcppAction]?: (call: IncomingCall<A>) => OcppResponses[A] };

/** IdTokenInfoType, as the CSMS gives it in AuthorizeResponse and TransactionEventResponse. */
export type IdTokenInfo = AuthorizeResponse['idTokenInfo'];

/** The run's idTokens, by which the harness decides what it says about a token. */
export interface TokenList {
  readonly idTokens: ConfiguredIdTokens;
  readonly masterPassGroupId: ConfiguredIdToken;
}

const sameToken = (a: { idToken: string; type: string } | undefined, b: { idToken: string; type: string }): boolean => a?.idToken === b.idToken && a.type === b.type;

/**
 * The status the harness-as-CSMS gives a token: valid, valid2, masterPass and group are Accepted (valid with the
 * configured group as groupIdToken, masterPass with the master pass group); invalid, blocked and expired what their
 * names say; any other token Invalid.
 */
export function tokenInfoFor(tokens: TokenList, token: { idToken: string; type: string }): IdTokenInfo {
  const { idTokens } = tokens;
  if (sameToken(token, idTokens.valid)) return { status: 'Accepted', groupIdToken: { ...idTokens.group } };
  if (sameToken(token, idTokens.valid2) || sameToken(token, idTokens.group)) return { status: 'Accepted' };
  if (sameToken(token, idTokens.masterPass)) return { status: 'Accepted', groupIdToken: { ...tokens.masterPassGroupId } };
  if (sameToken(token, idTokens.blocked)) return { status: 'Blocked' };
  if (sameToken(token, idTokens.expired)) return { status: 'Expired' };
  return { status: 'Invalid' };
}

/**
 * Builds the default answers; `heartbeatInterval` goes into BootNotificationResponse. With `tokens`, Authorize and
 * TransactionEvent get the status the run's token list gives the token (`tokenInfoFor`); without, every token is Accepted.
 */
export function csmsDefaultAnswers(heartbeatInterval: number, tokens?: TokenList): (call: IncomingCall) => void {
  const now = () => new Date().toISOString();
  const accepted = { status: 'Accepted' } as const;
  const info = (token: { idToken: string; type: string }): IdTokenInfo => (tokens ? tokenInfoFor(tokens, token) : accepted);
  const answers: Answers = {
    BootNotification: () => ({ status: 'Accepted', currentTime: now(), interval: heartbeatInterval }),
    Heartbeat: () => ({ currentTime: now() }),
    StatusNotification: () => ({}),
    NotifyEvent: () => ({}),
    NotifyReport: () => ({}),
    NotifyMonitoringReport: () => ({}),
    SecurityEventNotification: () => ({}),
    MeterValues: () => ({}),
    FirmwareStatusNotification: () => ({}),
    LogStatusNotification: () => ({}),
    PublishFirmwareStatusNotification: () => ({}),
    NotifyChargingLimit: () => ({}),
    ClearedChargingLimit: () => ({}),
    NotifyCustomerInformation: () => ({}),
    NotifyDisplayMessages: () => ({}),
    ReservationStatusUpdate: () => ({}),
    NotifyEVChargingNeeds: () => accepted,
    NotifyEVChargingSchedule: () => accepted,
    ReportChargingProfiles: () => ({}),
    Authorize: (call) => ({ idTokenInfo: info(call.payload.idToken) }),
    TransactionEvent: (call) => (call.payload.idToken ? { idTokenInfo: info(call.payload.idToken) } : {}),
    SignCertificate: () => accepted,
    GetCertificateStatus: () => ({ status: 'Failed' }),
    Get15118EVCertificate: () => ({ status: 'Failed', exiResponse: '' }),
    DataTransfer: () => ({ status: 'UnknownVendorId' }),
  };
  return (call) => {
    const answer = answers[call.action] as ((c: IncomingCall) => Record<string, unknown>) | undefined;
    if (answer) call.respond(answer(call) as never);
    else call.respondError('NotSupported', `the harness does not answer ${call.action} outside a step that expects it`);
  };
}
