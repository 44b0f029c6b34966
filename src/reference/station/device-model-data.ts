// The component-variables a conformant reference Charging Station carries (Part 2 "Referenced Components and Variables", Part 4 §8) and their default values.
import type {
  AttributeType,
  ComponentType,
  DataType,
  Mutability,
  VariableCharacteristics,
  VariableType,
} from './device-model-types';

/** The physical shape of a station: its EVSEs (ids from 1) and the connector ids of each. */
export interface StationLayout {
  readonly evses: readonly { readonly id: number; readonly connectors: readonly number[] }[];
}

/** One supported attribute type of a variable and its value at start-up (absent: not set yet). */
export interface InitialAttribute {
  readonly type: AttributeType;
  readonly value?: string;
}

/** Everything the device model knows about one component-variable before the station runs. */
export interface VariableDefinition {
  readonly component: ComponentType;
  readonly variable: VariableType;
  readonly mutability: Mutability;
  /** The value survives a reboot (Part 2 requires this of every writable variable). */
  readonly persistent: boolean;
  /** The station never changes the value at runtime. */
  readonly constant: boolean;
  readonly characteristics: VariableCharacteristics;
  /** The supported attribute types, Actual first, with their start-up values. */
  readonly attributes: readonly InitialAttribute[];
  /** A value written by the CSMS only takes effect after a reboot, so SetVariables answers RebootRequired. */
  readonly rebootRequired: boolean;
  /** The Actual value is the station clock at the moment it is read (ClockCtrlr.DateTime). */
  readonly readsClock: boolean;
}

/**
 * How a variable behaves:
 * - setting: ReadWrite configuration, persistent;
 * - secret: WriteOnly configuration, persistent;
 * - fixed: ReadOnly, never changes (capabilities, limits);
 * - stored: ReadOnly, changed by the station and kept over a reboot (counters, active profile);
 * - live: ReadOnly, changed by the station and rebuilt after a reboot (availability, power, clock).
 */
type Kind = 'setting' | 'secret' | 'fixed' | 'stored' | 'live';

const KINDS: Readonly<Record<Kind, Pick<VariableDefinition, 'mutability' | 'persistent' | 'constant'>>> = {
  setting: { mutability: 'ReadWrite', persistent: true, constant: false },
  secret: { mutability: 'WriteOnly', persistent: true, constant: false },
  fixed: { mutability: 'ReadOnly', persistent: true, constant: true },
  stored: { mutability: 'ReadOnly', persistent: true, constant: false },
  live: { mutability: 'ReadOnly', persistent: false, constant: false },
};

/** The optional parts of a variable's description. */
interface SpecOptions {
  readonly instance?: string;
  readonly unit?: string;
  readonly minLimit?: number;
  readonly maxLimit?: number;
  readonly valuesList?: string;
  /** Set this to make SetVariables answer RebootRequired for the variable. */
  readonly rebootRequired?: boolean;
  readonly readsClock?: boolean;
}

/** A variable described independently of the component it belongs to. */
interface VariableSpec extends SpecOptions {
  readonly kind: Kind;
  readonly name: string;
  readonly dataType: DataType;
  readonly value: string | undefined;
}

const specOf =
  (kind: Kind) =>
  (name: string, dataType: DataType, value: string | undefined, options: SpecOptions = {}): VariableSpec => ({
    kind,
    name,
    dataType,
    value,
    ...options,
  });

const setting = specOf('setting');
const secret = specOf('secret');
const fixed = specOf('fixed');
const stored = specOf('stored');
const live = specOf('live');

/** A fixed MemberList whose value is every allowed member (a list of supported capabilities). */
const fixedSet = (name: string, members: string): VariableSpec => fixed(name, 'MemberList', members, { valuesList: members });

/** ConnectorStatusEnumType values, as AvailabilityState reports them. */
const AVAILABILITY_STATES = 'Available,Occupied,Reserved,Unavailable,Faulted';

/** The measurands the simulated meter can produce. */
const MEASURANDS = 'Current.Import,Energy.Active.Import.Register,Power.Active.Import,Voltage';
const ENERGY_REGISTER = 'Energy.Active.Import.Register';

