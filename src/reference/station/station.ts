/** The reference Charging Station: a small, conformant station used as the default SUT, the self-test target and the host of faults. */
import type { IncomingCall, OcppConnection } from '../../ocpp/connection';
import type { OcppAction, OcppRequests, OcppResponses } from '../../ocpp/generated';
import { connectOcpp } from '../../transport/client';
import type { TlsOptions } from '../../transport/security';
import type { EvseLayout } from '../../engine/config';
import { carriesCustomData, type StationFault } from '../faults';
import { createDeviceModel, type DeviceModel } from './device-model';

/** How the reference station is set up. */
export interface ReferenceStationOptions {
  readonly csmsUrl: string;
  readonly stationId: string;
  readonly password?: string;
  readonly tls?: TlsOptions;
  readonly evses: readonly EvseLayout[];
  readonly vendorName: string;
  readonly model: string;
  /** Upper bound of each wait of the station itself (connect, answers to its CALLs). */
  readonly timeoutMs: number;
  /** Wait between connection attempts when the CSMS cannot be reached. */
  readonly reconnectDelayMs?: number;
  readonly faults?: ReadonlySet<StationFault>;
  /** Called with every problem the station meets (lost answers, refused connections), for logs. */
  readonly log?: (message: string) => void;
}

type BootState = 'offline' | 'booting' | 'Pending' | 'Rejected' | 'Accepted';
type BootReason = OcppRequests['BootNotification']['reason'];
type Handler<A extends OcppAction> = (call: IncomingCall<A>) => OcppResponses[A] | Promise<OcppResponses[A]>;

/** A conformant Charging Station with the device model, boot cycle and answers the implemented cases need. */
export class ReferenceStation {
  readonly deviceModel: DeviceModel;
  private connection: OcppConnection | undefined;
  private state: BootState = 'offline';
  private bootReason: BootReason = 'PowerUp';
  private securityEvent: 'StartupOfTheDevice' | 'ResetOrReboot' = 'StartupOfTheDevice';
  private stopped = false;
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly handlers: { [A in OcppAction]?: Handler<A> };

  constructor(readonly options: ReferenceStationOptions) {
    this.deviceModel = createDeviceModel(
      { evses: options.evses.map((e) => ({ id: e.id, connectors: [...e.connectors] })) },
      { 'SecurityCtrlr.Identity': options.stationId, ...(options.password === undefined ? {} : { 'SecurityCtrlr.BasicAuthPassword': options.password }) },
    );
    this.handlers = {
      Reset: () => this.onReset(),
      SetVariables: (call) => ({ setVariableResult: this.setVariables(call.payload) }),
      GetVariables: (call) => ({ getVariableResult: this.getVariables(call.payload) }),
      GetBaseReport: (call) => this.onGetBaseReport(call.payload),
      RequestStartTransaction: () => this.onRequestStart(),
      TriggerMessage: (call) => this.onTrigger(call.payload),
      DataTransfer: () => ({ status: this.has('dataTransfer.acceptsUnknownVendor') ? 'Accepted' : 'UnknownVendorId' }),
    };
  }

