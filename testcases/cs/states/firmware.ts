/** Block L states of the Charging Station cases: the file server and images of a case, UpdateFirmwareRequest, and following the FirmwareStatusNotification sequence through optional reboots. */
import type { RunConfig } from '../../../src/engine/config';
import type { ConfigurationSetting, CsCaseContext } from '../../../src/engine/testcase';
import { sutFailed } from '../../../src/engine/verdict';
import { describeDownload, FirmwareServer } from '../../../src/files/firmware-server';
import type { IncomingCall } from '../../../src/ocpp/connection';
import type { OcppAction, OcppResponses } from '../../../src/ocpp/generated';
import type { FirmwareStatusEnumType, FirmwareType } from '../../../src/ocpp/generated/definitions';
import { makeSignedFirmware, type FirmwareVariant } from '../../../src/pki/firmware';
import { setting } from './configuration';
import { endpointsOf } from './security';
import { ChargingSession, secondConnector } from './session';
import { energyTransferStarted, parkingBayUnoccupied, returnToIdle, withSession } from './transaction';

/** What an UpdateFirmwareRequest names: where the image is, who signed it, its signature. */
export interface FirmwareOffer {
  readonly location: string;
  readonly signingCertificate: string;
  readonly signature: string;
}

/** The firmware values of a case: the harness's own server and images, or the vendor's (configured.firmware). */
export interface FirmwareFiles {
  /** The harness's file server, when it serves the images (absent when configured.firmware.location names a vendor image). */
  readonly server?: FirmwareServer;
  /** <Configured firmware_location>, <Configured signingCertificate>, <Configured signature>. */
  readonly good: FirmwareOffer;
  /** The good image with a real signature that does not belong to it (<Configured invalid firmware signature>). */
  readonly badSignature: FirmwareOffer;
  /** <Generated invalid firmware signingCertificate>: a signing certificate of another root, with its signature. */
  readonly wrongRoot: FirmwareOffer;
  /** <Configured invalid firmware location>: signed, but its installation fails its verification. */
  readonly failsInstall: FirmwareOffer;
  /** A good image the harness sends slowly, so an update can be interrupted while it downloads. */
  readonly slow: FirmwareOffer;
}

const offer = (server: FirmwareServer, variant: FirmwareVariant, scheme: 'http' | 'https'): FirmwareOffer => {
  const image = server.image(variant);
  return { location: server.url(variant, scheme), signingCertificate: image.signingCertificate, signature: image.signature };
};

/**
 * Runs `body` with the firmware files of the case: the harness's file server (HTTP and HTTPS on the run's PKI) with a
 * fresh set of signed images, unless the run configures the vendor's image. Afterwards every request the server saw is
 * written into the case's evidence (who, what, when) and the server stops.
 */
export async function withFirmwareFiles(ctx: CsCaseContext, body: (files: FirmwareFiles) => Promise<void>): Promise<void> {
  const settings = ctx.config.configured.firmware;
  const material = endpointsOf(ctx).material;
  const tls = await material.serverTls(2);
  const server = await FirmwareServer.start({
    host: settings.host,
    publicHost: settings.publicHost,
    httpPort: settings.httpPort,
    httpsPort: settings.httpsPort,
    tls: { key: [tls.key ?? []].flat().map(String), cert: [tls.cert ?? []].flat().map(String) },
    images: await makeSignedFirmware(material.pki, ctx.config.security.keyAlgorithm),
    slowTransferMs: settings.slowTransferSeconds * 1000,
  });
  const ours = (variant: FirmwareVariant) => offer(server, variant, settings.scheme);
  const vendor = settings.location !== undefined && settings.signingCertificate !== undefined && settings.signature !== undefined ? { location: settings.location, signingCertificate: settings.signingCertificate, signature: settings.signature } : undefined;
  const files: FirmwareFiles = vendor
    ? {
        good: vendor,
        badSignature: { ...vendor, signature: settings.invalidSignature ?? ours('corrupt').signature },
        wrongRoot: { ...vendor, signingCertificate: ours('wrong-root').signingCertificate },
        failsInstall: settings.invalidLocation ? { ...vendor, location: settings.invalidLocation } : ours('corrupt'),
        slow: ours('slow'),
      }
    : { server, good: ours('good'), badSignature: ours('bad-signature'), wrongRoot: ours('wrong-root'), failsInstall: ours('corrupt'), slow: ours('slow') };
  try {
    await body(files);
  } finally {
    await server.close();
    for (const download of server.downloads) await ctx.step(`File server: ${describeDownload(download)}`, () => undefined);
  }
}