/** TxStartPoint values; DataSigned has no meaning as a stop point. */
const TX_START_POINTS = 'ParkingBayOccupancy,EVConnected,Authorized,DataSigned,PowerPathClosed,EnergyTransfer';
const TX_STOP_POINTS = 'ParkingBayOccupancy,EVConnected,Authorized,PowerPathClosed,EnergyTransfer';

/** The vendor id the reference station answers to in DataTransfer and customData. */
export const REFERENCE_VENDOR_ID = 'org.ocpp-ct';

/** The charging station identity used when the harness does not override SecurityCtrlr.Identity. */
export const DEFAULT_IDENTITY = 'ReferenceCS001';

const SECONDS = { unit: 's', minLimit: 0 } as const;
const COUNT = { minLimit: 0 } as const;

/** Maximum AC power of one simulated EVSE (W): a 3-phase 32 A charge point. */
const EVSE_MAX_POWER = 22000;

/** The controller components and their variables, in report order. */
const CONTROLLERS: Readonly<Record<string, readonly VariableSpec[]>> = {
  AlignedDataCtrlr: [
    fixed('Available', 'boolean', 'true'),
    setting('Enabled', 'boolean', 'true'),
    setting('Interval', 'integer', '0', SECONDS),
    setting('Measurands', 'MemberList', ENERGY_REGISTER, { valuesList: MEASURANDS }),
    setting('SendDuringIdle', 'boolean', 'false'),
    setting('SignReadings', 'boolean', 'false'),
    setting('TxEndedInterval', 'integer', '0', SECONDS),
    setting('TxEndedMeasurands', 'MemberList', ENERGY_REGISTER, { valuesList: MEASURANDS }),
  ],
  AuthCacheCtrlr: [
    fixed('Available', 'boolean', 'true'),
    setting('Enabled', 'boolean', 'true'),
    setting('LifeTime', 'integer', '86400', SECONDS),
    setting('DisablePostAuthorize', 'boolean', 'false'),
  ],
  AuthCtrlr: [
    setting('Enabled', 'boolean', 'true'),
    setting('AuthorizeRemoteStart', 'boolean', 'false'),
    setting('LocalAuthorizeOffline', 'boolean', 'true'),
    setting('LocalPreAuthorize', 'boolean', 'false'),
    setting('OfflineTxForUnknownIdEnabled', 'boolean', 'false'),
    setting('DisableRemoteAuthorization', 'boolean', 'false'),
    setting('MasterPassGroupId', 'string', undefined),
  ],
  ClockCtrlr: [
    live('DateTime', 'dateTime', undefined, { readsClock: true }),
    setting('TimeSource', 'SequenceList', 'Heartbeat', { valuesList: 'Heartbeat,RealTimeClock' }),
    setting('TimeOffset', 'string', '+00:00', { maxLimit: 6 }),
    setting('TimeOffset', 'string', undefined, { instance: 'NextTransition', maxLimit: 6 }),
    setting('NextTimeOffsetTransitionDateTime', 'dateTime', undefined),
  ],
  CustomizationCtrlr: [setting('CustomImplementationEnabled', 'boolean', 'false', { instance: REFERENCE_VENDOR_ID })],
  DeviceDataCtrlr: ['GetReport', 'GetVariables', 'SetVariables'].flatMap((instance) => [
    fixed('ItemsPerMessage', 'integer', '50', { instance }),
    fixed('BytesPerMessage', 'integer', '65000', { instance }),
  ]),
  DisplayMessageCtrlr: [
    fixed('Available', 'boolean', 'true'),
    setting('Enabled', 'boolean', 'true'),
    stored('DisplayMessages', 'integer', '0', { minLimit: 0, maxLimit: 10 }),
    fixed('PersonalMessageSize', 'integer', '255'),
    fixedSet('SupportedFormats', 'ASCII,HTML,URI,UTF8'),
    fixedSet('SupportedPriorities', 'AlwaysFront,InFront,NormalCycle'),
  ],
  // C07 Plug & Charge (iso15118.ts) and the SECC identity of its V2G certificate; one SECC for the whole station.
  ISO15118Ctrlr: [
    setting('CentralContractValidationAllowed', 'boolean', 'false'),
    setting('ContractCertificateInstallationEnabled', 'boolean', 'true'),
    setting('ContractValidationOffline', 'boolean', 'true'),
    setting('CountryName', 'string', 'NL', { maxLimit: 2 }),
    setting('OrganizationName', 'string', 'OCPP CT'),
    setting('PnCEnabled', 'boolean', 'true'),
    // Its own name, so that a CSR naming the station identity instead is told apart (fault certificates.v2gCsrWithoutSeccId).
    setting('SeccId', 'string', 'ReferenceSECC01'),
    setting('V2GCertificateInstallationEnabled', 'boolean', 'true'),
  ],
  LocalAuthListCtrlr: [
    fixed('Available', 'boolean', 'true'),
    setting('Enabled', 'boolean', 'true'),
    stored('Entries', 'integer', '0', { minLimit: 0, maxLimit: 1000 }),
    fixed('ItemsPerMessage', 'integer', '100'),
    fixed('BytesPerMessage', 'integer', '65000'),
    setting('DisablePostAuthorize', 'boolean', 'false'),
  ],
  // Block N (issue 16): variable monitoring (monitoring.ts).
  MonitoringCtrlr: [
    fixed('Available', 'boolean', 'true'),
    setting('Enabled', 'boolean', 'true'),
    fixed('ItemsPerMessage', 'integer', '20', { instance: 'ClearVariableMonitoring' }),
    fixed('ItemsPerMessage', 'integer', '20', { instance: 'SetVariableMonitoring' }),
    fixed('BytesPerMessage', 'integer', '65000', { instance: 'ClearVariableMonitoring' }),
    fixed('BytesPerMessage', 'integer', '65000', { instance: 'SetVariableMonitoring' }),
    setting('OfflineQueuingSeverity', 'integer', '5', { minLimit: 0, maxLimit: 9 }),
    stored('ActiveMonitoringBase', 'OptionList', 'All', { valuesList: 'All,FactoryDefault,HardWiredOnly' }),
    stored('ActiveMonitoringLevel', 'integer', '9', { minLimit: 0, maxLimit: 9 }),
  ],
  OCPPCommCtrlr: [
    stored('ActiveNetworkProfile', 'integer', '1'),
    fixed('FileTransferProtocols', 'MemberList', 'HTTP,HTTPS', { valuesList: 'FTP,FTPS,HTTP,HTTPS,SFTP' }),
    setting('HeartbeatInterval', 'integer', '300', { unit: 's', minLimit: 1 }),
    stored('MessageTimeout', 'integer', '30', { instance: 'Default', unit: 's', minLimit: 1 }),
    setting('MessageAttempts', 'integer', '3', { instance: 'TransactionEvent', ...COUNT }),
    setting('MessageAttemptInterval', 'integer', '60', { instance: 'TransactionEvent', ...SECONDS }),
    setting('NetworkConfigurationPriority', 'SequenceList', '1', { valuesList: '1,2' }),
    setting('NetworkProfileConnectionAttempts', 'integer', '3', COUNT),
    setting('OfflineThreshold', 'integer', '300', SECONDS),
    setting('PublicKeyWithSignedMeterValue', 'OptionList', 'OncePerTransaction', { valuesList: 'Never,OncePerTransaction,EveryMeterValue' }),
    setting('ResetRetries', 'integer', '2', COUNT),
    setting('RetryBackOffRandomRange', 'integer', '0', SECONDS),
    setting('RetryBackOffRepeatTimes', 'integer', '2', COUNT),
    setting('RetryBackOffWaitMinimum', 'integer', '1', SECONDS),
    setting('UnlockOnEVSideDisconnect', 'boolean', 'true'),
    setting('WebSocketPingInterval', 'integer', '60', SECONDS),
  ],
  ReservationCtrlr: [fixed('Available', 'boolean', 'true'), setting('Enabled', 'boolean', 'true'), fixed('NonEvseSpecific', 'boolean', 'true')],
  SampledDataCtrlr: [
    fixed('Available', 'boolean', 'true'),
    setting('Enabled', 'boolean', 'true'),
    setting('SignReadings', 'boolean', 'false'),
    setting('TxEndedInterval', 'integer', '0', SECONDS),
    setting('TxEndedMeasurands', 'MemberList', ENERGY_REGISTER, { valuesList: MEASURANDS }),
    setting('TxStartedMeasurands', 'MemberList', ENERGY_REGISTER, { valuesList: MEASURANDS }),
    setting('TxUpdatedInterval', 'integer', '0', SECONDS),
    setting('TxUpdatedMeasurands', 'MemberList', ENERGY_REGISTER, { valuesList: MEASURANDS }),
  ],
  SecurityCtrlr: [
    fixed('AdditionalRootCertificateCheck', 'boolean', 'false'),
    secret('BasicAuthPassword', 'string', undefined, { minLimit: 16, maxLimit: 40 }),
    stored('CertificateEntries', 'integer', '0', { minLimit: 0, maxLimit: 50 }),
    setting('CertSigningRepeatTimes', 'integer', '3', COUNT),
    setting('CertSigningWaitMinimum', 'integer', '60', SECONDS),
    fixed('Identity', 'string', DEFAULT_IDENTITY, { maxLimit: 48 }),
    setting('OrganizationName', 'string', 'OCPP CT'),
    stored('SecurityProfile', 'integer', '1', { minLimit: 1, maxLimit: 3 }),
  ],
  SmartChargingCtrlr: [
    fixed('Available', 'boolean', 'true'),
    setting('Enabled', 'boolean', 'true'),
    stored('Entries', 'integer', '0', { instance: 'ChargingProfiles', minLimit: 0, maxLimit: 50 }),
    setting('ExternalControlSignalsEnabled', 'boolean', 'true'),
    setting('NotifyChargingLimitWithSchedules', 'boolean', 'false'),
    setting('LimitChangeSignificance', 'decimal', '1.0', { unit: 'Percent', minLimit: 0, maxLimit: 100 }),
    fixed('PeriodsPerSchedule', 'integer', '24'),
    fixed('ProfileStackLevel', 'integer', '10'),
    fixedSet('RateUnit', 'A,W'),
  ],
  TariffCostCtrlr: [
    fixed('Available', 'boolean', 'true', { instance: 'Tariff' }),
    setting('Enabled', 'boolean', 'true', { instance: 'Tariff' }),
    fixed('Available', 'boolean', 'true', { instance: 'Cost' }),
    setting('Enabled', 'boolean', 'true', { instance: 'Cost' }),
    setting('Currency', 'string', 'EUR', { maxLimit: 3 }),
    setting('TariffFallbackMessage', 'string', 'Standard tariff applies.', { maxLimit: 255 }),
    setting('TotalCostFallbackMessage', 'string', 'Total cost is not available.', { maxLimit: 255 }),
  ],
  TxCtrlr: [
    setting('EVConnectionTimeOut', 'integer', '60', SECONDS),
    setting('MaxEnergyOnInvalidId', 'integer', '0', { unit: 'Wh', minLimit: 0 }),
    setting('StopTxOnEVSideDisconnect', 'boolean', 'true'),
    setting('StopTxOnInvalidId', 'boolean', 'true'),
    setting('TxBeforeAcceptedEnabled', 'boolean', 'false'),
    setting('TxStartPoint', 'MemberList', 'EVConnected,Authorized', { valuesList: TX_START_POINTS }),
    setting('TxStopPoint', 'MemberList', 'EVConnected', { valuesList: TX_STOP_POINTS }),
  ],
};

