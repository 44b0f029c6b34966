/**
 * Scaffolding of the scripted Charging Stations of the CS readings: a bare `ws` client speaking raw OCPP-J frames,
 * with a small device model and a one-EVSE transaction model, so each scripted station behaves exactly one way; and
 * a way to run the real cases against it through the engine (target listen, the station connecting to the harness).
 */
import { createServer, type AddressInfo } from 'node:net';
import WebSocket from 'ws';
import type { DriverAction } from '../../../src/drivers/actions';
import type { Driver } from '../../../src/drivers/driver';
import { loadCases } from '../../../src/engine/catalog';
import { REFERENCE_PRESET, resolveConfig, type RunConfig, type RunConfigFile } from '../../../src/engine/config';
import type { CaseResult, StepRecord } from '../../../src/engine/results';
import { runCases } from '../../../src/engine/runner';
import { basicAuthHeader, OCPP_SUBPROTOCOL } from '../../../src/transport/security';
import { TOOL_VERSION } from '../../../src/version';

/** A JSON object as it goes over the wire. */
export type Payload = Record<string, unknown>;

/** How the scripted station answers a CSMS CALL: a CALLRESULT payload or a CALLERROR. */
export type Reply = Payload | { readonly error: string; readonly description?: string };

/** A CSMS CALL the scripted station answers its own way; undefined leaves it to the default behaviour. */
export type Handler = (payload: Payload, station: ScriptedStation) => Reply | undefined;

/** One variable of the scripted device model. */
export interface ScriptedVariable {
  readonly component: string;
  readonly evse?: { readonly id: number; readonly connectorId?: number };
  readonly variable: string;
  readonly instance?: string;
  value: string;
  readonly mutability: 'ReadOnly' | 'ReadWrite' | 'WriteOnly';
  readonly dataType: 'string' | 'decimal' | 'integer' | 'dateTime' | 'boolean' | 'OptionList' | 'SequenceList' | 'MemberList';
  readonly valuesList?: string;
}

/** How a stop that ends the transaction is reported. */
export type StopStyle =
  /** One Ended event with the stop's trigger and chargingState EVConnected. */
  | 'one'
  /** One Ended event with the stop's trigger that still says chargingState Charging (the behaviour errata 6.2.117 rules out). */
  | 'oneWhileCharging'
  /** An Updated event with the stop's trigger, then an Ended event with ChargingStateChanged and chargingState EVConnected. */
  | 'two';

/** Options of a scripted station. */
export interface ScriptedStationOptions {
  readonly config: RunConfig;
  /** The device model; default {@link standardVariables}. */
  readonly variables?: ScriptedVariable[];
  /** CSMS CALLs answered the script's way, by action. */
  readonly handlers?: Readonly<Record<string, Handler>>;
  /** How a stop that ends the transaction is reported; default 'one'. */
  readonly stop?: StopStyle;
}

const variable = (component: string, name: string, value: string, mutability: ScriptedVariable['mutability'], dataType: ScriptedVariable['dataType'] = 'string', extra: Partial<ScriptedVariable> = {}): ScriptedVariable => ({
  component,
  variable: name,
  value,
  mutability,
  dataType,
  ...extra,
});

const TX_POINTS = 'ParkingBayOccupancy,EVConnected,Authorized,PowerPathClosed,EnergyTransfer';

/**
 * The device model of a plain station with one EVSE and one connector and the core functional blocks: every required
 * variable of ChargingStation, EVSE, Connector, DeviceDataCtrlr, OCPPCommCtrlr, ClockCtrlr, SecurityCtrlr, AuthCtrlr,
 * TxCtrlr and SampledDataCtrlr, with the mutability Part 2 gives it; no authorization cache, no local list.
 */
