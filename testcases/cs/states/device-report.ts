/** Reports of the station's device model as the B07/B08 cases ask for them: the request, every NotifyReportRequest with its checks, and checks of the reported data. */
import { newRequestId } from '../../../src/actors/ids';
import type { CsCaseContext } from '../../../src/engine/testcase';
import type { RunConfig } from '../../../src/engine/config';
import type { OcppRequests } from '../../../src/ocpp/generated';
import type { ReportDataType } from '../../../src/ocpp/generated/definitions';

/** A report the harness asks for: a base report (B07) or a custom report (B08). */
export type ReportRequest =
  | { readonly kind: 'GetBaseReport'; readonly reportBase: OcppRequests['GetBaseReport']['reportBase'] }
  | { readonly kind: 'GetReport'; readonly componentCriteria?: OcppRequests['GetReport']['componentCriteria']; readonly componentVariable?: OcppRequests['GetReport']['componentVariable'] };

/** Text form of a reported component-variable, e.g. `EVSE[1].AvailabilityState`, `DeviceDataCtrlr.ItemsPerMessage[GetReport]`. */
export function reportKey({ component, variable }: Pick<ReportDataType, 'component' | 'variable'>): string {
  const evse = component.evse ? `[${[component.evse.id, component.evse.connectorId].filter((id) => id !== undefined).join(',')}]` : '';
  return `${component.name}${component.instance ? `(${component.instance})` : ''}${evse}.${variable.name}${variable.instance ? `[${variable.instance}]` : ''}`;
}

/** A random requestId for one report. */

/** A statusInfo that Part 6 allows: absent, or with one of the given reason codes. */
export function checkStatusInfo(ctx: CsCaseContext, label: string, statusInfo: { reasonCode: string } | undefined, allowed: readonly string[]): void {
  ctx.check.that(label, statusInfo === undefined || allowed.includes(statusInfo.reasonCode), `absent or reasonCode ${allowed.map((r) => `"${r}"`).join(' or ')}`, statusInfo === undefined ? '(absent)' : `reasonCode "${statusInfo.reasonCode}"`);
}

/**
 * Asks for a report and checks that the station accepts it (status Accepted, statusInfo absent or NoError), then, in
 * the second step, answers every NotifyReportRequest up to the one without tbc, checking in each: requestId is the
 * one sent (B07.FR.04 / B08.FR.04), generatedAt is a station time within the configured deviation of the exchange,
 * seqNo is 0 and then one more each time (B07.FR.10 / B08.FR.14). Returns every reportData in order.
 */
export async function requestedReport(ctx: CsCaseContext, titles: { readonly request: string; readonly notify: string }, request: ReportRequest): Promise<ReportDataType[]> {
  const { step, csms, check, config } = ctx;
  const requestId = newRequestId();
  const sentAt = Date.now();
  await step(titles.request, async () => {
    const response =
      request.kind === 'GetBaseReport'
        ? await csms.call('GetBaseReport', { requestId, reportBase: request.reportBase })
        : await csms.call('GetReport', { requestId, ...(request.componentCriteria ? { componentCriteria: request.componentCriteria } : {}), ...(request.componentVariable ? { componentVariable: request.componentVariable } : {}) });
    check.equal(`${request.kind}Response.status`, response.status, 'Accepted');
    checkStatusInfo(ctx, `${request.kind}Response.statusInfo`, response.statusInfo, ['NoError']);
  });
  return step(titles.notify, async () => {
    const entries: ReportDataType[] = [];
    const slackMs = config.configured.maxTimeDeviationSeconds * 1000;
    for (let part = 0; ; part++) {
      // Only parts of this report count: a late part of an earlier report is answered and recorded, never judged here.
      const notify = await csms.expect('NotifyReport', { where: (c) => c.payload.requestId === requestId, description: `NotifyReportRequest ${part} with requestId ${requestId}` });
      notify.respond({});
      const { payload } = notify;
      const generatedAt = Date.parse(payload.generatedAt);
      const inWindow = generatedAt >= sentAt - slackMs && generatedAt <= notify.receivedAt.getTime() + slackMs;
      check.that(`NotifyReportRequest[${part}].generatedAt`, inWindow, `a time between the request and this message (±${config.configured.maxTimeDeviationSeconds} s)`, payload.generatedAt);
      check.equal(`NotifyReportRequest[${part}].seqNo`, payload.seqNo, part);
      entries.push(...(payload.reportData ?? []));
      if (!payload.tbc) return entries;
    }
  });
}

/** The keys of the entries for which `bad` is true (empty: all good), for the `actual` of a check. */
const offenders = (entries: readonly ReportDataType[], bad: (entry: ReportDataType) => boolean): string[] => entries.filter(bad).map(reportKey);

const describe = (keys: readonly string[], none = 'none'): string => (keys.length === 0 ? none : keys.slice(0, 20).join(', ') + (keys.length > 20 ? `, … (${keys.length})` : ''));

const LIST_TYPES: ReadonlySet<string> = new Set(['OptionList', 'SequenceList', 'MemberList']);

