/**
 * The ISO 15118 Plug & Charge sequences of TC_C_50_CS to TC_C_55_CS (C07): their Before configuration, the V2G / MO
 * roots and V2G certificate they need, the EV presenting its contract certificate, the AuthorizeRequest that follows,
 * the memory state IdTokenCached15118, and the offline variant.
 */
import type { ConfiguredIdToken, RunConfig } from '../../../src/engine/config';
import type { ConfigurationSetting, CsCaseContext } from '../../../src/engine/testcase';
import { inconclusive } from '../../../src/engine/verdict';
import type { IncomingCall } from '../../../src/ocpp/connection';
import type { AuthorizeResponse, TransactionEventRequest } from '../../../src/ocpp/generated';
import { chainPem, parseCertificates } from '../../../src/pki';
import { stopAuthorized } from './authorization';
import { answerToken } from './cache';
import { AUTH_ENABLED, AUTHORIZATION_ON, ifImplemented, OFFLINE_RETRY, offlineTxForUnknownId, setting } from './configuration';
import { idTokenLocalAuthList, listEntry, LOCAL_LIST_ENABLED, withLocalList } from './local-list';
import { isMeterOnly, type SessionCall } from './monitor';
import { connectionClosed } from './offline';
import { endpointsOf, renewV2GChargingStationCertificate, V2G_CERTIFICATE_SETTINGS } from './security';
import type { ChargingSession, TxPoint } from './session';
import { connectEv, connectorReported, energyTransferStarted, evConnectedPreSession, evDisconnected, parkingBayOccupied, parkingBayUnoccupied, withSession } from './transaction';

/** Whether the C07 cases apply: the run says the station does Plug & Charge (and, for central validation, passes contracts to the CSMS). */
export const pncApplicable =
  (central = false) =>
  (config: RunConfig): string | undefined => {
    if (!config.configured.iso15118Pnc) return 'the station does not declare ISO 15118 Plug & Charge (configured.iso15118Pnc is false; Part 5 profile iso15118)';
    if (central && !config.configured.centralContractValidation) return 'the station does not pass contract certificates to the CSMS (configured.centralContractValidation is false; Part 5 ISO-5)';
    return undefined;
  };

const iso = (variable: string, value: ConfigurationSetting['value']): ConfigurationSetting => setting('ISO15118Ctrlr', variable, value);

/**
 * The Before configuration of the online C07 cases: authorization on and remote authorization allowed (AUTHORIZATION_ON,
 * "(If implemented)"), then unmarked: Plug & Charge on, CentralContractValidationAllowed as given; with `installation`
 * also contract certificate installation on, SeccId <Configured seccId> and the V2G certificate settings
 * (V2G_CERTIFICATE_SETTINGS: installation on, CountryName NL, OrganizationName as the memory state
 * RenewV2GChargingStationCertificate reads <Configured vendorId>).
 */
export function pncOnline(central: boolean, installation: boolean): ConfigurationSetting[] {
  return [
    ...AUTHORIZATION_ON,
    iso('CentralContractValidationAllowed', String(central)),
    ...(installation
      ? [
          iso('ContractCertificateInstallationEnabled', 'true'),
          iso('SeccId', (c: RunConfig) => c.configured.seccId),
          ...V2G_CERTIFICATE_SETTINGS,
        ]
      : []),
    iso('PnCEnabled', 'true'),
  ];
}

/**
 * The Before configuration of the offline C07 cases: authorization on and OfflineTxForUnknownIdEnabled as given (both
 * "(If implemented)"), ContractValidationOffline as given, Plug & Charge on, the offline retry settings, and the local
 * list enabled for the memory state IdTokenLocalAuthList ("(If implemented)", errata 2025-09 6.2.121).
 */
export function pncOffline(validationOffline: boolean, unknownIdAllowed: boolean): ConfigurationSetting[] {
  return [
    ifImplemented(AUTH_ENABLED),
    ifImplemented(offlineTxForUnknownId(unknownIdAllowed)),
    ...OFFLINE_RETRY,
    iso('ContractValidationOffline', String(validationOffline)),
    iso('PnCEnabled', 'true'),
    ifImplemented(LOCAL_LIST_ENABLED),
  ];
}

/** The harness's contract certificate (MO hierarchy of the run's PKI) as the EV presents it: the chain as PEM, and its eMAID (the certificate's CN) as an idToken. */
async function contractOf(ctx: CsCaseContext): Promise<{ chainPem: string; idToken: ConfiguredIdToken }> {
  const contract = await endpointsOf(ctx).material.credential('contract', 'ec');
  const emaid = parseCertificates(contract.certificatePem)[0].subjectName.getField('CN')[0] ?? '';
  return { chainPem: chainPem(contract), idToken: { idToken: emaid, type: 'eMAID' } };
}

