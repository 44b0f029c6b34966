/** The reference Charging Station: a small, conformant station used as the default SUT, the self-test target and the host of faults. */
import { chargingProfilesFeature } from './charging-profiles';
import type { StationAction } from '../../drivers/actions';
import type { IncomingCall, OcppConnection } from '../../ocpp/connection';
import type { OcppAction, OcppRequests, OcppResponses } from '../../ocpp/generated';
import { connectOcpp } from '../../transport/client';
import { carriesCustomData, type StationFault } from '../faults';
import { createDeviceModel, type DeviceModel } from './device-model';
import type { BootReason, BootState, CallHandler, CallHandlers, StationFeature, StationRuntime, TriggerName } from './feature';
import type { ReferenceStationOptions } from './options';
import { authorizationFeature } from './authorization';
import { authCacheFeature } from './auth-cache';
import { localListFeature } from './local-list';
import { masterPassFeature } from './master-pass';
import { connectorFeature, connectorReport, connectorStatusNow } from './connectors';
import { meterValuesFeature } from './meter-values';
import { provisioningFeature } from './provisioning';
import { resetFeature } from './reset';
import { reportsFeature } from './reports';
import { transactionFeature } from './transactions';
import { securityFeature, type StationSecurityFeature } from './security';
import { iso15118Feature } from './iso15118';
import { certificateFeature } from './certificate-store';
import { firmwareFeature } from './firmware';
import { logsFeature } from './logs';
import { customerInformationFeature } from './customer-information';
import { monitoringFeature } from './monitoring';
import { availabilityFeature } from './availability';
import { remoteControlFeature } from './remote-control';
import { reservationFeature } from './reservation';
import { tariffCostFeature } from './tariff-cost';
import { displayMessagesFeature } from './display-messages';

export type { ReferenceStationOptions } from './options';

/** A conformant Charging Station: the boot cycle and connection here, each functional block in a feature of its own. */
export class ReferenceStation implements StationRuntime {
  readonly deviceModel: DeviceModel;
  private connection: OcppConnection | undefined;
  private state: BootState = 'offline';
  private bootReason: BootReason = 'PowerUp';
  private securityEvent: 'StartupOfTheDevice' | 'ResetOrReboot' = 'StartupOfTheDevice';
  private stopped = false;
  /** The driver action goOffline cut the network: no reconnect until goOnline. */
  private networkDown = false;
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly features: readonly StationFeature[];
  private readonly handlers: CallHandlers;
  /** Block A: decides URL, credentials and TLS of each connection attempt. */
  private readonly security: StationSecurityFeature;
  /** Generation of the connect loop allowed to run. */
  private connectLoop = 0;
  /** The next accepted boot ends an offline period after a lost connection (not a reboot): B04 decides which connectors it reports. */
  private afterLoss = false;

  constructor(readonly options: ReferenceStationOptions) {
    this.deviceModel = createDeviceModel(
      { evses: options.evses.map((e) => ({ id: e.id, connectors: [...e.connectors] })) },
      { 'SecurityCtrlr.Identity': options.stationId, ...(options.password === undefined ? {} : { 'SecurityCtrlr.BasicAuthPassword': options.password }), ...transactionOverrides(options), 'ReservationCtrlr.NonEvseSpecific': String(options.reservationNonEvseSpecific !== false), ...(options.additionalRootCertificateCheck ? { 'SecurityCtrlr.AdditionalRootCertificateCheck': 'true' } : {}) },
    );
    this.features = [
      provisioningFeature(this, () => this.reportConnectors(), () => this.bootAgain('Triggered')),
      resetFeature(this),
      reportsFeature(this),
      connectorFeature(this),
      availabilityFeature(this),
      authorizationFeature(this),
      authCacheFeature(this),
      localListFeature(this),
      masterPassFeature(this),
      transactionFeature(this),
      meterValuesFeature(this),
      (this.security = securityFeature(this, () => void this.connection?.close(1000, 'connecting again with new security settings'))),
      iso15118Feature(this, this.security),
      remoteControlFeature(this),
      reservationFeature(this),
      certificateFeature(this, this.security),
      firmwareFeature(this, this.security),
      logsFeature(this),
      customerInformationFeature(this),
      monitoringFeature(this),
      chargingProfilesFeature(this),
      tariffCostFeature(this),
      displayMessagesFeature(this),
    ];
    this.handlers = Object.assign({ TriggerMessage: (call: IncomingCall<'TriggerMessage'>) => this.onTrigger(call.payload) }, ...this.features.map((f) => f.handlers ?? {}));
  }

  /**
   * The boot state, for features and tests. Offline as soon as the connection stops being open: once a closing
   * handshake has begun nothing more gets through, though the WebSocket reports `close` only after the TCP (and TLS)
   * teardown, a few ticks later with TLS. Until then an event must be queued as offline, not sent and counted as a
   * failed attempt.
   */
  get bootState(): BootState {
    return this.connection?.isOpen ? this.state : 'offline';
  }

  /** Connects and boots; resolves once the first connection is open (the boot goes on in the background). */
  async start(): Promise<void> {
    this.stopped = false;
    await this.connectWithRetry();
  }