  /** The boot state, for tests. */
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
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    await this.connection?.close(1000, 'station stopped');
    this.connection = undefined;
  }

  /** A power cycle: drops the connection, connects again and boots with reason PowerUp. */
  async reboot(reason: BootReason = 'PowerUp'): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.state = 'offline';
    this.bootReason = reason;
    this.securityEvent = 'ResetOrReboot';
    await this.connection?.close(1000, 'rebooting');
    await this.connectWithRetry();
  }

  private has(fault: StationFault): boolean {
    return this.options.faults?.has(fault) ?? false;
  }

  private log(message: string): void {
    this.options.log?.(`[station ${this.options.stationId}] ${message}`);
  }

  private later(ms: number, action: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      action();
    }, ms);
    this.timers.add(timer);
  }

  private async connectWithRetry(): Promise<void> {
    while (!this.stopped) {
      try {
        const connection = await connectOcpp({ ...this.options, connectTimeoutMs: this.options.timeoutMs, callTimeoutMs: this.options.timeoutMs });
        this.connection = connection;
        connection.on('call', (call: IncomingCall) => void this.answer(call));
        connection.on('close', () => {
          if (this.connection === connection) this.state = 'offline';
        });
        void this.boot();
        return;
      } catch (error) {
        this.log(`cannot connect: ${(error as Error).message}`);
        await new Promise<void>((resolve) => this.later(this.options.reconnectDelayMs ?? 500, resolve));
      }
    }
  }

  /** Sends a CALL, logging instead of throwing when it gets no good answer (the station carries on, as a real one would). */
  private async send<A extends OcppAction>(action: A, payload: OcppRequests[A]): Promise<OcppResponses[A] | undefined> {
    const connection = this.connection;
    if (!connection?.isOpen) return undefined;
    try {
      return await connection.call(action, payload, { unchecked: this.has('boot.invalidPayload') && action === 'BootNotification' });
    } catch (error) {
      this.log(`${action} failed: ${(error as Error).message}`);
      return undefined;
    }
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
    const interval = response.interval;
    if (response.status === 'Accepted') {
      if (interval > 0) this.deviceModel.set('OCPPCommCtrlr', 'HeartbeatInterval', String(interval));
      await this.afterAccepted();
      return;
    }
    const retryMs = response.status === 'Rejected' && this.has('boot.retryTooEarly') ? 0 : interval * 1000;
    this.later(retryMs, () => {
      if (this.state === response.status) void this.boot();
    });
  }

  private async afterAccepted(): Promise<void> {
    if (!this.has('boot.noConnectorStatus')) await this.reportConnectors();
    if (!this.has('boot.noSecurityEvent')) {
      await this.send('SecurityEventNotification', { type: this.securityEvent, timestamp: new Date().toISOString() });
    }
    this.bootReason = 'PowerUp';
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
    if (this.state === 'Rejected') {
      return call.respondError('SecurityError', `the station is not accepted by the CSMS (boot state ${this.state})`);
    }
    if (this.has('customData.refused') && carriesCustomData(call.payload)) {
      return call.respondError('FormatViolation', 'customData is not accepted');
    }
    const handler = this.handlers[call.action] as Handler<OcppAction> | undefined;
    if (!handler) return call.respondError('NotSupported', `the reference station does not support ${call.action}`);
    try {
      call.respond(await handler(call));
    } catch (error) {
      call.respondError('InternalError', (error as Error).message);
    }
  }

  private onReset(): OcppResponses['Reset'] {
    if (this.has('reset.rejected')) return { status: 'Rejected' };
    this.later(0, () => void this.reboot('RemoteReset'));
    return { status: 'Accepted' };
  }

  private setVariables(request: OcppRequests['SetVariables']): OcppResponses['SetVariables']['setVariableResult'] {
    if (this.has('variables.setRejected')) {
      return request.setVariableData.map((d) => ({ attributeType: d.attributeType, attributeStatus: 'Rejected', component: d.component, variable: d.variable }));
    }
    if (this.has('variables.staleRead')) {
      return request.setVariableData.map((d) => ({ attributeType: d.attributeType, attributeStatus: 'Accepted', component: d.component, variable: d.variable }));
    }
    return this.deviceModel.setVariables(request.setVariableData);
  }

  private getVariables(request: OcppRequests['GetVariables']): OcppResponses['GetVariables']['getVariableResult'] {
    return this.deviceModel.getVariables(request.getVariableData);
  }

  private onGetBaseReport(request: OcppRequests['GetBaseReport']): OcppResponses['GetBaseReport'] {
    const pages = this.deviceModel.pageReport(this.deviceModel.report(request.reportBase), this.deviceModel.getNumber('DeviceDataCtrlr', { name: 'ItemsPerMessage', instance: 'GetReport' }));
    this.later(0, () => void this.sendReport(request.requestId, pages));
    return { status: 'Accepted' };
  }

  private async sendReport(requestId: number, pages: readonly OcppRequests['NotifyReport']['reportData'][]): Promise<void> {
    const generatedAt = new Date().toISOString();
    for (const [seqNo, reportData] of pages.entries()) {
      await this.send('NotifyReport', { requestId, generatedAt, seqNo, tbc: seqNo < pages.length - 1, reportData });
    }
  }

  private onRequestStart(): OcppResponses['RequestStartTransaction'] {
    if (this.state === 'Pending' && !this.has('boot.pendingStartsTransaction')) {
      return { status: 'Rejected', statusInfo: { reasonCode: 'CSNotAccepted' } };
    }
    if (this.has('boot.pendingStartsTransaction')) return { status: 'Accepted' };
    return { status: 'Rejected', statusInfo: { reasonCode: 'UnsupportedRequest', additionalInfo: 'transactions are not modelled yet' } };
  }

  private onTrigger(request: OcppRequests['TriggerMessage']): OcppResponses['TriggerMessage'] {
    switch (request.requestedMessage) {
      case 'BootNotification':
        if (!this.has('boot.triggerIgnored')) {
          this.later(0, () => {
            this.bootReason = 'Triggered';
            void this.boot();
          });
        }
        return { status: 'Accepted' };
      case 'StatusNotification':
        this.later(0, () => void this.reportConnectors());
        return { status: 'Accepted' };
      case 'Heartbeat':
        this.later(0, () => void this.send('Heartbeat', {}));
        return { status: 'Accepted' };
      default:
        return { status: 'NotImplemented' };
    }
  }
}