/**
 * The memory states of the C07 cases (errata 2025-09 6.2.35): CertificateInstalled for each of `roots`, then
 * RenewV2GChargingStationCertificate when the station reports no V2GCertificateChain.
 */
export async function v2gCertificatesInstalled(ctx: CsCaseContext, roots: readonly ('V2GRootCertificate' | 'MORootCertificate')[]): Promise<void> {
  const { csms, check, step } = ctx;
  const material = endpointsOf(ctx).material;
  for (const certificateType of roots) {
    await step(`Memory State CertificateInstalled (${certificateType})`, () =>
      step(`1-2. harness sends InstallCertificateRequest with the ${certificateType} of the run's PKI, station accepts`, async () => {
        const root = await material.credential(certificateType === 'V2GRootCertificate' ? 'v2g-root-ca' : 'mo-root-ca', 'ec');
        const response = await csms.call('InstallCertificate', { certificateType, certificate: root.certificatePem });
        check.equal('InstallCertificateResponse.status', response.status, 'Accepted');
      }),
    );
  }
  const installed = await step('Before: harness asks which V2G certificate chains the station holds (GetInstalledCertificateIdsRequest)', () => csms.call('GetInstalledCertificateIds', { certificateType: ['V2GCertificateChain'] }));
  if (installed.status === 'Accepted' && (installed.certificateHashDataChain?.length ?? 0) > 0) return;
  await renewV2GChargingStationCertificate(ctx, 'Memory State RenewV2GChargingStationCertificate');
}

/**
 * The prerequisite of C07.FR.06 (TC_C_52_CS, TC_C_53_CS): the station holds no MORootCertificate, so it cannot validate
 * the contract itself. A harness preparation with OCPP messages, not a Part 6 step: roots an earlier case installed are
 * deleted.
 */
export async function withoutMoRoot(ctx: CsCaseContext): Promise<void> {
  const { csms } = ctx;
  await ctx.step('Before (harness preparation): remove every MORootCertificate, so the station cannot validate the contract itself', async () => {
    const installed = await csms.call('GetInstalledCertificateIds', { certificateType: ['MORootCertificate'] });
    for (const chain of installed.certificateHashDataChain ?? []) {
      const { status } = await csms.call('DeleteCertificate', { certificateHashData: chain.certificateHashData });
      if (status !== 'Accepted') throw inconclusive('OCPPCT_PRECONDITION', `the station answered DeleteCertificateRequest for an MORootCertificate with ${status}, so it may still validate the contract itself`);
    }
  });
}

/** The TxStartPoint values of which errata 2025-02 (6.2.36-6.2.43) want at least one in the C07 cases. */
const PNC_START_POINTS: readonly TxPoint[] = ['PowerPathClosed', 'Authorized', 'EVConnected', 'ParkingBayOccupancy'];

/** The session's TxStartPoint, after checking it holds one of the values the errata ask for (inconclusive otherwise). */
async function pncStartPoints(session: ChargingSession): Promise<ReadonlySet<TxPoint>> {
  const { startPoints } = await session.settings();
  if (!PNC_START_POINTS.some((point) => startPoints.has(point))) {
    throw inconclusive('OCPPCT_PRECONDITION', `TxStartPoint is ${[...startPoints].join(',') || 'empty'}; the C07 cases need one of ${PNC_START_POINTS.join(', ')} (errata 2025-02)`);
  }
  return startPoints;
}

/** Manual action: the EV connected to the session's EVSE authorizes with Plug & Charge, presenting the harness's contract certificate chain. */
async function contractPresented(session: ChargingSession): Promise<void> {
  const { idToken, chainPem: chain } = await contractOf(session.ctx);
  await session.act(`Manual action: the EV authorizes with ISO 15118 Plug & Charge (eMAID ${idToken.idToken})`, { kind: 'presentContractCertificate', evseId: session.evse.evseId, emaid: idToken.idToken, certificateChainPem: chain });
}

/**
 * What a C07 case checks of the AuthorizeRequest besides idToken.type: iso15118CertificateHashData (the station validated
 * the contract), the certificate (it passed the contract to the CSMS), or nothing more (the memory state IdTokenCached15118).
 */
export type ContractEvidence = 'hashData' | 'certificate' | 'none';