export function standardVariables(): ScriptedVariable[] {
  const evse = { id: 1 };
  const connector = { id: 1, connectorId: 1 };
  const instance = (name: string): Partial<ScriptedVariable> => ({ instance: name });
  return [
    variable('ChargingStation', 'AvailabilityState', 'Available', 'ReadOnly', 'OptionList', { valuesList: 'Available,Occupied,Reserved,Unavailable,Faulted' }),
    variable('ChargingStation', 'Available', 'true', 'ReadOnly', 'boolean'),
    variable('ChargingStation', 'SupplyPhases', '3', 'ReadOnly', 'integer'),
    variable('EVSE', 'AvailabilityState', 'Available', 'ReadOnly', 'OptionList', { evse, valuesList: 'Available,Occupied,Reserved,Unavailable,Faulted' }),
    variable('EVSE', 'Available', 'true', 'ReadOnly', 'boolean', { evse }),
    variable('EVSE', 'Power', '0', 'ReadOnly', 'decimal', { evse }),
    variable('EVSE', 'SupplyPhases', '3', 'ReadOnly', 'integer', { evse }),
    variable('Connector', 'Available', 'true', 'ReadOnly', 'boolean', { evse: connector }),
    variable('Connector', 'ConnectorType', 'sType2', 'ReadOnly', 'string', { evse: connector }),
    variable('Connector', 'SupplyPhases', '3', 'ReadOnly', 'integer', { evse: connector }),
    ...['GetReport', 'GetVariables', 'SetVariables'].flatMap((name) => [
      variable('DeviceDataCtrlr', 'BytesPerMessage', '65000', 'ReadOnly', 'integer', instance(name)),
      variable('DeviceDataCtrlr', 'ItemsPerMessage', '100', 'ReadOnly', 'integer', instance(name)),
    ]),
    variable('OCPPCommCtrlr', 'FileTransferProtocols', 'HTTPS', 'ReadOnly', 'MemberList', { valuesList: 'HTTP,HTTPS' }),
    variable('OCPPCommCtrlr', 'MessageTimeout', '30', 'ReadOnly', 'integer', instance('Default')),
    variable('OCPPCommCtrlr', 'MessageAttemptInterval', '10', 'ReadWrite', 'integer', instance('TransactionEvent')),
    variable('OCPPCommCtrlr', 'MessageAttempts', '3', 'ReadWrite', 'integer', instance('TransactionEvent')),
    variable('OCPPCommCtrlr', 'NetworkConfigurationPriority', '1', 'ReadWrite'),
    variable('OCPPCommCtrlr', 'NetworkProfileConnectionAttempts', '3', 'ReadWrite', 'integer'),
    variable('OCPPCommCtrlr', 'OfflineThreshold', '300', 'ReadWrite', 'integer'),
    variable('OCPPCommCtrlr', 'ResetRetries', '2', 'ReadWrite', 'integer'),
    variable('OCPPCommCtrlr', 'UnlockOnEVSideDisconnect', 'true', 'ReadWrite', 'boolean'),
    variable('ClockCtrlr', 'DateTime', new Date().toISOString(), 'ReadOnly', 'dateTime'),
    variable('ClockCtrlr', 'TimeSource', 'Heartbeat', 'ReadWrite', 'SequenceList', { valuesList: 'Heartbeat,RealTimeClock' }),
    variable('SecurityCtrlr', 'CertificateEntries', '0', 'ReadOnly', 'integer'),
    variable('SecurityCtrlr', 'OrganizationName', 'Scripted', 'ReadWrite'),
    variable('SecurityCtrlr', 'SecurityProfile', '1', 'ReadOnly', 'integer'),
    variable('AuthCtrlr', 'Enabled', 'true', 'ReadWrite', 'boolean'),
    variable('AuthCtrlr', 'AuthorizeRemoteStart', 'false', 'ReadWrite', 'boolean'),
    variable('AuthCtrlr', 'LocalAuthorizeOffline', 'true', 'ReadWrite', 'boolean'),
    variable('AuthCtrlr', 'LocalPreAuthorize', 'false', 'ReadWrite', 'boolean'),
    variable('TxCtrlr', 'EVConnectionTimeOut', '60', 'ReadWrite', 'integer'),
    variable('TxCtrlr', 'StopTxOnEVSideDisconnect', 'true', 'ReadWrite', 'boolean'),
    variable('TxCtrlr', 'StopTxOnInvalidId', 'true', 'ReadWrite', 'boolean'),
    variable('TxCtrlr', 'TxStartPoint', 'EVConnected,Authorized', 'ReadWrite', 'MemberList', { valuesList: TX_POINTS }),
    variable('TxCtrlr', 'TxStopPoint', 'EVConnected', 'ReadWrite', 'MemberList', { valuesList: TX_POINTS }),
    ...['TxEndedInterval', 'TxUpdatedInterval'].map((name) => variable('SampledDataCtrlr', name, '0', 'ReadWrite', 'integer')),
    ...['TxEndedMeasurands', 'TxStartedMeasurands', 'TxUpdatedMeasurands'].map((name) => variable('SampledDataCtrlr', name, 'Energy.Active.Import.Register', 'ReadWrite', 'MemberList', { valuesList: 'Energy.Active.Import.Register' })),
  ];
}