const CHARGING_STATION: readonly VariableSpec[] = [
  live('AvailabilityState', 'OptionList', 'Available', { valuesList: AVAILABILITY_STATES }),
  fixed('Available', 'boolean', 'true'),
  fixed('SupplyPhases', 'integer', '3'),
  setting('AllowNewSessionsPendingFirmwareUpdate', 'boolean', 'false'),
  // Block N: what the station draws in all, the sum of its EVSEs (monitoring.ts keeps it; Part 6 monitors it in TC_N_03_CS).
  live('Power', 'decimal', '0', { unit: 'W', minLimit: 0, maxLimit: 2 * EVSE_MAX_POWER }),
];

const EVSE: readonly VariableSpec[] = [
  live('AvailabilityState', 'OptionList', 'Available', { valuesList: AVAILABILITY_STATES }),
  fixed('Available', 'boolean', 'true'),
  live('Power', 'decimal', '0', { unit: 'W', minLimit: 0, maxLimit: EVSE_MAX_POWER }),
  fixed('SupplyPhases', 'integer', '3'),
];

/** Sockets (sType2) rather than fixed cables, so UnlockOnEVSideDisconnect may stay writable. */
const CONNECTOR: readonly VariableSpec[] = [
  live('AvailabilityState', 'OptionList', 'Available', { valuesList: AVAILABILITY_STATES }),
  fixed('Available', 'boolean', 'true'),
  fixed('ConnectorType', 'string', 'sType2'),
  fixed('SupplyPhases', 'integer', '3'),
];