/** How many certificates a PEM text holds (0 when there are none, or one of them cannot be read). */
function pemCertificates(text: string | undefined): number {
  try {
    return parseCertificates(text ?? '').length;
  } catch {
    return 0;
  }
}

/**
 * Steps 1-2 of the online C07 cases: the station sends AuthorizeRequest for the contract and the harness answers with
 * `answer`; a GetCertificateStatusRequest on the way is answered Accepted (Part 6 asks the tool to cope with one).
 * Checks idToken.type eMAID and, as `evidence` says, the hash data or the certificate. Waited for outside the session
 * monitor, whose answers to AuthorizeRequest carry no certificateStatus.
 */
async function contractAuthorized(session: ChargingSession, answer: AuthorizeResponse, evidence: ContractEvidence): Promise<void> {
  const { ctx } = session;
  const { check, csms } = ctx;
  await ctx.step(`1-2. station sends AuthorizeRequest for the contract; harness answers ${answer.idTokenInfo.status} / certificateStatus ${answer.certificateStatus}`, async () => {
    const next = () => csms.expect(['Authorize', 'GetCertificateStatus'], { description: 'an AuthorizeRequest for the contract certificate' });
    let call = await next();
    while (call.action === 'GetCertificateStatus') {
      (call as IncomingCall<'GetCertificateStatus'>).respond({ status: 'Accepted' });
      call = await next();
    }
    const request = (call as IncomingCall<'Authorize'>).payload;
    // Answered before it is judged, so a failed check does not leave the station waiting.
    (call as IncomingCall<'Authorize'>).respond(answer);
    check.equal('AuthorizeRequest.idToken.type', request.idToken.type, 'eMAID');
    const hashData = request.iso15118CertificateHashData?.length ?? 0;
    if (evidence === 'hashData') check.that('AuthorizeRequest.iso15118CertificateHashData', hashData > 0, 'provided', hashData === 0 ? 'omitted' : `${hashData} entries`);
    if (evidence === 'certificate') {
      const certificates = pemCertificates(request.certificate);
      check.that('AuthorizeRequest.certificate', certificates > 0, 'provided (PEM)', request.certificate === undefined ? 'omitted' : `${certificates} readable PEM certificates`);
    }
  });
}

/**
 * The EV authorizes with its contract and the harness accepts it (Authorized15118 of the errata 2025-04): steps 1-2
 * (AuthorizeRequest, answered Accepted / certificateStatus Accepted) and, when a transaction is open or TxStartPoint
 * contains Authorized, steps 3-4 (the station reports the authorization; the harness answers Accepted).
 */
async function authorized15118(session: ChargingSession, evidence: ContractEvidence): Promise<void> {
  const { ctx, monitor } = session;
  const startPoints = await pncStartPoints(session);
  const reported = monitor.transactionOpen || startPoints.has('Authorized');
  await contractPresented(session);
  monitor.pendingIdToken = session.idToken;
  await contractAuthorized(session, { idTokenInfo: { status: 'Accepted' }, certificateStatus: 'Accepted' }, evidence);
  let event: TransactionEventRequest | undefined;
  if (reported) {
    event = await ctx.step('3-4. station reports the authorization with TransactionEventRequest; harness answers Accepted', async () => {
      const authorization = await monitor.nextEvent('a TransactionEventRequest for the authorization');
      ctx.check.equal('TransactionEventRequest.triggerReason', authorization.triggerReason, 'Authorized');
      return authorization;
    });
  }
  markAuthorized(session, event);
}

/** Records in the session that the contract authorized it (at the station), with the event that reported it, if one was expected. */
function markAuthorized(session: ChargingSession, event: TransactionEventRequest | undefined): void {
  Object.assign(session, { authorized: true, authorizedVia: 'local', stoppedVia: undefined, evConnectedReported: false, authorizationEvent: event });
}

/** A TransactionEventRequest that says the EV was authorized or charges (what a refused contract must not cause), described; undefined for anything else. */
function authorizedOrCharging(call: SessionCall): string | undefined {
  if (call.action !== 'TransactionEvent') return undefined;
  const event = call.payload as TransactionEventRequest;
  if (isMeterOnly(event)) return undefined;
  if (event.triggerReason === 'Authorized' || event.transactionInfo.chargingState === 'Charging') {
    return `the station sent a TransactionEventRequest with triggerReason ${event.triggerReason}, chargingState ${event.transactionInfo.chargingState ?? '-'} for a contract it must not accept`;
  }
  return undefined;
}