/** The key of a component-variable, as the scripted device model matches requests. */
const keyOf = (component: { name: string; evse?: { id: number; connectorId?: number } }, name: { name: string; instance?: string }): string =>
  `${component.name}${component.evse ? `[${component.evse.id},${component.evse.connectorId ?? ''}]` : ''}.${name.name}[${name.instance ?? ''}]`;

/** A scripted Charging Station with one EVSE (id 1) and one connector (id 1). */
export class ScriptedStation {
  /** Every CALL the harness sent, in order. */
  readonly received: { readonly action: string; readonly payload: Payload }[] = [];
  readonly variables: ScriptedVariable[];
  private socket: WebSocket | undefined;
  private closed = false;
  private counter = 0;
  private readonly pending = new Map<string, (payload: Payload) => void>();
  /** Our CALLs go out one at a time (Part 4): each waits for the answer of the one before. */
  private outgoing: Promise<unknown> = Promise.resolve();
  // The one-EVSE transaction model.
  private connected = false;
  private authorizedBy: { idToken: string; type: string } | undefined;
  private tx: { id: string; seqNo: number } | undefined;
  private chargingState = 'Idle';
  private idTokenPending = false;
  private stoppedReason: string | undefined;

  constructor(private readonly options: ScriptedStationOptions) {
    this.variables = options.variables ?? standardVariables();
  }

  /** Connects to the harness (retrying until it listens) and boots. */
  start(): void {
    const { config } = this.options;
    const url = `ws://127.0.0.1:${config.csms.port}${config.csms.path}/${config.station.id}`;
    const attempt = (): void => {
      if (this.closed) return;
      const socket = new WebSocket(url, [OCPP_SUBPROTOCOL], { headers: { authorization: basicAuthHeader(config.station.id, config.station.basicAuthPassword ?? '') } });
      socket.on('error', () => undefined);
      socket.on('close', () => {
        if (this.socket === socket) this.socket = undefined;
        if (!this.closed) setTimeout(attempt, 50);
      });
      socket.on('open', () => {
        this.socket = socket;
        socket.on('message', (data) => this.onMessage(data.toString()));
        void this.call('BootNotification', { reason: 'PowerUp', chargingStation: { model: config.station.model, vendorName: config.station.vendorName } }).then(() =>
          this.call('StatusNotification', this.status('Available')),
        );
      });
    };
    attempt();
  }

  /** Disconnects for good. */
  close(): void {
    this.closed = true;
    this.socket?.terminate();
  }

  /** Sends a CALL to the harness once the previous one is answered; resolves with the answer's payload. */
  call(action: string, payload: Payload): Promise<Payload> {
    const sent = this.outgoing.then(
      () =>
        new Promise<Payload>((resolve) => {
          const socket = this.socket;
          if (!socket) return resolve({});
          const id = `station-${++this.counter}`;
          this.pending.set(id, resolve);
          socket.send(JSON.stringify([2, id, action, payload]));
          // A CALL the harness never answers must not block the rest.
          setTimeout(() => this.pending.get(id)?.({}), 2_000).unref();
        }),
    );
    this.outgoing = sent;
    return sent;
  }

  /** The driver of the station: what a lab operator would do to it. */
  get driver(): Driver {
    return { name: 'scripted', perform: (action: DriverAction) => this.perform(action) };
  }

