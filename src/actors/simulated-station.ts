/** The harness's own Charging Station behind the CSMS cases: answers the CSMS's CALLs no step waits for as a real station does, and sends what follows them (report parts, triggered messages, the reboot after a reset). */
import type { IncomingCall, OcppConnection } from '../ocpp/connection';
import type { OcppAction, OcppRequests, OcppResponses } from '../ocpp/generated';
import type { EventDataType } from '../ocpp/generated/definitions';
import { createDeviceModel, type DeviceModel, type ReportData } from '../reference/station/device-model';
import type { EvseLayout } from '../engine/config';
import { nextEventId } from './ids';

/** What the simulated station is made of (from the run config). */
export interface SimulatedStationSettings {
  readonly evses: readonly EvseLayout[];
  /** How long the station is away after a reset before it connects again (config.station.reconnectDelayMs). */
  readonly reconnectDelayMs: number;
  /** The local authorization list version it reports until the CSMS sends a list (config.configured.localListVersion). */
  readonly localListVersion: number;
}

/** What the simulated station needs of the actor that carries it: the connection, the boot, a restart and the evidence. */
export interface StationHost {
  /** The open connection, if any. */
  readonly connection: OcppConnection | undefined;
  /** True when the last BootNotification on this connection was accepted. */
  readonly isAccepted: boolean;
  /** Sends a BootNotification with the given reason and remembers whether it was accepted. */
  boot(reason: 'Triggered'): Promise<OcppResponses['BootNotification']>;
  /** Goes down, waits the configured reconnect delay, connects again and boots with `reason`; resolves with the boot answer. */
  restart(reason: 'RemoteReset'): Promise<OcppResponses['BootNotification']>;
  /** Records something the station did in the background, or a failure of it, in the evidence (never a verdict). */
  note(detail: string): void;
}

/** What the station sends after it answered, on the connection the CALL came on: one CALL, or several in order. */
type FollowUp = (connection: OcppConnection) => Promise<unknown>;

/** An answer, and what follows it. */
interface Reply<A extends OcppAction> {
  readonly response: OcppResponses[A];
  readonly after?: FollowUp;
}

type Answer<A extends OcppAction> = (payload: OcppRequests[A]) => Reply<A>;
type Answers = { [A in OcppAction]?: Answer<A> };

/** An answer with nothing after it. */
const just = <A extends OcppAction>(response: OcppResponses[A]): Reply<A> => ({ response });

/**
 * The simulated station: a device model (the reference station's standard component-variables for the configured
 * EVSEs), its connectors' availability and its local list version. `answer` replies to a CSMS CALL at once, with a
 * schema-valid answer; what a real station sends after such an answer (NotifyReport parts, a triggered message, the
 * StatusNotifications of an availability change, a reboot after a reset) goes out afterwards, on the connection the
 * CALL came on, behind whatever CALL of ours is still open (the connection keeps one outstanding CALL per side).
 */
export class SimulatedStation {
  /** The station's device model (GetVariables, SetVariables, GetBaseReport, GetReport work on it). */
  readonly deviceModel: DeviceModel;
  private host: StationHost | undefined;
  private localListVersion: number;
  /** Connectors the CSMS made Inoperative, by "evseId/connectorId". */
  private readonly inoperative = new Set<string>();
  private readonly answers: Answers;

  constructor(readonly settings: SimulatedStationSettings) {
    this.deviceModel = createDeviceModel({ evses: settings.evses.map((e) => ({ id: e.id, connectors: [...e.connectors] })) });
    this.localListVersion = settings.localListVersion;
    this.answers = this.buildAnswers();
  }

  /** Connects the station to the actor that carries it (done once by the StationActor). */
  bind(host: StationHost): void {
    this.host = host;
  }

  /** Answers `call` at once (a CALLERROR NotImplemented only for an action a station never receives), then sends what follows. */
  answer(call: IncomingCall): void {
    const answer = this.answers[call.action] as Answer<OcppAction> | undefined;
    if (!answer) return call.respondError('NotImplemented', `a Charging Station does not receive ${call.action}`);
    const { response, after } = answer(call.payload);
    call.respond(response as never);
    if (after) this.inBackground(call.action, () => after(call.connection));
  }