/** Runs `body` with the case's session for the harness's contract, whose eMAID the harness (as CSMS) answers with `info` in TransactionEventResponses. */
async function withContractSession(ctx: CsCaseContext, info: AuthorizeResponse['idTokenInfo'], body: (session: ChargingSession) => Promise<void>): Promise<void> {
  const { idToken } = await contractOf(ctx);
  await withSession(
    ctx,
    async (session) => {
      answerToken(session.monitor, idToken, info);
      await body(session);
    },
    { idToken },
  );
}

/**
 * The accepted online C07 cases (TC_C_50_CS, TC_C_52_CS): EVConnectedPreSession, then the EV authorizes with its
 * contract and the harness accepts it (steps 1-4), and the energy starts to flow (step 5, EnergyTransferStarted).
 */
export async function pncCharging(ctx: CsCaseContext, evidence: Exclude<ContractEvidence, 'none'>): Promise<void> {
  await withContractSession(ctx, { status: 'Accepted' }, async (session) => {
    await pncStartPoints(session);
    await ctx.step('Before: Reusable State EVConnectedPreSession', () => evConnectedPreSession(session));
    await authorized15118(session, evidence);
    await ctx.step('5. Reusable State EnergyTransferStarted', () => energyTransferStarted(session));
  });
}

/**
 * The refused online C07 cases (TC_C_51_CS, TC_C_53_CS): EVConnectedPreSession, the EV authorizes with its contract, the
 * harness refuses it with `answer` (steps 1-2), and for <Configured message timeout> the station reports neither an
 * authorization nor charging (post scenario validation).
 */
export async function pncRefused(ctx: CsCaseContext, answer: AuthorizeResponse, evidence: Exclude<ContractEvidence, 'none'>): Promise<void> {
  await withContractSession(ctx, answer.idTokenInfo, async (session) => {
    await pncStartPoints(session);
    await ctx.step('Before: Reusable State EVConnectedPreSession', () => evConnectedPreSession(session));
    await contractPresented(session);
    await contractAuthorized(session, answer, evidence);
    const ms = ctx.config.timeouts.messageMs;
    await ctx.step(`Post scenario: the EV is not authorized and does not charge (watched for <Configured message timeout>, ${ms} ms)`, () => session.monitor.watch(ms, authorizedOrCharging));
  });
}

/**
 * Memory State IdTokenCached15118 (errata 2025-09 6.2.120) with the case's session: a whole Plug & Charge session the
 * harness accepts (bay, EV, Authorized15118, energy, remote stop, EV out, bay out), so the station caches the eMAID.
 */
async function idTokenCached15118(session: ChargingSession): Promise<void> {
  await session.ctx.step(`Memory State IdTokenCached15118 (${session.idToken.idToken})`, async () => {
    await parkingBayOccupied(session);
    await evConnectedPreSession(session);
    await authorized15118(session, 'none');
    await energyTransferStarted(session);
    await stopAuthorized(session, 'remote');
    await evDisconnected(session);
    await parkingBayUnoccupied(session);
  });
}

/**
 * Whether `component`.Enabled reads true: the optional ("if implemented") memory states of the offline C07 cases run
 * only then, IdTokenCached15118 for AuthCacheCtrlr and IdTokenLocalAuthList for LocalAuthListCtrlr (a station without
 * the controller, or with it off, skips the state).
 */
async function controllerInUse(ctx: CsCaseContext, component: 'AuthCacheCtrlr' | 'LocalAuthListCtrlr', state: string): Promise<boolean> {
  const read = await ctx.step(`Before: harness reads ${component}.Enabled (${state} applies when it is true)`, () =>
    ctx.csms.call('GetVariables', { getVariableData: [{ component: { name: component }, variable: { name: 'Enabled' } }] }),
  );
  const [result] = read.getVariableResult;
  return result?.attributeStatus === 'Accepted' && result.attributeValue === 'true';
}

/**
 * The offline C07 cases (TC_C_54_CS, TC_C_55_CS) up to step 6, then `main`. Memory states: the V2G and MO roots (and the
 * V2G certificate), IdTokenCached15118 when the station keeps a cache, IdTokenLocalAuthList with the eMAID when it keeps
 * a local list (both "if implemented"). Then: the harness goes offline (step 1), the EV enters the bay, is connected and
 * presents its contract; after <Configured Transaction Duration> the harness lets the station back (step 2); it reports
 * the connector Occupied (steps 3-4) and, when the transaction opened before the authorization, the queued
 * CablePluggedIn event marked offline (steps 5-6). The harness answers the eMAID Accepted throughout; the local list is
 * emptied afterwards.
 */