/** G05: the plug retention lock of a connector. */
const PLUG_RETENTION_LOCK: readonly VariableSpec[] = [fixed('Enabled', 'boolean', 'true'), live('Active', 'boolean', 'false'), live('Problem', 'boolean', 'false')];

function definitionOf(component: ComponentType, spec: VariableSpec): VariableDefinition {
  const { unit, minLimit, maxLimit, valuesList } = spec;
  return {
    component,
    variable: spec.instance === undefined ? { name: spec.name } : { name: spec.name, instance: spec.instance },
    ...KINDS[spec.kind],
    characteristics: {
      dataType: spec.dataType,
      ...definedOnly({ unit, minLimit, maxLimit, valuesList }),
      // Block N: every variable can be monitored (monitoring.ts); thresholds only on numbers (N04.FR.05).
      supportsMonitoring: true,
    },
    attributes: [{ type: 'Actual', ...definedOnly({ value: spec.value }) }],
    rebootRequired: spec.rebootRequired ?? false,
    readsClock: spec.readsClock ?? false,
  };
}

/** The object without its undefined properties, so payloads carry no `key: undefined`. */
function definedOnly<T extends object>(fields: T): Partial<T> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Partial<T>;
}

const definitionsOf = (component: ComponentType, specs: readonly VariableSpec[]): VariableDefinition[] =>
  specs.map((spec) => definitionOf(component, spec));