/** When a date of UpdateFirmwareRequest lies: two hours back (Part 6 <Current DateTime - 2 hours>), or `seconds` ahead. */
export const firmwareTime = (seconds: number | 'past'): string => new Date(Date.now() + (seconds === 'past' ? -2 * 3_600_000 : seconds * 1000)).toISOString();

let nextRequestId = Math.floor(Date.now() / 1000) % 100_000;

/** Options of an UpdateFirmwareRequest. */
export interface UpdateFirmwareOptions {
  readonly offer: FirmwareOffer;
  /** retrieveDateTime: two hours back (default) or that many seconds ahead. */
  readonly retrieve?: number | 'past';
  /** installDateTime: two hours back (default), that many seconds ahead, or left out. */
  readonly install?: number | 'past' | 'omitted';
  /** Leaves signingCertificate and signature out (TC_L_18_CS). */
  readonly unsigned?: boolean;
  /** The flow of an update this request should cancel (TC_L_10_CS). */
  readonly cancels?: FirmwareFlow;
}

/** Upper bound for the end of a download that fails: every attempt the request allows, and the waits between them. */
export function downloadAttemptsMs(ctx: CsCaseContext): number {
  const { retries, retryIntervalSeconds } = ctx.config.configured.firmware;
  return (retries + 1) * ctx.config.timeouts.messageMs + retries * retryIntervalSeconds * 1000;
}

/** Sends an UpdateFirmwareRequest (with the configured retries and retry interval); returns its requestId, the answer, and the flow that follows the update from the moment it was sent. */
export async function updateFirmware(ctx: CsCaseContext, options: UpdateFirmwareOptions): Promise<{ requestId: number; response: OcppResponses['UpdateFirmware']; flow: FirmwareFlow }> {
  const settings = ctx.config.configured.firmware;
  const requestId = ++nextRequestId;
  const firmware: FirmwareType = {
    location: options.offer.location,
    retrieveDateTime: firmwareTime(options.retrieve ?? 'past'),
    ...(options.install === 'omitted' ? {} : { installDateTime: firmwareTime(options.install ?? 'past') }),
    ...(options.unsigned ? {} : { signingCertificate: options.offer.signingCertificate, signature: options.offer.signature }),
  };
  const flow = options.cancels ? options.cancels.next(requestId, new Date()) : new FirmwareFlow(ctx, requestId);
  const response = await ctx.csms.call('UpdateFirmware', { requestId, firmware, retries: settings.retries, retryInterval: settings.retryIntervalSeconds });
  return { requestId, response, flow };
}

/** Where an update stands for the connector checks: from SignatureVerified on (installing) connectors not in use may be Unavailable; after the end state (installed) they are Available again. */
type FlowPhase = 'downloading' | 'installing' | 'installed';

/** The phase a status opens. */
const PHASE_AFTER: Partial<Record<FirmwareStatusEnumType, FlowPhase>> = {
  SignatureVerified: 'installing',
  InstallScheduled: 'installing',
  Installed: 'installed',
  InstallVerificationFailed: 'installed',
  InstallationFailed: 'installed',
};

const WATCHED: readonly OcppAction[] = ['FirmwareStatusNotification', 'SecurityEventNotification', 'BootNotification', 'StatusNotification', 'NotifyEvent'];

/**
 * Follows one firmware update: the station's FirmwareStatusNotifications in order, its SecurityEventNotifications in any
 * order around them, and the reboots it makes on the way. Each CALL is answered the moment it arrives (even while the
 * harness waits for something else), kept, and judged when a step takes it or passes over it.
 */