export async function withPncOffline(ctx: CsCaseContext, main: (session: ChargingSession) => Promise<void>): Promise<void> {
  const { check, config } = ctx;
  await v2gCertificatesInstalled(ctx, ['V2GRootCertificate', 'MORootCertificate']);
  await withLocalList(ctx, undefined, () =>
    withContractSession(ctx, { status: 'Accepted' }, async (session) => {
      const { monitor } = session;
      const startPoints = await pncStartPoints(session);
      if (await controllerInUse(ctx, 'AuthCacheCtrlr', 'IdTokenCached15118')) await idTokenCached15118(session);
      if (await controllerInUse(ctx, 'LocalAuthListCtrlr', 'IdTokenLocalAuthList')) await idTokenLocalAuthList(ctx, [listEntry(session.idToken)]);
      const bayOpens = startPoints.has('ParkingBayOccupancy') && config.configured.parkingBaySensor;
      const offline = await connectionClosed(ctx, '1. harness closes the WebSocket and refuses reconnects');
      if (config.configured.parkingBaySensor) {
        await session.act('Manual action: drive the EV into the parking bay', { kind: 'parkingBayOccupied', evseId: session.evse.evseId });
        session.bayOccupied = true;
      }
      await connectEv(session);
      // With TxStartPoint ParkingBayOccupancy the queue starts with the bay's event, which cannot name the EVSE yet.
      if (bayOpens) monitor.pendingEvse = undefined;
      await contractPresented(session);
      const seconds = config.configured.transactionDuration;
      await ctx.step(`Wait <Configured Transaction Duration> (${seconds} s) while offline`, () => monitor.watch(seconds * 1000, undefined, { acrossReconnect: true }));
      await offline.reconnect('2. harness accepts the reconnection');
      await connectorReported(session, 'Occupied', '3-4. station reports the connector Occupied');
      if (startPoints.has('EVConnected') || bayOpens) {
        await ctx.step('5-6. station sends the queued TransactionEventRequest for the connected EV', async () => {
          const event = await monitor.nextEvent('the queued TransactionEventRequest for the connected EV', { acrossReconnect: true }, (e) => e.triggerReason !== 'EVDetected');
          check.equal('TransactionEventRequest.triggerReason', event.triggerReason, 'CablePluggedIn');
          check.equal('TransactionEventRequest.transactionInfo.chargingState', event.transactionInfo.chargingState, 'EVConnected');
          check.equal('TransactionEventRequest.offline', event.offline, true);
        });
      }
      await main(session);
    }),
  );
}

/**
 * Steps 7-9 of TC_C_54_CS: when the transaction was open before the authorization or TxStartPoint contains Authorized,
 * the queued event of the offline authorization (triggerReason Authorized, offline true); then EnergyTransferStarted.
 */
export async function pncOfflineCharging(session: ChargingSession): Promise<void> {
  const { ctx, monitor } = session;
  const { startPoints } = await session.settings();
  const openedBefore = startPoints.has('EVConnected') || (startPoints.has('ParkingBayOccupancy') && ctx.config.configured.parkingBaySensor);
  let event: TransactionEventRequest | undefined;
  if (openedBefore || startPoints.has('Authorized')) {
    event = await ctx.step('7-8. station sends the queued TransactionEventRequest for the authorization; harness answers Accepted', async () => {
      const authorization = await monitor.nextEvent('the queued TransactionEventRequest for the authorization', { acrossReconnect: true });
      ctx.check.equal('TransactionEventRequest.triggerReason', authorization.triggerReason, 'Authorized');
      ctx.check.equal('TransactionEventRequest.offline', authorization.offline, true);
      return authorization;
    });
  }
  markAuthorized(session, event);
  await ctx.step('9. Reusable State EnergyTransferStarted', () => energyTransferStarted(session));
}

/**
 * Step 7 and the post scenario validation of TC_C_55_CS, watched together for <Configured message timeout>: no
 * TransactionEventRequest with triggerReason Authorized or ChargingStateChanged, none with chargingState Charging.
 */
export async function pncOfflineRefused(session: ChargingSession): Promise<void> {
  const { ctx, monitor } = session;
  const ms = ctx.config.timeouts.messageMs;
  await ctx.step(`7. the station does not authorize the EV or start charging (watched for <Configured message timeout>, ${ms} ms)`, () =>
    monitor.watch(ms, (call) => {
      const event = call.payload as TransactionEventRequest;
      if (call.action === 'TransactionEvent' && event.triggerReason === 'ChargingStateChanged') return `the station reported chargingState ${event.transactionInfo.chargingState ?? '-'} (triggerReason ChargingStateChanged)`;
      return authorizedOrCharging(call);
    }),
  );
}