function checkIds(ids: readonly number[], what: string): void {
  const bad = ids.find((id, index) => !Number.isInteger(id) || id < 1 || ids.indexOf(id) !== index);
  if (bad !== undefined) throw new Error(`layout: ${what} id ${bad} is not a positive integer used once`);
}

/**
 * The standard component-variables of a station with this layout: ChargingStation, one EVSE component per EVSE,
 * one Connector component per connector, then the controller components.
 * @throws Error when an EVSE id or a connector id (within its EVSE) is not a positive integer used once.
 */
export function standardDefinitions(layout: StationLayout): VariableDefinition[] {
  checkIds(
    layout.evses.map((evse) => evse.id),
    'EVSE',
  );
  const hardware = layout.evses.flatMap((evse) => {
    checkIds(evse.connectors, `EVSE ${evse.id} connector`);
    return [
      ...definitionsOf({ name: 'EVSE', evse: { id: evse.id } }, EVSE),
      ...evse.connectors.flatMap((connectorId) => definitionsOf({ name: 'Connector', evse: { id: evse.id, connectorId } }, CONNECTOR)),
      // G05 (issue 14): each connector's plug retention lock; Problem turns true when it fails to lock.
      ...evse.connectors.flatMap((connectorId) => definitionsOf({ name: 'ConnectorPlugRetentionLock', evse: { id: evse.id, connectorId } }, PLUG_RETENTION_LOCK)),
    ];
  });
  const controllers = Object.entries(CONTROLLERS).flatMap(([name, specs]) => definitionsOf({ name }, specs));
  return [...definitionsOf({ name: 'ChargingStation' }, CHARGING_STATION), ...hardware, ...controllers];
}