/** The members of a comma-separated list, trimmed, without empty ones. */
export const listOf = (text: string | undefined): string[] =>
  (text ?? '')
    .split(',')
    .map((member) => member.trim())
    .filter((member) => member !== '');

/** Every reported variable carries variableCharacteristics (B07.FR.07/08, B08.FR.12). */
export function checkCharacteristicsPresent(ctx: CsCaseContext, entries: readonly ReportDataType[]): void {
  const missing = offenders(entries, (e) => e.variableCharacteristics === undefined);
  ctx.check.that('reportData without variableCharacteristics', missing.length === 0, 'none', describe(missing));
}

/** Every reported variable of dataType OptionList, SequenceList or MemberList carries a non-empty valuesList. */
export function checkValuesListPresent(ctx: CsCaseContext, entries: readonly ReportDataType[]): void {
  const missing = offenders(entries, (e) => LIST_TYPES.has(e.variableCharacteristics?.dataType ?? '') && listOf(e.variableCharacteristics?.valuesList).length === 0);
  ctx.check.that('list-typed reportData without valuesList', missing.length === 0, 'none', describe(missing));
}

/** The entries must hold at least one reportData (a report that was accepted carries data). */
export function checkNotEmpty(ctx: CsCaseContext, entries: readonly ReportDataType[]): void {
  ctx.check.that('number of reportData received', entries.length > 0, 'at least 1', String(entries.length));
}

/**
 * Required variables per component (Part 2 appendix, dm_components_vars "Required? yes"); `Name[instance]` for a
 * variable instance. ChargingStation, EVSE and Connector are checked for every one the station has.
 */
export const REQUIRED_VARIABLES: Readonly<Record<string, readonly string[]>> = {
  AlignedDataCtrlr: ['Interval', 'Measurands', 'TxEndedInterval', 'TxEndedMeasurands'],
  AuthCtrlr: ['AuthorizeRemoteStart', 'LocalAuthorizeOffline', 'LocalPreAuthorize'],
  ChargingStation: ['AvailabilityState', 'Available', 'SupplyPhases'],
  ClockCtrlr: ['DateTime', 'TimeSource'],
  Connector: ['Available', 'ConnectorType', 'SupplyPhases'],
  DeviceDataCtrlr: ['BytesPerMessage[GetReport]', 'BytesPerMessage[GetVariables]', 'BytesPerMessage[SetVariables]', 'ItemsPerMessage[GetReport]', 'ItemsPerMessage[GetVariables]', 'ItemsPerMessage[SetVariables]'],
  DisplayMessageCtrlr: ['DisplayMessages', 'SupportedFormats', 'SupportedPriorities'],
  EVSE: ['AvailabilityState', 'Available', 'Power', 'SupplyPhases'],
  ISO15118Ctrlr: ['ContractValidationOffline'],
  LocalAuthListCtrlr: ['BytesPerMessage', 'Entries', 'ItemsPerMessage'],
  MonitoringCtrlr: ['BytesPerMessage[SetVariableMonitoring]', 'ItemsPerMessage[SetVariableMonitoring]'],
  OCPPCommCtrlr: ['FileTransferProtocols', 'MessageTimeout[Default]', 'MessageAttemptInterval[TransactionEvent]', 'MessageAttempts[TransactionEvent]', 'NetworkConfigurationPriority', 'NetworkProfileConnectionAttempts', 'OfflineThreshold', 'ResetRetries', 'UnlockOnEVSideDisconnect'],
  SampledDataCtrlr: ['TxEndedInterval', 'TxEndedMeasurands', 'TxStartedMeasurands', 'TxUpdatedInterval', 'TxUpdatedMeasurands'],
  SecurityCtrlr: ['CertificateEntries', 'OrganizationName', 'SecurityProfile'],
  SmartChargingCtrlr: ['Entries[ChargingProfiles]', 'LimitChangeSignificance', 'PeriodsPerSchedule', 'ProfileStackLevel', 'RateUnit'],
  TariffCostCtrlr: ['Currency', 'TariffFallbackMessage', 'TotalCostFallbackMessage'],
  TxCtrlr: ['EVConnectionTimeOut', 'StopTxOnEVSideDisconnect', 'StopTxOnInvalidId', 'TxStartPoint', 'TxStopPoint'],
};

/** Controllers of the functional blocks every station implements (provisioning, security, authorization, transactions, metering). */
const CORE_CONTROLLERS = ['DeviceDataCtrlr', 'OCPPCommCtrlr', 'ClockCtrlr', 'SecurityCtrlr', 'AuthCtrlr', 'TxCtrlr', 'SampledDataCtrlr'];

/**
 * The keys of the required component-variables a station with this layout must report: those of ChargingStation, of
 * every EVSE and Connector of the configured layout, of the core controllers, and of every other controller the
 * report shows at all (a block the station implements).
 */