  private inBackground(action: string, work: () => Promise<unknown>): void {
    work().catch((error: unknown) => this.host?.note(`after answering ${action}: ${error instanceof Error ? error.message : String(error)}`));
  }

  /** Every connector of the layout, with the status it reports. */
  private connectors(evseId?: number, connectorId?: number): { evseId: number; connectorId: number; status: 'Available' | 'Unavailable' }[] {
    return this.settings.evses
      .filter((e) => evseId === undefined || evseId === 0 || e.id === evseId)
      .flatMap((e) => e.connectors.filter((c) => connectorId === undefined || c === connectorId).map((c) => ({ evseId: e.id, connectorId: c, status: this.inoperative.has(`${e.id}/${c}`) ? ('Unavailable' as const) : ('Available' as const) })));
  }

  /** Sends a StatusNotificationRequest for each of `connectors`, one after the other. */
  private async reportStatus(connection: OcppConnection, connectors: ReturnType<SimulatedStation['connectors']>): Promise<void> {
    const timestamp = new Date().toISOString();
    for (const { evseId, connectorId, status } of connectors) await connection.call('StatusNotification', { timestamp, connectorStatus: status, evseId, connectorId });
  }

  /** Sends `data` as NotifyReportRequests of at most ItemsPerMessage[GetReport] entries: seqNo from 0, tbc true on all but the last. */
  private async sendReport(connection: OcppConnection, requestId: number, data: readonly ReportData[]): Promise<void> {
    const pages = this.deviceModel.pageReport(data, this.deviceModel.getNumber('DeviceDataCtrlr', { name: 'ItemsPerMessage', instance: 'GetReport' }));
    const generatedAt = new Date().toISOString();
    for (const [seqNo, reportData] of pages.entries()) {
      await connection.call('NotifyReport', { requestId, generatedAt, seqNo, tbc: seqNo < pages.length - 1, reportData });
    }
  }

  /** The message a TriggerMessageRequest asks for, sent after the answer; or why the station does not send it. */
  private triggered({ requestedMessage, evse }: OcppRequests['TriggerMessage']): Reply<'TriggerMessage'> {
    const host = this.host;
    const accepted = (after: FollowUp): Reply<'TriggerMessage'> => ({ response: { status: 'Accepted' }, after });
    if (evse !== undefined && evse.id !== 0 && this.connectors(evse.id, evse.connectorId).length === 0) return just({ status: 'Rejected', statusInfo: { reasonCode: 'UnknownEvse' } });
    switch (requestedMessage) {
      case 'BootNotification':
        // F06.FR.17: a station the CSMS has accepted does not boot again on request.
        if (!host || host.isAccepted) return just({ status: 'Rejected', statusInfo: { reasonCode: 'AlreadyAccepted' } });
        return accepted(() => host.boot('Triggered'));
      case 'Heartbeat':
        return accepted((connection) => connection.call('Heartbeat', {}));
      case 'StatusNotification':
        return accepted((connection) => this.reportStatus(connection, this.connectors(evse?.id, evse?.connectorId)));
      case 'MeterValues':
        return accepted((connection) => {
          const timestamp = new Date().toISOString();
          return connection.call('MeterValues', { evseId: evse?.id ?? 0, meterValue: [{ timestamp, sampledValue: [{ value: 0, context: 'Trigger', measurand: 'Energy.Active.Import.Register', unitOfMeasure: { unit: 'Wh' } }] }] });
        });
      case 'FirmwareStatusNotification':
        return accepted((connection) => connection.call('FirmwareStatusNotification', { status: 'Idle' }));
      case 'LogStatusNotification':
        return accepted((connection) => connection.call('LogStatusNotification', { status: 'Idle' }));
      case 'TransactionEvent':
        // The transactions belong to the case's steps; the background station has none of its own to report.
        return just({ status: 'Rejected', statusInfo: { reasonCode: 'NoTransaction' } });
      default:
        // Certificate signing, ISO 15118 and local firmware publishing are not part of the simulated station.
        return just({ status: 'NotImplemented' });
    }
  }