  /** The value of a variable of the device model. */
  value(component: string, name: string): string | undefined {
    return this.variables.find((v) => v.component === component && v.variable === name && !v.evse)?.value;
  }

  private points(name: 'TxStartPoint' | 'TxStopPoint'): Set<string> {
    return new Set((this.value('TxCtrlr', name) ?? '').split(',').filter(Boolean));
  }

  private status(connectorStatus: string): Payload {
    return { timestamp: new Date().toISOString(), connectorStatus, evseId: 1, connectorId: 1 };
  }

  private async perform(action: DriverAction): Promise<void> {
    switch (action.kind) {
      case 'presentIdToken':
        return this.presented({ idToken: action.idToken.idToken, type: action.idToken.type });
      case 'plugIn':
        return this.pluggedIn();
      case 'unplug':
        return this.unplugged();
      default:
        // Anything else (a bay sensor, an EV that suspends) this station does not have: the operator can do nothing.
        return undefined;
    }
  }

  private event(eventType: 'Started' | 'Updated' | 'Ended', triggerReason: string, info: Payload = {}, extra: Payload = {}): void {
    const tx = this.tx;
    if (!tx) return;
    const payload: Payload = {
      eventType,
      timestamp: new Date().toISOString(),
      triggerReason,
      seqNo: tx.seqNo++,
      transactionInfo: { transactionId: tx.id, ...info },
      evse: { id: 1, connectorId: 1 },
      ...(this.idTokenPending && this.authorizedBy ? { idToken: this.authorizedBy } : {}),
      ...extra,
    };
    this.idTokenPending = false;
    if (eventType === 'Ended') this.tx = undefined;
    void this.call('TransactionEvent', payload);
  }

  private open(): void {
    this.tx = { id: `scripted-${Date.now()}-${++this.counter}`, seqNo: 0 };
  }

  private async presented(token: { idToken: string; type: string }): Promise<void> {
    if (this.authorizedBy) {
      if (this.authorizedBy.idToken === token.idToken && this.authorizedBy.type === token.type) return this.stopped('StopAuthorized', 'Local', token);
      // Another token while a transaction runs: asked about, and nothing else (it shares no group with the first).
      await this.call('Authorize', { idToken: token });
      return;
    }
    const answer = await this.call('Authorize', { idToken: token });
    if ((answer.idTokenInfo as { status?: string } | undefined)?.status !== 'Accepted') return;
    this.authorizedBy = token;
    this.idTokenPending = true;
    this.stoppedReason = undefined;
    if (this.tx) this.event('Updated', 'Authorized');
    else if (this.points('TxStartPoint').has('Authorized')) {
      this.open();
      this.event('Started', 'Authorized', { chargingState: this.connected ? 'EVConnected' : 'Idle' });
    }
    this.progress();
  }

  private pluggedIn(): void {
    this.connected = true;
    void this.call('StatusNotification', this.status('Occupied'));
    if (this.tx) {
      this.chargingState = 'EVConnected';
      this.event('Updated', 'CablePluggedIn', { chargingState: 'EVConnected' });
    } else if (this.points('TxStartPoint').has('EVConnected')) {
      this.open();
      this.chargingState = 'EVConnected';
      this.event('Started', 'CablePluggedIn', { chargingState: 'EVConnected' });
    }
    this.progress();
  }

  private progress(): void {
    if (!this.authorizedBy || !this.connected || !this.tx || this.chargingState === 'Charging') return;
    this.chargingState = 'Charging';
    this.event('Updated', 'ChargingStateChanged', { chargingState: 'Charging' });
  }