export function requiredKeys(config: RunConfig, entries: readonly ReportDataType[]): string[] {
  const controllers = new Set([...CORE_CONTROLLERS, ...entries.filter((e) => !e.component.evse).map((e) => e.component.name)]);
  const keys = (prefix: string, component: string) => (REQUIRED_VARIABLES[component] ?? []).map((variable) => `${prefix}.${variable}`);
  return [
    ...keys('ChargingStation', 'ChargingStation'),
    ...config.station.evses.flatMap((evse) => [...keys(`EVSE[${evse.id}]`, 'EVSE'), ...evse.connectors.flatMap((c) => keys(`Connector[${evse.id},${c}]`, 'Connector'))]),
    ...[...controllers].filter((name) => name !== 'ChargingStation' && name in REQUIRED_VARIABLES).flatMap((name) => keys(name, name)),
  ];
}

/** The required component-variables (see {@link requiredKeys}) among `candidates` that the entries do not hold. */
export function missingKeys(entries: readonly ReportDataType[], candidates: readonly string[]): string[] {
  const reported = new Set(entries.map((e) => reportKey(e).toLowerCase()));
  return candidates.filter((key) => !reported.has(key.toLowerCase()));
}

/** Checks that every one of `candidates` (keys of required component-variables) is among the reported entries. */
export function checkRequiredReported(ctx: CsCaseContext, entries: readonly ReportDataType[], candidates: readonly string[]): void {
  const missing = missingKeys(entries, candidates);
  ctx.check.that('required component-variables not reported', missing.length === 0, `none (of ${candidates.length} required)`, describe(missing));
}

/** The mutability a reportData gives its variable (that of its first attribute, Actual by B07 convention; ReadWrite when absent, the schema default). */
export const mutabilityOf = (entry: ReportDataType): string => entry.variableAttribute[0]?.mutability ?? 'ReadWrite';

/** The lines of a small report, for steps that check a few named entries. */
export const keysOf = (entries: readonly ReportDataType[]): string => describe(entries.map(reportKey));

/** The componentVariable of TC_B_17_CS and TC_B_18_CS: AvailabilityState of EVSE #1. */
export const EVSE1_AVAILABILITY = { component: { name: 'EVSE', evse: { id: 1 } }, variable: { name: 'AvailabilityState' } } as const;

/**
 * The validations of a report of EVSE #1's AvailabilityState (TC_B_17_CS, TC_B_18_CS): every reportData is that
 * component-variable, an OptionList with the five ConnectorStatus values, ReadOnly, with an Actual attribute only.
 */
export function checkEvse1Availability(ctx: CsCaseContext, entries: readonly ReportDataType[]): void {
  const { check } = ctx;
  check.that('reportData entries', entries.length > 0 && entries.every((e) => reportKey(e) === 'EVSE[1].AvailabilityState'), 'only EVSE[1].AvailabilityState', keysOf(entries));
  const expectedValues = ['Available', 'Occupied', 'Reserved', 'Unavailable', 'Faulted'];
  entries.forEach((entry, i) => {
    check.equal(`reportData[${i}].variableCharacteristics.dataType`, entry.variableCharacteristics?.dataType, 'OptionList');
    const values = listOf(entry.variableCharacteristics?.valuesList);
    check.that(`reportData[${i}].variableCharacteristics.valuesList`, values.length === expectedValues.length && expectedValues.every((v) => values.includes(v)), expectedValues.join(','), entry.variableCharacteristics?.valuesList ?? '(omitted)');
    check.equal(`reportData[${i}].variableAttribute[].type`, entry.variableAttribute.map((a) => a.type ?? 'Actual'), ['Actual']);
    check.equal(`reportData[${i}].variableAttribute[0].mutability`, mutabilityOf(entry), 'ReadOnly');
  });
}

/** DeviceDataCtrlr.ItemsPerMessage, the componentVariable of TC_B_54_CS and TC_B_55_CS (with `instance` for the latter). */
export const itemsPerMessage = (instance?: string) => ({ component: { name: 'DeviceDataCtrlr' }, variable: { name: 'ItemsPerMessage', ...(instance ? { instance } : {}) } });

/**
 * A custom report for one componentVariable (TC_B_54_CS, TC_B_55_CS, TC_B_56_CS): steps 1-4, then a step checking that
 * every reportData is one of `expected` and each of `expected` is there exactly once (keys as {@link reportKey}).
 */
export async function customReportOf(ctx: CsCaseContext, what: string, componentVariable: OcppRequests['GetReport']['componentVariable'], expected: readonly string[]): Promise<void> {
  const entries = await requestedReport(ctx, { request: `1-2. harness asks for a custom report of ${what}`, notify: '3-4. station sends NotifyReportRequest until tbc is false' }, { kind: 'GetReport', componentVariable });
  await ctx.step(`Step 3 content: the report holds ${expected.join(', ')}`, () => {
    const keys = entries.map(reportKey);
    const ok = keys.length === expected.length && expected.every((key) => keys.filter((k) => k.toLowerCase() === key.toLowerCase()).length === 1);
    ctx.check.that('reportData component-variables', ok, expected.join(', '), describe(keys));
  });
}