  /** Accepted for known connectors; the connectors whose availability changed report it afterwards. */
  private changeAvailability({ operationalStatus, evse }: OcppRequests['ChangeAvailability']): Reply<'ChangeAvailability'> {
    const affected = this.connectors(evse?.id, evse?.connectorId);
    if (evse !== undefined && evse.id !== 0 && affected.length === 0) return just({ status: 'Rejected', statusInfo: { reasonCode: 'UnknownEvse' } });
    const changed = affected.filter((c) => (c.status === 'Available') !== (operationalStatus === 'Operative'));
    for (const { evseId, connectorId } of changed) {
      if (operationalStatus === 'Operative') this.inoperative.delete(`${evseId}/${connectorId}`);
      else this.inoperative.add(`${evseId}/${connectorId}`);
    }
    const now = changed.map((c) => ({ ...c, status: operationalStatus === 'Operative' ? ('Available' as const) : ('Unavailable' as const) }));
    // B02.FR.02: a station the CSMS has not accepted yet sends nothing it was not asked for; it reports the change once accepted.
    const report = now.length > 0 && this.host?.isAccepted === true;
    return { response: { status: 'Accepted' }, after: report ? (connection) => this.reportStatus(connection, now) : undefined };
  }

  /** Accepted; the station goes down, comes back after the configured delay, boots (RemoteReset) and reports its connectors. */
  private reset({ evseId }: OcppRequests['Reset']): Reply<'Reset'> {
    const host = this.host;
    if (evseId !== undefined) return just(this.settings.evses.some((e) => e.id === evseId) ? { status: 'Accepted' } : { status: 'Rejected', statusInfo: { reasonCode: 'UnknownEvse' } });
    if (!host) return just({ status: 'Rejected' });
    return {
      response: { status: 'Accepted' },
      after: async () => {
        const boot = await host.restart('RemoteReset');
        const connection = host.connection;
        if (boot.status === 'Accepted' && connection) await this.reportConnectors(connection);
      },
    };
  }

  /** Every connector's StatusNotificationRequest, then one NotifyEventRequest (AvailabilityState) for all: what a station sends once accepted. */
  async reportConnectors(connection: OcppConnection): Promise<void> {
    const connectors = this.connectors();
    await this.reportStatus(connection, connectors);
    const timestamp = new Date().toISOString();
    await connection.call('NotifyEvent', { generatedAt: timestamp, seqNo: 0, eventData: connectors.map((c) => availabilityEvent(c.evseId, c.connectorId, c.status, timestamp)) });
  }