  private stopped(trigger: 'StopAuthorized' | 'RemoteStop', stoppedReason: 'Local' | 'Remote', token?: { idToken: string; type: string }): void {
    this.authorizedBy = undefined;
    this.stoppedReason = stoppedReason;
    if (!this.tx) return;
    const withToken = token ? { idToken: token } : {};
    const wasCharging = this.chargingState === 'Charging';
    this.chargingState = this.connected ? 'EVConnected' : 'Idle';
    const ends = ['Authorized', 'PowerPathClosed', 'EnergyTransfer'].some((point) => this.points('TxStopPoint').has(point));
    if (!ends) {
      this.event('Updated', trigger, {}, withToken);
      if (wasCharging) this.event('Updated', 'ChargingStateChanged', { chargingState: this.chargingState });
      return;
    }
    const style = this.options.stop ?? 'one';
    if (style === 'two') {
      this.event('Updated', trigger, {}, withToken);
      this.event('Ended', 'ChargingStateChanged', { chargingState: this.chargingState, stoppedReason });
      return;
    }
    this.event('Ended', trigger, { chargingState: style === 'oneWhileCharging' && wasCharging ? 'Charging' : this.chargingState, stoppedReason }, withToken);
  }

  private unplugged(): void {
    this.connected = false;
    void this.call('StatusNotification', this.status('Available'));
    if (!this.tx) return;
    this.chargingState = 'Idle';
    if (this.points('TxStopPoint').has('EVConnected') || !this.authorizedBy) {
      this.authorizedBy = undefined;
      this.event('Ended', 'EVCommunicationLost', { chargingState: 'Idle', stoppedReason: this.stoppedReason ?? 'EVDisconnected' });
    } else this.event('Updated', 'EVCommunicationLost', { chargingState: 'Idle' });
  }

  private onMessage(text: string): void {
    const frame = JSON.parse(text) as unknown[];
    if (frame[0] !== 2) {
      const resolve = this.pending.get(frame[1] as string);
      this.pending.delete(frame[1] as string);
      resolve?.(frame[0] === 3 ? (frame[2] as Payload) : {});
      return;
    }
    const [, id, action, payload] = frame as [2, string, string, Payload];
    this.received.push({ action, payload });
    const reply = this.options.handlers?.[action]?.(payload, this) ?? this.answer(action, payload);
    if ('error' in reply && typeof reply.error === 'string') this.socket?.send(JSON.stringify([4, id, reply.error, (reply.description as string | undefined) ?? '', {}]));
    else this.socket?.send(JSON.stringify([3, id, reply]));
    if (action === 'GetBaseReport' && (reply as { status?: string }).status === 'Accepted') this.report(payload);
    if (action === 'RequestStopTransaction' && (reply as { status?: string }).status === 'Accepted') this.stopped('RemoteStop', 'Remote');
  }

  /** The default behaviour of a plain station; a CALL it has no answer for gets CALLERROR NotImplemented. */
  private answer(action: string, payload: Payload): Reply {
    switch (action) {
      case 'GetVariables':
        return { getVariableResult: (payload.getVariableData as { component: { name: string; evse?: { id: number; connectorId?: number } }; variable: { name: string; instance?: string } }[]).map((data) => this.read(data)) };
      case 'SetVariables':
        return { setVariableResult: (payload.setVariableData as { component: { name: string; evse?: { id: number; connectorId?: number } }; variable: { name: string; instance?: string }; attributeValue: string }[]).map((data) => this.write(data)) };
      case 'GetBaseReport':
        return { status: payload.reportBase === 'SummaryInventory' ? 'NotSupported' : 'Accepted' };
      case 'ClearCache':
        return { status: 'Accepted' };
      case 'RequestStopTransaction':
        return { status: this.tx && this.tx.id === payload.transactionId ? 'Accepted' : 'Rejected' };
      case 'GetTransactionStatus':
        return { messagesInQueue: false };
      case 'TriggerMessage':
        return { status: 'Rejected' };
      default:
        return { error: 'NotImplemented', description: `the scripted station has no ${action}` };
    }
  }

  private find(component: { name: string; evse?: { id: number; connectorId?: number } }, name: { name: string; instance?: string }): ScriptedVariable | 'UnknownComponent' | 'UnknownVariable' {
    const key = keyOf(component, name);
    const found = this.variables.find((v) => keyOf({ name: v.component, evse: v.evse }, { name: v.variable, instance: v.instance }) === key);
    if (found) return found;
    return this.variables.some((v) => v.component === component.name) ? 'UnknownVariable' : 'UnknownComponent';
  }