  /** Disconnects for good. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.clearTimers();
    for (const feature of this.features) feature.stop?.();
    await this.connection?.close(1000, 'station stopped');
    this.connection = undefined;
  }

  /** A power cycle: drops the connection, connects again and boots with `reason`. */
  async reboot(reason: BootReason = 'PowerUp'): Promise<void> {
    this.clearTimers();
    for (const feature of this.features) feature.onReboot?.();
    this.state = 'offline';
    this.bootReason = reason;
    this.securityEvent = 'ResetOrReboot';
    this.afterLoss = false;
    // Forget the connection first, so its close does not also schedule a reconnect (which would boot with reason PowerUp).
    const connection = this.connection;
    this.connection = undefined;
    await connection?.close(1000, 'rebooting');
    await this.connectWithRetry();
  }

  /** Performs a driver action: a power cycle here, anything else in the feature that knows it. */
  async perform(action: StationAction): Promise<void> {
    if (action.kind === 'reboot') return this.reboot('PowerUp');
    if (action.kind === 'goOffline' || action.kind === 'goOnline') return this.setNetwork(action.kind === 'goOnline');
    for (const feature of this.features) if (await feature.perform?.(action)) return;
    throw new Error(`the reference station cannot perform ${action.kind}`);
  }

  has(fault: StationFault): boolean {
    return this.options.faults?.has(fault) ?? false;
  }

  log(message: string): void {
    this.options.log?.(`[station ${this.options.stationId}] ${message}`);
  }

