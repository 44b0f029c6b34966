/** The reference Charging Station: a small, conformant station used as the default SUT, the self-test target and the host of faults. */
import type { StationAction } from '../../drivers/actions';
import type { IncomingCall, OcppConnection } from '../../ocpp/connection';
import type { OcppAction, OcppRequests, OcppResponses } from '../../ocpp/generated';
import { connectOcpp } from '../../transport/client';
import { carriesCustomData, type StationFault } from '../faults';
import { createDeviceModel, type DeviceModel } from './device-model';
import type { BootReason, BootState, CallHandler, CallHandlers, StationFeature, StationRuntime, TriggerName } from './feature';
import type { ReferenceStationOptions } from './options';
import { provisioningFeature } from './provisioning';

export type { ReferenceStationOptions } from './options';

/** A conformant Charging Station: the boot cycle and connection here, each functional block in a feature of its own. */
export class ReferenceStation implements StationRuntime {
  readonly deviceModel: DeviceModel;
  private connection: OcppConnection | undefined;
  private state: BootState = 'offline';
  private bootReason: BootReason = 'PowerUp';
  private securityEvent: 'StartupOfTheDevice' | 'ResetOrReboot' = 'StartupOfTheDevice';
  private stopped = false;
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly features: readonly StationFeature[];
  private readonly handlers: CallHandlers;

  constructor(readonly options: ReferenceStationOptions) {
    this.deviceModel = createDeviceModel(
      { evses: options.evses.map((e) => ({ id: e.id, connectors: [...e.connectors] })) },
      { 'SecurityCtrlr.Identity': options.stationId, ...(options.password === undefined ? {} : { 'SecurityCtrlr.BasicAuthPassword': options.password }) },
    );
    this.features = [provisioningFeature(this, () => this.reportConnectors(), () => this.bootAgain('Triggered'))];
    this.handlers = Object.assign({ TriggerMessage: (call: IncomingCall<'TriggerMessage'>) => this.onTrigger(call.payload) }, ...this.features.map((f) => f.handlers ?? {}));
  }

  /** The boot state, for features and tests. */
  get bootState(): BootState {
    return this.state;
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
    this.state = 'offline';
    this.bootReason = reason;
    this.securityEvent = 'ResetOrReboot';
    await this.connection?.close(1000, 'rebooting');
    await this.connectWithRetry();
  }

  /** Performs a driver action: a power cycle here, anything else in the feature that knows it. */
  async perform(action: StationAction): Promise<void> {
    if (action.kind === 'reboot') return this.reboot('PowerUp');
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

  private clearTimers(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  private async connectWithRetry(): Promise<void> {
    while (!this.stopped) {
      try {
        const connection = await connectOcpp({ ...this.options, connectTimeoutMs: this.options.timeoutMs, callTimeoutMs: this.options.timeoutMs });
        this.connection = connection;
        connection.on('call', (call: IncomingCall) => void this.answer(call));
        connection.on('close', () => {
          if (this.connection !== connection) return;
          this.state = 'offline';
          // A station whose CSMS went away keeps trying to get back, as a real one does.
          if (!this.stopped) this.later(this.options.reconnectDelayMs ?? 500, () => void this.reconnect());
        });
        void this.boot();
        return;
      } catch (error) {
        this.log(`cannot connect: ${(error as Error).message}`);
        await new Promise<void>((resolve) => this.later(this.options.reconnectDelayMs ?? 500, resolve));
      }
    }
  }

  private async reconnect(): Promise<void> {
    if (this.stopped || this.connection?.isOpen) return;
    this.bootReason = 'PowerUp';
    await this.connectWithRetry();
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
    if (!this.has('boot.noConnectorStatus')) await this.reportConnectors();
    if (!this.has('boot.noSecurityEvent')) await this.send('SecurityEventNotification', { type: this.securityEvent, timestamp: new Date().toISOString() });
    this.bootReason = 'PowerUp';
    for (const feature of this.features) await feature.onAccepted?.();
  }

  private async reportConnectors(): Promise<void> {
    for (const evse of this.options.evses) {
      for (const connectorId of evse.connectors) {
        await this.send('StatusNotification', { timestamp: new Date().toISOString(), connectorStatus: 'Available', evseId: evse.id, connectorId });
      }
    }
  }

  private async answer(call: IncomingCall): Promise<void> {
    // Let the answer to our own BootNotification, which may have arrived in the same TCP read, update the boot state first.
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (this.state === 'Rejected') return call.respondError('SecurityError', 'the station has not been accepted by the CSMS');
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
    if (!trigger) return { status: 'NotImplemented' };
    if (trigger.accepts && !trigger.accepts(request.evse?.id)) return { status: 'Rejected' };
    this.later(0, () => void trigger.send(request.evse?.id));
    return { status: 'Accepted' };
  }
}