  private read(data: { component: { name: string; evse?: { id: number; connectorId?: number } }; variable: { name: string; instance?: string } }): Payload {
    const found = this.find(data.component, data.variable);
    if (typeof found === 'string') return { attributeStatus: found, component: data.component, variable: data.variable };
    return { attributeStatus: 'Accepted', attributeValue: found.value, component: data.component, variable: data.variable };
  }

  private write(data: { component: { name: string; evse?: { id: number; connectorId?: number } }; variable: { name: string; instance?: string }; attributeValue: string }): Payload {
    const found = this.find(data.component, data.variable);
    if (typeof found === 'string') return { attributeStatus: found, component: data.component, variable: data.variable };
    if (found.mutability === 'ReadOnly') return { attributeStatus: 'Rejected', component: data.component, variable: data.variable };
    found.value = data.attributeValue;
    return { attributeStatus: 'Accepted', component: data.component, variable: data.variable };
  }

  /** The NotifyReportRequest of an accepted GetBaseReportRequest: every variable (FullInventory) or the writable ones (ConfigurationInventory), in one part. */
  private report(request: Payload): void {
    const writableOnly = request.reportBase === 'ConfigurationInventory';
    const reportData = this.variables
      .filter((v) => !writableOnly || v.mutability !== 'ReadOnly')
      .map((v) => ({
        component: { name: v.component, ...(v.evse ? { evse: v.evse } : {}) },
        variable: { name: v.variable, ...(v.instance ? { instance: v.instance } : {}) },
        variableAttribute: [{ type: 'Actual', mutability: v.mutability, ...(v.mutability === 'WriteOnly' ? {} : { value: v.value }) }],
        variableCharacteristics: { dataType: v.dataType, supportsMonitoring: false, ...(v.valuesList ? { valuesList: v.valuesList } : {}) },
      }));
    void this.call('NotifyReport', { requestId: request.requestId, generatedAt: new Date().toISOString(), seqNo: 0, tbc: false, reportData });
  }
}

/** A free loopback port for the harness to listen on (the scripted station connects to it, retrying until it listens). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** The run config of a scripted-station test: the reference preset's short timeouts, one EVSE, nothing optional declared, the harness on `port`. */
export function scriptedConfig(port: number, config?: RunConfigFile): RunConfig {
  const declaredNothing: RunConfigFile = {
    station: { evses: [{ id: 1, connectors: [1] }] },
    csms: { port },
    configured: { masterPassUi: false, resetPerEvse: false, summaryInventory: false, parkingBaySensor: false, iso15118Pnc: false, centralContractValidation: false },
    security: { switchProfiles: false },
    lanes: 1,
  };
  return resolveConfig(REFERENCE_PRESET, declaredNothing, config);
}

/**
 * Runs the CS case `id` through the engine against a scripted station made by `make` (target listen: the harness
 * serves, the station connects); returns the case's result. The station is closed afterwards.
 */
export async function runAgainstScriptedStation(id: string, make: (config: RunConfig) => ScriptedStation, config?: RunConfigFile): Promise<CaseResult & { readonly station: ScriptedStation }> {
  const testCase = loadCases('CS').find((c) => c.id === id);
  if (!testCase) throw new Error(`${id} is not implemented`);
  const resolved = scriptedConfig(await freePort(), config);
  const station = make(resolved);
  station.start();
  try {
    const result = await runCases({
      info: { runId: `scripted-${id}`, toolVersion: TOOL_VERSION, sut: 'CS', target: 'listen', profiles: [], startedAt: new Date().toISOString(), outDir: '' },
      cases: [testCase],
      reporter: {},
      target: { kind: 'listen' },
      config: resolved,
      driver: station.driver,
    });
    return { ...result.cases[0], station };
  } finally {
    station.close();
  }
}

/** "verdict: reason" of a case result, for one assertion that shows both when it fails. */
export const outcome = (result: CaseResult): string => `${result.verdict}: ${result.reason}`;

/** Every step title of a case result, at every depth, in order. */
export function stepTitlesOf(result: CaseResult): string[] {
  const walk = (steps: readonly StepRecord[]): string[] => steps.flatMap((s) => [s.title, ...walk(s.steps)]);
  return walk(result.steps);
}