export class FirmwareFlow {
  /** Answered, not yet judged, in arrival order, with the phase of the update at the time. */
  private readonly arrived: { call: IncomingCall; phase: FlowPhase; sinceBoot: boolean; duringSessions?: boolean }[] = [];
  /** Judged, not yet taken by a step. */
  private readonly kept: IncomingCall[] = [];
  private wake: (() => void) | undefined;
  private readonly release: () => void;
  /** Where the update stood when the last CALL arrived (set by the statuses themselves). */
  private phase: FlowPhase = 'downloading';
  /** A BootNotification arrived since the phase began: connector reports after it belong to the boot. */
  private sinceBoot = false;
  /** Charging sessions start and end while the update waits (see {@link duringSessions}). */
  private sessionsRun = false;
  rebooted = false;

  constructor(
    private readonly ctx: CsCaseContext,
    readonly requestId: number,
    /** CALLs received before this moment (the boot before the case, say) belong to something else. */
    since = new Date(),
    /** The requestId of an update this one cancelled: its DownloadFailed or InstallationFailed may still come and is passed over (errata 2025-09, TC_L_10_CS). */
    private readonly cancelled?: number,
  ) {
    this.release = ctx.csms.answerWith((call) => {
      if (!WATCHED.includes(call.action) || call.receivedAt < since) return false;
      if (!call.isAnswered && call.connection.isOpen) {
        if (call.action === 'BootNotification') ctx.csms.answerBoot(call as IncomingCall<'BootNotification'>, 'Accepted');
        else (call as IncomingCall<'FirmwareStatusNotification'>).respond({});
      }
      if (this.isCancelledOutcome(call)) return true;
      if (call.action === 'BootNotification') this.sinceBoot = true;
      if (call.action === 'FirmwareStatusNotification') {
        const next = PHASE_AFTER[(call as IncomingCall<'FirmwareStatusNotification'>).payload.status];
        if (next && next !== this.phase) {
          this.phase = next;
          this.sinceBoot = false;
        }
      }
      this.arrived.push({ call, phase: this.phase, sinceBoot: this.sinceBoot, duringSessions: this.sessionsRun });
      this.wake?.();
      return true;
    });
  }

  /** A flow for a new request that cancels this one (this one stops taking CALLs). */
  next(requestId: number, since: Date): FirmwareFlow {
    this.release();
    return new FirmwareFlow(this.ctx, requestId, since, this.requestId);
  }