  private buildAnswers(): Answers {
    const dm = this.deviceModel;
    return {
      GetVariables: ({ getVariableData }) => just({ getVariableResult: dm.getVariables(getVariableData) }),
      SetVariables: ({ setVariableData }) => just({ setVariableResult: dm.setVariables(setVariableData) }),
      GetBaseReport: ({ requestId, reportBase }) => {
        const data = dm.report(reportBase);
        return { response: { status: 'Accepted' }, after: (connection) => this.sendReport(connection, requestId, data) };
      },
      GetReport: ({ requestId, componentCriteria, componentVariable }) => {
        const data = dm.customReport(componentCriteria ?? [], componentVariable ?? []);
        if (data.length === 0) return just({ status: 'EmptyResultSet', statusInfo: { reasonCode: 'NotFound' } });
        return { response: { status: 'Accepted' }, after: (connection) => this.sendReport(connection, requestId, data) };
      },
      TriggerMessage: (payload) => this.triggered(payload),
      ChangeAvailability: (payload) => this.changeAvailability(payload),
      Reset: (payload) => this.reset(payload),
      ClearCache: () => just({ status: dm.has('AuthCacheCtrlr', 'Enabled') ? 'Accepted' : 'Rejected' }),
      GetLocalListVersion: () => just({ versionNumber: this.localListVersion }),
      SendLocalList: ({ versionNumber, updateType }) => {
        if (updateType === 'Differential' && versionNumber <= this.localListVersion) return just({ status: 'VersionMismatch' });
        this.localListVersion = versionNumber;
        return just({ status: 'Accepted' });
      },
      DataTransfer: () => just({ status: 'UnknownVendorId' }),
      GetInstalledCertificateIds: () => just({ status: 'NotFound' }),
      InstallCertificate: () => just({ status: 'Rejected' }),
      DeleteCertificate: () => just({ status: 'NotFound' }),
      CertificateSigned: () => just({ status: 'Rejected' }),
      GetTransactionStatus: ({ transactionId }) => just(transactionId === undefined ? { messagesInQueue: false } : { ongoingIndicator: false, messagesInQueue: false }),
      RequestStartTransaction: () => just({ status: 'Rejected' }),
      RequestStopTransaction: () => just({ status: 'Rejected' }),
      CancelReservation: () => just({ status: 'Rejected' }),
      ReserveNow: () => just({ status: 'Rejected' }),
      UnlockConnector: ({ evseId, connectorId }) => just({ status: evseId !== 0 && this.connectors(evseId, connectorId).length > 0 ? 'Unlocked' : 'UnknownConnector' }),
      GetChargingProfiles: () => just({ status: 'NoProfiles' }),
      SetChargingProfile: () => just({ status: 'Rejected' }),
      ClearChargingProfile: () => just({ status: 'Unknown' }),
      GetCompositeSchedule: () => just({ status: 'Rejected' }),
      SetDisplayMessage: () => just({ status: 'Rejected' }),
      GetDisplayMessages: () => just({ status: 'Unknown' }),
      ClearDisplayMessage: () => just({ status: 'Unknown' }),
      CostUpdated: () => just({}),
      CustomerInformation: ({ requestId, report }) => ({
        response: { status: 'Accepted' },
        // B02.FR.02: only TriggerMessage, GetBaseReport and GetReport make a station that is not accepted yet send anything.
        after: report && this.host?.isAccepted === true ? (connection) => connection.call('NotifyCustomerInformation', { data: 'no customer data held', seqNo: 0, tbc: false, generatedAt: new Date().toISOString(), requestId }) : undefined,
      }),
      GetLog: () => just({ status: 'Rejected' }),
      UpdateFirmware: () => just({ status: 'Rejected' }),
      PublishFirmware: () => just({ status: 'Rejected' }),
      UnpublishFirmware: () => just({ status: 'NoFirmware' }),
      SetNetworkProfile: () => just({ status: 'Rejected' }),
      GetMonitoringReport: () => just({ status: 'EmptyResultSet' }),
      SetMonitoringBase: () => just({ status: 'NotSupported' }),
      SetMonitoringLevel: () => just({ status: 'Rejected' }),
      SetVariableMonitoring: ({ setMonitoringData }) =>
        just({ setMonitoringResult: setMonitoringData.map(({ id, type, severity, component, variable }) => ({ ...(id === undefined ? {} : { id }), status: 'UnsupportedMonitorType' as const, type, severity, component, variable })) }),
      ClearVariableMonitoring: ({ id }) => just({ clearMonitoringResult: id.map((monitor) => ({ id: monitor, status: 'NotFound' as const })) }),
    };
  }
}

/** A NotifyEventRequest eventData entry reporting a connector's AvailabilityState (for the station's connector reports). */
export function availabilityEvent(evseId: number, connectorId: number, status: string, timestamp: string): EventDataType {
  return {
    eventId: nextEventId(),
    timestamp,
    trigger: 'Delta',
    actualValue: status,
    eventNotificationType: 'HardWiredNotification',
    component: { name: 'Connector', evse: { id: evseId, connectorId } },
    variable: { name: 'AvailabilityState' },
  };
}