  later(ms: number, action: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      action();
    }, ms);
    this.timers.add(timer);
  }

  async send<A extends OcppAction>(action: A, payload: OcppRequests[A]): Promise<OcppResponses[A] | undefined> {
    const connection = this.connection;
    if (!connection?.isOpen) return undefined;
    try {
      return await connection.call(action, payload, { unchecked: this.has('boot.invalidPayload') && action === 'BootNotification' });
    } catch (error) {
      this.log(`${action} failed: ${(error as Error).message}`);
      return undefined;
    }
  }

  /** The network goes down (the connection drops, no reconnect) or comes back (connect and boot as after any loss). */
  private async setNetwork(up: boolean): Promise<void> {
    this.networkDown = !up;
    if (up) return this.reconnect();
    const connection = this.connection;
    this.state = 'offline';
    connection?.terminate();
  }

  private clearTimers(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  /** `backOff`: the attempts after a lost connection, which wait as Part 4 §5.3 says ({@link backOffMs}); a (re)boot retries every reconnectDelayMs. */
  private async connectWithRetry(backOff = false): Promise<void> {
    // Only the latest loop may connect: a reboot or reconnect while an earlier loop still retries (TLS refused) must not open two connections.
    const loop = ++this.connectLoop;
    let failures = 0;
    while (!this.stopped && loop === this.connectLoop) {
      try {
        const connection = await connectOcpp({ ...this.options, ...this.security.connection(), connectTimeoutMs: this.options.timeoutMs, callTimeoutMs: messageTimeoutS(this.options) * 1000 });
        if (loop !== this.connectLoop) return void connection.close(1000, 'superseded');
        this.connection = connection;
        this.security.connected();
        connection.on('call', (call: IncomingCall) => void this.answer(call));
        connection.on('close', () => {
          if (this.connection !== connection) return;
          this.state = 'offline';
          // A station whose CSMS went away keeps trying to get back, as a real one does.
          if (!this.stopped && !this.networkDown) this.later(this.backOffMs(0), () => void this.reconnect());
        });
        void this.boot();
        return;
      } catch (error) {
        this.security.connectFailed(error);
        this.log(`cannot connect: ${(error as Error).message}`);
        failures++;
        await new Promise<void>((resolve) => this.later(backOff ? this.backOffMs(failures) : (this.options.reconnectDelayMs ?? 500), resolve));
      }
    }
  }

  private async reconnect(): Promise<void> {
    if (this.stopped || this.networkDown || this.connection?.isOpen) return;
    this.bootReason = 'PowerUp';
    this.afterLoss = true;
    await this.connectWithRetry(true);
  }

  /**
   * Part 4 §5.3: the wait before the next reconnection attempt after a lost connection and `failures` failed attempts:
   * RetryBackOffWaitMinimum, doubled after each failed attempt at most RetryBackOffRepeatTimes times, plus a random part
   * of at most RetryBackOffRandomRange (seconds, from OCPPCommCtrlr).
   */
  private backOffMs(failures: number): number {
    if (this.has('reconnect.noBackOff')) return this.options.reconnectDelayMs ?? 500;
    const seconds = (name: string): number => {
      const value = Number(this.deviceModel.get('OCPPCommCtrlr', name));
      return Number.isFinite(value) && value > 0 ? value : 0;
    };
    const doublings = this.has('reconnect.noDoubling') ? 0 : Math.min(failures, seconds('RetryBackOffRepeatTimes'));
    return (seconds('RetryBackOffWaitMinimum') * 2 ** doublings + Math.random() * seconds('RetryBackOffRandomRange')) * 1000;
  }

  private bootAgain(reason: BootReason): void {
    this.later(0, () => {
      this.bootReason = reason;
      void this.boot();
    });
  }

  private async boot(): Promise<void> {
    this.state = 'booting';
    const chargingStation = this.has('boot.invalidPayload') ? { vendorName: this.options.vendorName } : { vendorName: this.options.vendorName, model: this.options.model };
    const response = await this.send('BootNotification', { reason: this.bootReason, chargingStation } as OcppRequests['BootNotification']);
    if (!response) {
      if (this.connection?.isOpen) this.later(this.options.timeoutMs, () => void this.boot());
      return;
    }
    this.state = response.status;
    if (response.status === 'Accepted') {
      if (response.interval > 0) this.deviceModel.set('OCPPCommCtrlr', 'HeartbeatInterval', String(response.interval));
      await this.afterAccepted();
      return;
    }
    const retryMs = response.status === 'Rejected' && this.has('boot.retryTooEarly') ? 0 : response.interval * 1000;
    this.later(retryMs, () => {
      if (this.state === response.status) void this.boot();
    });
  }

  private async afterAccepted(): Promise<void> {
    // At once: a reset during the reports below sets the reason of the next boot, which must not be overwritten afterwards.
    this.bootReason = 'PowerUp';
    const afterLoss = this.afterLoss;
    this.afterLoss = false;
    if (!this.has('boot.noConnectorStatus')) await this.reportConnectors(afterLoss);
    if (!this.has('boot.noSecurityEvent')) await this.send('SecurityEventNotification', { type: this.securityEvent, timestamp: new Date().toISOString() });
    for (const feature of this.features) if (!this.stopped) await feature.onAccepted?.(); // a boot that finishes after stop() starts nothing
  }

  /** Every connector with its current status (B01.FR.05, and B04.FR.01 after an offline period); `afterLoss` only matters to the offline faults. */
  private async reportConnectors(afterLoss = false): Promise<void> {
    for (const { evseId, connectorId, status } of connectorReport(this, afterLoss)) {
      // Each connector as it is when its report goes out (a change meanwhile, e.g. a ChangeAvailability, is not reported
      // stale), except where an offline fault decides what is reported.
      const faulty = afterLoss && (this.has('offline.statusChangesLost') || this.has('offline.onlyChangedReported'));
      const now = faulty ? status : connectorStatusNow(this, evseId, connectorId);
      await this.send('StatusNotification', { timestamp: new Date().toISOString(), connectorStatus: now, evseId, connectorId });
    }
  }

  private async answer(call: IncomingCall): Promise<void> {
    // Let the answer to our own BootNotification, which may have arrived in the same TCP read, update the boot state first.
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (this.state === 'Rejected' && !this.has('boot.rejectedAnswersCalls')) return call.respondError('SecurityError', 'the station has not been accepted by the CSMS');
    if (this.has('customData.refused') && carriesCustomData(call.payload)) return call.respondError('FormatViolation', 'customData is not accepted');
    const handler = this.handlers[call.action] as CallHandler<OcppAction> | undefined;
    if (!handler) return call.respondError('NotSupported', `the reference station does not support ${call.action}`);
    try {
      call.respond(await handler(call));
    } catch (error) {
      call.respondError('InternalError', (error as Error).message);
    }
  }

  private onTrigger(request: OcppRequests['TriggerMessage']): OcppResponses['TriggerMessage'] {
    const name: TriggerName = request.requestedMessage;
    const trigger = [...this.features].reverse().find((f) => f.triggers?.[name])?.triggers?.[name];
    if (!trigger) return { status: this.has('trigger.unsupportedRejected') ? 'Rejected' : 'NotImplemented' };
    // Issue 14 faults: a trigger refused although the station could send it, or accepted and then never sent.
    if (this.has('trigger.rejected') || (trigger.accepts && !trigger.accepts(request.evse?.id, request.evse?.connectorId))) return { status: 'Rejected' };
    if (!this.has('trigger.notSent')) this.later(0, () => void trigger.send(request.evse?.id, request.evse?.connectorId));
    return { status: 'Accepted' };
  }
}

/** How long the station waits for the answer to its CALLs: the configured timeout in whole seconds, as OCPPCommCtrlr.MessageTimeout reports it. */
function messageTimeoutS(options: ReferenceStationOptions): number {
  return Math.max(1, Math.ceil(options.timeoutMs / 1000));
}

/**
 * Start-up values the transaction features depend on: MessageTimeout tells the truth about how long the station waits
 * for an answer, and on a station with several EVSEs the last one has a fixed cable (ConnectorType cType2), so cases
 * that need either a socket or a permanently attached cable find one.
 */
function transactionOverrides(options: ReferenceStationOptions): Record<string, string> {
  const overrides: Record<string, string> = { 'OCPPCommCtrlr.MessageTimeout[Default]': String(messageTimeoutS(options)) };
  const last = options.evses.length > 1 ? options.evses[options.evses.length - 1] : undefined;
  for (const connectorId of last?.connectors ?? []) overrides[`Connector[${last?.id},${connectorId}].ConnectorType`] = 'cType2';
  return overrides;
}