  /** The next CALL for which `wanted` holds; the others are judged in order and kept for later questions. */
  private async take(wanted: (call: IncomingCall) => boolean, timeoutMs: number, description: string): Promise<IncomingCall> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const kept = this.kept.findIndex(wanted);
      if (kept >= 0) return this.kept.splice(kept, 1)[0];
      while (this.arrived.length > 0) {
        const { call, phase, sinceBoot, duringSessions } = this.arrived.shift() as (typeof this.arrived)[number];
        if (!duringSessions) this.judge(call, phase, sinceBoot);
        if (wanted(call)) return call;
        this.kept.push(call);
      }
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw sutFailed('OCPPCT_EXPECT_TIMEOUT', `the station did not send ${description} within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, remaining);
        this.wake = () => {
          clearTimeout(timer);
          this.wake = undefined;
          resolve();
        };
      });
    }
  }

  private isCancelledOutcome(call: IncomingCall): boolean {
    if (this.cancelled === undefined || call.action !== 'FirmwareStatusNotification') return false;
    const { requestId, status } = (call as IncomingCall<'FirmwareStatusNotification'>).payload;
    return requestId === this.cancelled && (status === 'DownloadFailed' || status === 'InstallationFailed');
  }

  /** Judges boots and connector reports, in the order they came, by the phase the update was in when they came. */
  private judge(call: IncomingCall, phase: FlowPhase, sinceBoot: boolean): void {
    const { ctx } = this;
    if (call.action === 'BootNotification') {
      this.rebooted = true;
      ctx.check.equal('BootNotificationRequest.reason (a reboot during the firmware update)', (call as IncomingCall<'BootNotification'>).payload.reason, 'FirmwareUpdate');
      return;
    }
    if (sinceBoot || phase === 'downloading') return;
    const expected = phase === 'installing' ? 'Unavailable' : 'Available';
    if (call.action === 'StatusNotification') ctx.check.equal('StatusNotificationRequest.connectorStatus (outside a boot, during the update)', (call as IncomingCall<'StatusNotification'>).payload.connectorStatus, expected);
    if (call.action === 'NotifyEvent') {
      const data = (call as IncomingCall<'NotifyEvent'>).payload.eventData[0];
      if (data?.component.name === 'Connector' && data.variable.name === 'AvailabilityState') ctx.check.equal('NotifyEventRequest.eventData[0].actualValue (AvailabilityState during the update)', data.actualValue, expected);
    }
  }

  /**
   * Runs `body`, in which charging sessions start and end while the update waits (AllowNewSessionsPendingFirmwareUpdate
   * true): the connector reports that arrive meanwhile are the sessions' (Occupied, Available), not the update's, so
   * they are not held to the Unavailable the installing phase otherwise asks of idle connectors.
   */
  async duringSessions<T>(body: () => Promise<T>): Promise<T> {
    this.sessionsRun = true;
    try {
      return await body();
    } finally {
      this.sessionsRun = false;
    }
  }

  /** When the FirmwareStatusNotification last taken by status() arrived. */
  lastReceivedAt: Date | undefined;

  /** A connector report of the update (StatusNotificationRequest, or NotifyEventRequest of its AvailabilityState) for one connector; its status must be `expected`. */
  async connectorStatus(evseId: number, connectorId: number, expected: 'Available' | 'Unavailable', timeoutMs = this.ctx.config.timeouts.messageMs): Promise<void> {
    const call = await this.take(
      (c) =>
        (c.action === 'StatusNotification' && (c as IncomingCall<'StatusNotification'>).payload.evseId === evseId && (c as IncomingCall<'StatusNotification'>).payload.connectorId === connectorId) ||
        (c.action === 'NotifyEvent' && (c as IncomingCall<'NotifyEvent'>).payload.eventData.some((d) => d.component.name === 'Connector' && d.variable.name === 'AvailabilityState' && d.component.evse?.id === evseId && (d.component.evse.connectorId ?? 1) === connectorId)),
      timeoutMs,
      `a report of EVSE ${evseId} connector ${connectorId} as ${expected}`,
    );
    if (call.action === 'StatusNotification') this.ctx.check.equal(`StatusNotificationRequest.connectorStatus (EVSE ${evseId} connector ${connectorId})`, (call as IncomingCall<'StatusNotification'>).payload.connectorStatus, expected);
    else {
      const data = (call as IncomingCall<'NotifyEvent'>).payload.eventData.find((d) => d.variable.name === 'AvailabilityState' && d.component.evse?.id === evseId);
      this.ctx.check.equal(`NotifyEventRequest AvailabilityState (EVSE ${evseId} connector ${connectorId})`, data?.actualValue, expected);
    }
  }

  /** An optional status: when the next FirmwareStatusNotification that already came has `status`, it is taken (and its requestId checked). Does not wait. */
  optionalStatus(status: FirmwareStatusEnumType): boolean {
    for (const { call } of this.arrived.splice(0).map((a) => (a.duringSessions || this.judge(a.call, a.phase, a.sinceBoot), a))) this.kept.push(call);
    const index = this.kept.findIndex((c) => c.action === 'FirmwareStatusNotification');
    if (index < 0 || (this.kept[index] as IncomingCall<'FirmwareStatusNotification'>).payload.status !== status) return false;
    const call = this.kept.splice(index, 1)[0] as IncomingCall<'FirmwareStatusNotification'>;
    this.ctx.check.equal('FirmwareStatusNotificationRequest.requestId', call.payload.requestId, this.requestId);
    return true;
  }

  /** The next FirmwareStatusNotification: its status must be `expected` (one of, for a list) and its requestId that of the update (L01.FR.10/20). */
  async status(expected: FirmwareStatusEnumType | readonly FirmwareStatusEnumType[], timeoutMs = this.ctx.config.timeouts.messageMs): Promise<FirmwareStatusEnumType> {
    const allowed = typeof expected === 'string' ? [expected] : expected;
    const call = (await this.take((c) => c.action === 'FirmwareStatusNotification', timeoutMs, `FirmwareStatusNotificationRequest (${allowed.join(' or ')})`)) as IncomingCall<'FirmwareStatusNotification'>;
    const { status, requestId } = call.payload;
    this.lastReceivedAt = call.receivedAt;
    this.ctx.check.oneOf('FirmwareStatusNotificationRequest.status', status, allowed);
    this.ctx.check.equal('FirmwareStatusNotificationRequest.requestId', requestId, this.requestId);
    return status;
  }

  /** A SecurityEventNotification of `type`, sent before or after the statuses around it; other security events are passed over. */
  async securityEvent(type: string, timeoutMs = this.ctx.config.timeouts.messageMs): Promise<void> {
    const call = (await this.take((c) => c.action === 'SecurityEventNotification' && (c as IncomingCall<'SecurityEventNotification'>).payload.type === type, timeoutMs, `SecurityEventNotificationRequest ${type}`)) as IncomingCall<'SecurityEventNotification'>;
    this.ctx.check.equal('SecurityEventNotificationRequest.type', call.payload.type, type);
  }

  /**
   * From SignatureVerified (or InstallScheduled) to the end state: an optional RebootBeforeFirmwareInstallation
   * (InstallRebooting, a boot with reason FirmwareUpdate), Installing, an optional RebootBeforeFirmwareActivation, then
   * one of `finals`. Any other status fails the case. Returns the end state.
   */
  async installation(finals: readonly FirmwareStatusEnumType[], firstTimeoutMs = this.ctx.config.timeouts.messageMs): Promise<FirmwareStatusEnumType> {
    const { step, config } = this.ctx;
    let installing = false;
    let timeoutMs = firstTimeoutMs;
    for (;;) {
      const allowed: FirmwareStatusEnumType[] = ['InstallRebooting', ...(installing ? [] : ['Installing' as const]), ...finals];
      const status = await this.status(allowed, timeoutMs);
      timeoutMs = config.timeouts.messageMs;
      if (finals.includes(status)) return status;
      if (status === 'Installing') installing = true;
      if (status === 'InstallRebooting') {
        const before = installing ? 'Activation' : 'Installation';
        await step(`Reusable State RebootBeforeFirmware${before}: the station reboots and boots with reason FirmwareUpdate`, async () => {
          // The reason is judged as the boot arrives (see answer()).
          await this.take((c) => c.action === 'BootNotification', config.timeouts.connectMs + config.timeouts.messageMs, 'BootNotificationRequest after InstallRebooting');
        });
        timeoutMs = config.timeouts.messageMs + config.timeouts.bootGraceMs;
      }
    }
  }

  /** Downloaded, within the message timeout plus the slow image's transfer time, after a complete fetch of `location`. */
  async downloaded(files: FirmwareFiles, location: string): Promise<void> {
    await this.status('Downloaded', this.ctx.config.timeouts.messageMs + this.ctx.config.configured.firmware.slowTransferSeconds * 1000);
    this.checkFetched(files, location);
  }

  /** Every connector of the EVSEs other than `busyEvseId` reported Unavailable (an update waiting for a transaction to end). */
  async idleConnectorsUnavailable(busyEvseId: number): Promise<void> {
    for (const evse of this.ctx.config.station.evses) {
      if (evse.id === busyEvseId) continue;
      for (const connectorId of evse.connectors) await this.connectorStatus(evse.id, connectorId, 'Unavailable');
    }
  }

  /** The station fetched `location` in full from the harness's server before now (when the harness serves it). */
  checkFetched(files: FirmwareFiles, location: string): void {
    if (!files.server) return;
    const path = new URL(location).pathname;
    const complete = files.server.downloads.filter((d) => d.path === path && d.status === 200 && d.outcome === 'complete' && d.method === 'GET');
    this.ctx.check.that('the station downloaded the image from the file server before reporting Downloaded', complete.length > 0, `a complete GET of ${path}`, files.server.downloads.length ? files.server.downloads.map(describeDownload).join('; ') : 'no request reached the file server');
  }
}

/** What the L cases that update during a transaction (TC_L_12_CS to TC_L_16_CS) work with once the update is sent. */
export interface UpdateDuringTransaction {
  readonly ctx: CsCaseContext;
  readonly files: FirmwareFiles;
  /** The session whose transaction runs while the update is sent. */
  readonly session: ChargingSession;
  readonly flow: FirmwareFlow;
}

/**
 * The opening of TC_L_12_CS to TC_L_16_CS: with the case's firmware files and a charging session, the energy transfer
 * starts, then steps 1-2 send UpdateFirmwareRequest for the good image while the transaction runs (Accepted); `body`
 * goes on from there. The session goes back to idle afterwards.
 */
export function withUpdateDuringTransaction(ctx: CsCaseContext, body: (update: UpdateDuringTransaction) => Promise<void>): Promise<void> {
  return withFirmwareFiles(ctx, (files) =>
    withSession(ctx, async (session) => {
      await energyTransferStarted(session);
      const { response, flow } = await ctx.step('1-2. harness sends UpdateFirmwareRequest while the transaction runs', () => updateFirmware(ctx, { offer: files.good }));
      ctx.check.equal('UpdateFirmwareResponse.status', response.status, 'Accepted');
      await body({ ctx, files, session, flow });
    }),
  );
}

/** Downloaded (after a complete fetch of the good image) and SignatureVerified, as the steps numbered `downloaded` and `verified`. */
export async function verifiedDownload({ ctx, files, flow }: UpdateDuringTransaction, downloaded: string, verified: string): Promise<void> {
  await ctx.step(`${downloaded}. station reports Downloaded`, () => flow.downloaded(files, files.good.location));
  await ctx.step(`${verified}. station reports SignatureVerified`, () => flow.status('SignatureVerified'));
}

/** Steps 3-8 of TC_L_14_CS to TC_L_16_CS: the station downloads at once (Downloading, Downloaded, SignatureVerified). */
export async function downloadedAtOnce(update: UpdateDuringTransaction): Promise<void> {
  const { ctx } = update;
  await ctx.step('3-4. station reports Downloading', () => update.flow.status('Downloading'));
  await verifiedDownload(update, '5-6', '7-8');
}

/**
 * TC_L_12_CS and TC_L_14_CS: while the update (or its installation: `waiting`) waits, a session starts on <Configured
 * second Connector>, then the first and the second transaction end, as the steps `numbers`; the connector reports meanwhile
 * are the sessions'. Returns when the harness asked for the driver action that ended the last transaction (the station may
 * report the update before that transaction's Ended event is delivered, not before the action).
 */
export async function secondSessionWhileUpdateWaits(update: UpdateDuringTransaction, numbers: readonly [number, number, number], waiting: 'update' | 'installation'): Promise<Date> {
  const { ctx } = update;
  const other = new ChargingSession(ctx, { evse: secondConnector(ctx.config), idToken: ctx.config.configured.idTokens.valid2 });
  await update.flow.duringSessions(async () => {
    try {
      await ctx.step(`${numbers[0]}. Reusable State EnergyTransferStarted for <Configured second Connector> (EVSE ${other.evse.evseId}): a new session while the ${waiting} waits`, () => energyTransferStarted(other));
      await ctx.step(`${numbers[1]}. Reusable State ParkingBayUnoccupied for <Configured connectorId>: the first transaction ends`, () => parkingBayUnoccupied(update.session));
      await ctx.step(`${numbers[2]}. Reusable State ParkingBayUnoccupied for <Configured second Connector>: the second transaction ends`, () => parkingBayUnoccupied(other));
    } finally {
      await returnToIdle(other);
    }
  });
  return new Date(other.lastActionAt);
}

/** TC_L_13_CS and TC_L_15_CS: the one transaction ends (ParkingBayUnoccupied) as step `number`; returns when the harness asked for the action that ended it. */
export async function transactionEndsWhileUpdateWaits(update: UpdateDuringTransaction, number: number): Promise<Date> {
  const { ctx } = update;
  await ctx.step(`${number}. Reusable State ParkingBayUnoccupied: the transaction ends`, () => parkingBayUnoccupied(update.session));
  return new Date(update.session.lastActionAt);
}

/** The status the flow took last (`what`) came after `endedAt`, when the harness asked for the action that ended the last transaction (`transaction` names it). */
export function cameAfterTransaction(update: UpdateDuringTransaction, what: string, transaction: string, endedAt: Date): void {
  const { ctx, flow } = update;
  ctx.check.that(`${what} comes after ${transaction} ended`, (flow.lastReceivedAt?.getTime() ?? 0) >= endedAt.getTime(), `after ${endedAt.toISOString()} (the action that ended the transaction)`, flow.lastReceivedAt?.toISOString() ?? '-');
}

/**
 * Steps 8-26 of TC_L_12_CS and TC_L_13_CS, once the last transaction ended (at `endedAt`; `two`: there were two): Downloading,
 * not before that, then Downloaded, SignatureVerified, the installation up to Installed, and SecurityEventNotification FirmwareUpdated.
 */
export async function updatedAfterTransactions(update: UpdateDuringTransaction, endedAt: Date, two: boolean): Promise<void> {
  const { ctx } = update;
  await ctx.step(`8-9. once ${two ? 'both transactions have' : 'the transaction has'} ended the station reports Downloading`, async () => {
    await update.flow.status('Downloading');
    cameAfterTransaction(update, 'Downloading', two ? 'the second transaction' : 'the transaction', endedAt);
  });
  await verifiedDownload(update, '10-11', '12-13');
  await ctx.step('14-24. station installs (optional Unavailable connectors and reboots, Installing) and reports Installed', () => update.flow.installation(['Installed']));
  await ctx.step('25-26. station sends SecurityEventNotificationRequest FirmwareUpdated', () => update.flow.securityEvent('FirmwareUpdated'));
}

/** What a station does with an update during a transaction (configured.firmware.duringTransaction). */
export type DuringTransaction = RunConfig['configured']['firmware']['duringTransaction'];

/** Why a case written for stations that do `expected` with an update during a transaction does not apply to this one (undefined: it applies). */
export function updatesDuringTransactionOtherwise(config: RunConfig, expected: DuringTransaction): string | undefined {
  const actual = config.configured.firmware.duringTransaction;
  if (actual === expected) return undefined;
  if (expected === 'nothing') return `the station can ${actual === 'downloadOnly' ? 'download' : 'download and install'} during a transaction (configured.firmware.duringTransaction)`;
  if (expected === 'downloadOnly') return 'the station does not download during a transaction and install after it (configured.firmware.duringTransaction is not downloadOnly, Part 5 AQ-7)';
  return 'the station does not update its firmware during a transaction (configured.firmware.duringTransaction is not everything, Part 5 C-43)';
}

/** Why TC_L_12_CS / TC_L_14_CS (a second session while the update waits) cannot run on this station: no AllowNewSessionsPendingFirmwareUpdate, or one EVSE. */
export function secondSessionUnavailable(config: RunConfig): string | undefined {
  if (!config.configured.firmware.allowNewSessions) return 'the station does not implement AllowNewSessionsPendingFirmwareUpdate (configured.firmware.allowNewSessions, Part 5 C-20)';
  return secondConnector(config) ? undefined : 'the station has one EVSE, and the case needs a second transaction (station.evses, Part 5 HFS-8 > 1)';
}

/** The Before configuration of TC_L_12_CS to TC_L_15_CS: ChargingStation.AllowNewSessionsPendingFirmwareUpdate `allow`. */
export const allowNewSessionsPending = (allow: boolean): ConfigurationSetting => setting('ChargingStation', 'AllowNewSessionsPendingFirmwareUpdate', String(allow));
